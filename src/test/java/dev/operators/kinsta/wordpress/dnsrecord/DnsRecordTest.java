package dev.operators.kinsta.wordpress.dnsrecord;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.operators.kinsta.api.v1alpha1.CredentialsReference;
import dev.operators.kinsta.api.v1alpha1.DeletionPolicy;
import dev.operators.kinsta.api.v1alpha1.KinstaDnsRecord;
import dev.operators.kinsta.api.v1alpha1.KinstaDnsRecordSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaDnsRecordSpec.RecordType;
import dev.operators.kinsta.reconcile.Reasons;
import dev.operators.kinsta.simulator.Fault;
import dev.operators.kinsta.simulator.SimulatorState;
import dev.operators.kinsta.testing.OperatorHarness.Tenant;
import dev.operators.kinsta.testing.SharedHarnessTest;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * KinstaDnsRecord against the simulator's Kinsta DNS: create, change, drift, delete, adoption,
 * conflicts, the records Kinsta keeps for a site, and Kinsta's failure answers.
 */
public class DnsRecordTest extends SharedHarnessTest {
  private static final String RECORDS = "/domains/{domain_id}/dns-records";

  public static KinstaDnsRecord record(
      String name, String domain, RecordType type, String recordName, String... values) {
    KinstaDnsRecord record = new KinstaDnsRecord();
    record.setMetadata(new ObjectMetaBuilder().withName(name).build());
    KinstaDnsRecordSpec spec = new KinstaDnsRecordSpec();
    spec.credentialsRef = new CredentialsReference("kinsta");
    spec.domain = domain;
    spec.type = type;
    spec.name = recordName;
    spec.ttl = 3600;
    spec.values = List.of(values);
    record.setSpec(spec);
    return record;
  }

  static KinstaDnsRecord awaitReady(Tenant tenant, String name) {
    return tenant.awaitCondition(
        KinstaDnsRecord.class, name, "Ready", "True", null, Duration.ofSeconds(30));
  }

  static KinstaDnsRecord awaitStalled(Tenant tenant, String name, String reason) {
    return tenant.awaitCondition(
        KinstaDnsRecord.class, name, "Stalled", "True", reason, Duration.ofSeconds(30));
  }

  private static String domain() {
    return "shop-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
  }

  private static Optional<SimulatorState.DnsRecord> inKinsta(
      String zoneId, String type, String fqdn) {
    return harness.kinsta.simulator.read(
        state -> state.dnsZones.get(zoneId).record(type, fqdn).map(DnsRecordTest::copy));
  }

  private static SimulatorState.DnsRecord copy(SimulatorState.DnsRecord record) {
    return new SimulatorState.DnsRecord(record.type, record.name, record.ttl, record.values);
  }

  private static int recordCount(String zoneId) {
    return harness.kinsta.simulator.read(state -> state.dnsZones.get(zoneId).records.size());
  }

  @Test
  void createsChangesAndDeletesOneRecordAndLeavesTheZonesOthersAlone() {
    Tenant tenant = harness.tenant();
    String domain = domain();
    String zoneId = harness.kinsta.simulator.seedDnsZone(tenant.companyId(), domain);
    tenant.create(
        record(
            "mail",
            domain,
            RecordType.MX,
            "@",
            "10 mx1.mail.example.net",
            "20 mx2.mail.example.net"));

    KinstaDnsRecord ready = awaitReady(tenant, "mail");

    assertEquals(zoneId, ready.getStatus().domainId);
    assertEquals(domain, ready.getStatus().fqdn);
    assertEquals(Boolean.FALSE, ready.getStatus().adopted);
    assertNull(ready.getStatus().creation, "the creation is confirmed");
    assertEquals(
        List.of("10 mx1.mail.example.net", "20 mx2.mail.example.net"), ready.getStatus().values);
    SimulatorState.DnsRecord mx = inKinsta(zoneId, "MX", domain).orElseThrow();
    assertEquals(3600, mx.ttl);
    assertEquals(1, tenant.calls("POST " + RECORDS));
    assertEquals(3, recordCount(zoneId), "the zone's apex A and www CNAME stay as they were");

    // A changed value and TTL: one update, adding one value and removing the other.
    tenant.edit(
        KinstaDnsRecord.class,
        "mail",
        r -> {
          r.getSpec().values = List.of("10 mx1.mail.example.net", "30 mx3.mail.example.net");
          r.getSpec().ttl = 600;
        });
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> inKinsta(zoneId, "MX", domain).orElseThrow().ttl == 600);
    KinstaDnsRecord changed = awaitReady(tenant, "mail");
    assertEquals(
        List.of("10 mx1.mail.example.net", "30 mx3.mail.example.net"),
        inKinsta(zoneId, "MX", domain).orElseThrow().values);
    assertEquals(600, changed.getStatus().ttl);
    assertEquals(1, tenant.calls("PUT " + RECORDS));

    tenant.delete(KinstaDnsRecord.class, "mail");
    tenant.awaitGone(KinstaDnsRecord.class, "mail", Duration.ofSeconds(30));
    assertTrue(inKinsta(zoneId, "MX", domain).isEmpty(), "deleted with the resource");
    assertEquals(2, recordCount(zoneId), "only its own record was deleted");
    assertEquals(1, tenant.calls("DELETE " + RECORDS));
  }

  @Test
  void putsBackARecordChangedOrRemovedInMyKinsta() {
    Tenant tenant = harness.tenant();
    String domain = domain();
    String zoneId = harness.kinsta.simulator.seedDnsZone(tenant.companyId(), domain);
    String fqdn = "_dmarc." + domain;
    tenant.create(record("dmarc", domain, RecordType.TXT, "_dmarc", "v=DMARC1; p=reject"));
    awaitReady(tenant, "dmarc");

    harness.kinsta.simulator.mutate(
        state -> {
          SimulatorState.DnsRecord txt = state.dnsZones.get(zoneId).record("TXT", fqdn).get();
          txt.values.clear();
          txt.values.add("v=DMARC1; p=none");
        });
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              tenant.requestReconcile(KinstaDnsRecord.class, "dmarc", Instant.now().toString());
              return inKinsta(zoneId, "TXT", fqdn)
                  .map(r -> r.values.equals(List.of("v=DMARC1; p=reject")))
                  .orElse(false);
            });

    harness.kinsta.simulator.mutate(
        state -> {
          state.dnsZones.get(zoneId).records.removeIf(r -> r.name.equals(fqdn));
        });
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              tenant.requestReconcile(KinstaDnsRecord.class, "dmarc", Instant.now().toString());
              return inKinsta(zoneId, "TXT", fqdn).isPresent();
            });
    awaitReady(tenant, "dmarc");
    assertTrue(
        tenant.events().stream()
            .anyMatch(e -> DnsReasons.RECORD_RESTORED.code().equals(e.getReason())),
        "putting back a removed record is reported");
    assertEquals(1, recordCountOf(zoneId, "TXT", fqdn), "exactly one record set");
  }

  private static long recordCountOf(String zoneId, String type, String fqdn) {
    return harness.kinsta.simulator.read(
        state ->
            state.dnsZones.get(zoneId).records.stream()
                .filter(r -> r.type.equals(type) && r.name.equals(fqdn))
                .count());
  }

  @Test
  void leavesAnExistingRecordAloneUntilTheSpecAdoptsItAndRetainsItOnDelete() {
    Tenant tenant = harness.tenant();
    String domain = domain();
    String zoneId = harness.kinsta.simulator.seedDnsZone(tenant.companyId(), domain);
    tenant.create(record("www", domain, RecordType.CNAME, "www", "shop.example.net"));

    KinstaDnsRecord stalled = awaitStalled(tenant, "www", DnsReasons.RECORD_EXISTS.code());
    assertTrue(
        StatusMessage.of(stalled).contains("spec.adopt"), "says how to take the record over");
    assertEquals(0, tenant.writes(), "an existing record is not touched");
    assertEquals(List.of(domain), inKinsta(zoneId, "CNAME", "www." + domain).get().values);

    tenant.edit(KinstaDnsRecord.class, "www", r -> r.getSpec().adopt = true);
    KinstaDnsRecord adopted = awaitReady(tenant, "www");
    assertEquals(Boolean.TRUE, adopted.getStatus().adopted);
    assertEquals(
        List.of("shop.example.net"), inKinsta(zoneId, "CNAME", "www." + domain).get().values);
    assertEquals(0, tenant.calls("POST " + RECORDS), "adopted, not created");

    tenant.delete(KinstaDnsRecord.class, "www");
    tenant.awaitGone(KinstaDnsRecord.class, "www", Duration.ofSeconds(30));
    assertTrue(
        inKinsta(zoneId, "CNAME", "www." + domain).isPresent(), "adopted records are retained");
    assertEquals(0, tenant.calls("DELETE " + RECORDS));
  }

  @Test
  void keepsTheApexRecordKinstaMakesForASiteUnlessTheSpecSaysDelete() {
    Tenant tenant = harness.tenant();
    String domain = domain();
    String siteId = harness.kinsta.simulator.seedSite(tenant.companyId(), "Shop");
    String zoneId = harness.kinsta.simulator.seedDnsZone(tenant.companyId(), domain, siteId);
    // The apex record removed in MyKinsta: the resource creates it, so the operator's default
    // (Delete, in these tests) would apply to it, were it not the site's.
    harness.kinsta.simulator.mutate(
        state -> {
          state.dnsZones.get(zoneId).records.removeIf(r -> r.name.equals(domain));
        });
    KinstaDnsRecord apex = record("apex", domain, RecordType.A, "@", "34.120.0.10");
    tenant.create(apex);

    KinstaDnsRecord ready = awaitReady(tenant, "apex");
    assertEquals(Boolean.FALSE, ready.getStatus().adopted);
    assertEquals(Boolean.TRUE, ready.getStatus().siteRecord);
    assertEquals(siteId, ready.getStatus().siteId);
    assertTrue(StatusMessage.of(ready).contains(siteId), StatusMessage.of(ready));

    tenant.delete(KinstaDnsRecord.class, "apex");
    tenant.awaitGone(KinstaDnsRecord.class, "apex", Duration.ofSeconds(30));
    assertTrue(inKinsta(zoneId, "A", domain).isPresent(), "the site's apex record is kept");
    assertEquals(0, tenant.calls("DELETE " + RECORDS));

    KinstaDnsRecord www = record("www", domain, RecordType.CNAME, "www", domain);
    www.getSpec().adopt = true;
    www.getSpec().deletionPolicy = DeletionPolicy.Delete;
    tenant.create(www);
    awaitReady(tenant, "www");
    tenant.delete(KinstaDnsRecord.class, "www");
    tenant.awaitGone(KinstaDnsRecord.class, "www", Duration.ofSeconds(30));
    assertTrue(inKinsta(zoneId, "CNAME", "www." + domain).isEmpty(), "deleted when told so");
  }

  @Test
  void aSecondResourceForTheSameRecordIsAConflictOnTheLaterOne() {
    Tenant tenant = harness.tenant();
    String domain = domain();
    String zoneId = harness.kinsta.simulator.seedDnsZone(tenant.companyId(), domain);
    tenant.create(
        record("spf", domain, RecordType.TXT, "@", "v=spf1 include:_spf.example.net ~all"));
    awaitReady(tenant, "spf");
    long writesBefore = tenant.writes();

    // The same record, through the zone's id and with other values: refused, no tug of war.
    KinstaDnsRecord later = record("spf-again", null, RecordType.TXT, "@", "v=spf1 -all");
    later.getSpec().domainId = zoneId;
    later.getSpec().adopt = true;
    tenant.create(later);

    KinstaDnsRecord refused = awaitStalled(tenant, "spf-again", Reasons.ALREADY_MANAGED.code());
    assertTrue(StatusMessage.of(refused).contains("spf"), StatusMessage.of(refused));
    assertEquals(writesBefore, tenant.writes(), "the later resource wrote nothing");
    assertEquals(
        List.of("v=spf1 include:_spf.example.net ~all"),
        inKinsta(zoneId, "TXT", domain).get().values);

    tenant.delete(KinstaDnsRecord.class, "spf-again");
    tenant.awaitGone(KinstaDnsRecord.class, "spf-again", Duration.ofSeconds(30));
    assertTrue(inKinsta(zoneId, "TXT", domain).isPresent(), "the first one's record stays");
    awaitReady(tenant, "spf");
  }

  @Test
  void aZoneTheCompanyDoesNotHaveStallsWithoutWrites() {
    Tenant tenant = harness.tenant();
    tenant.create(record("lost", domain(), RecordType.A, "www", "192.0.2.10"));

    KinstaDnsRecord stalled = awaitStalled(tenant, "lost", DnsReasons.ZONE_NOT_FOUND.code());

    assertTrue(StatusMessage.of(stalled).contains("Kinsta DNS zone"), StatusMessage.of(stalled));
    assertEquals(0, tenant.writes());
  }

  @Test
  void aLostAnswerOrAServerErrorStillMakesExactlyOneRecord() {
    Tenant tenant = harness.tenant();
    String domain = domain();
    String zoneId = harness.kinsta.simulator.seedDnsZone(tenant.companyId(), domain);
    harness.kinsta.simulator.addFault(Fault.loseAnswer("POST /domains/" + zoneId + "/.*", 1));
    tenant.create(record("lost-answer", domain, RecordType.A, "api", "192.0.2.20"));
    KinstaDnsRecord ready = awaitReady(tenant, "lost-answer");
    assertEquals(Boolean.FALSE, ready.getStatus().adopted, "found as its own creation");
    assertEquals(1, recordCountOf(zoneId, "A", "api." + domain));
    assertEquals(1, tenant.calls("POST " + RECORDS), "not sent again");

    harness.kinsta.simulator.addFault(Fault.status("POST /domains/" + zoneId + "/.*", 503, 2));
    tenant.create(record("after-errors", domain, RecordType.A, "cdn", "192.0.2.30"));
    awaitReady(tenant, "after-errors");
    assertEquals(1, recordCountOf(zoneId, "A", "cdn." + domain));
  }

  @Test
  void aFailedOperationIsReportedWithKinstasMessage() {
    Tenant tenant = harness.tenant();
    String domain = domain();
    String zoneId = harness.kinsta.simulator.seedDnsZone(tenant.companyId(), domain);
    tenant.create(record("blog", domain, RecordType.A, "blog", "192.0.2.40"));
    awaitReady(tenant, "blog");
    harness.kinsta.simulator.addFault(
        Fault.failOperation(
            "PUT /domains/" + zoneId + "/.*", "The DNS provider is unavailable", 1));

    tenant.edit(KinstaDnsRecord.class, "blog", r -> r.getSpec().values = List.of("192.0.2.41"));

    KinstaDnsRecord failed = awaitStalled(tenant, "blog", Reasons.OPERATION_FAILED.code());
    assertTrue(
        StatusMessage.of(failed).contains("The DNS provider is unavailable"),
        StatusMessage.of(failed));
    assertFalse(StatusMessage.of(failed).contains(tenant.companyId()));
  }

  /** The message of the resource's Stalled or Ready condition, whichever is True. */
  static final class StatusMessage {
    private StatusMessage() {}

    static String of(KinstaDnsRecord record) {
      return record.getStatus().conditions.stream()
          .filter(c -> "True".equals(c.getStatus()))
          .filter(c -> !"Reconciling".equals(c.getType()))
          .map(c -> c.getMessage())
          .findFirst()
          .orElse("");
    }
  }
}
