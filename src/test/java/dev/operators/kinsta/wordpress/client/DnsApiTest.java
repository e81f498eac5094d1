package dev.operators.kinsta.wordpress.client;

import static dev.operators.kinsta.testing.SimulatorFixture.awaitOperation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.operators.kinsta.testing.SimulatorFixture;
import dev.operators.kinsta.transport.KinstaApiException;
import dev.operators.kinsta.transport.KinstaCredentials;
import dev.operators.kinsta.wordpress.client.dto.DnsRecord;
import dev.operators.kinsta.wordpress.client.dto.DnsZone;
import dev.operators.kinsta.wordpress.client.dto.OperationStatus;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Kinsta DNS methods of the client against the simulator over HTTP: zones, records created,
 * changed and deleted through operations, and the refusals Kinsta documents (400 for a bad record,
 * 404 for a zone the company does not have).
 */
class DnsApiTest {
  static SimulatorFixture fixture;
  KinstaCredentials credentials;
  KinstaApi api;
  String zoneId;

  @BeforeAll
  static void startSimulator() {
    fixture = SimulatorFixture.start();
  }

  @AfterAll
  static void stopSimulator() {
    try {
      // The simulator's answers match the contract; 400s are this class's point, so not counted.
      assertEquals(List.of(), fixture.simulator.contractViolations());
    } finally {
      fixture.close();
    }
  }

  @BeforeEach
  void companyWithAZone() {
    credentials = fixture.company("Shop " + System.nanoTime());
    api = fixture.kinsta(credentials);
    zoneId = fixture.simulator.seedDnsZone(credentials.companyId(), "shop.example");
  }

  @Test
  void listsTheCompanysZonesWithTheRecordsKinstaMadeForTheSite() {
    List<DnsZone> zones = api.dns().listDnsZones();
    assertEquals(1, zones.size());
    assertEquals("shop.example", zones.get(0).name());
    assertEquals(zoneId, zones.get(0).id());
    assertNull(zones.get(0).siteId());
    assertTrue(zones.get(0).isActive());
    List<DnsRecord> records = api.dns().listDnsRecords(zoneId);
    assertEquals(
        List.of("A shop.example", "CNAME www.shop.example"),
        records.stream().map(r -> r.type() + " " + r.name()).toList());
    assertEquals(List.of("shop.example"), records.get(1).values());
  }

  @Test
  void createsChangesAndDeletesARecordThroughOperations() {
    assertOk(
        api.dns()
            .createDnsRecord(
                zoneId,
                DnsRecord.of(
                    "MX",
                    "shop.example",
                    3600,
                    List.of("10 mx1.mail.example", "20 mx2.mail.example"))));
    assertEquals(
        List.of("10 mx1.mail.example", "20 mx2.mail.example"),
        record("MX", "shop.example").orElseThrow().values());

    assertOk(
        api.dns()
            .updateDnsRecord(
                zoneId,
                "MX",
                "shop.example",
                600,
                List.of("30 mx3.mail.example"),
                List.of("20 mx2.mail.example")));
    DnsRecord changed = record("MX", "shop.example").orElseThrow();
    assertEquals(List.of("10 mx1.mail.example", "30 mx3.mail.example"), changed.values());
    assertEquals(600, changed.ttl());

    assertOk(api.dns().deleteDnsRecord(zoneId, "MX", "shop.example"));
    assertTrue(record("MX", "shop.example").isEmpty());
    assertTrue(record("A", "shop.example").isPresent(), "other records stay");
  }

  @Test
  void refusesABadRecordWith400() {
    assertThrows(
        KinstaApiException.InvalidRequest.class,
        () ->
            api.dns()
                .createDnsRecord(
                    zoneId, DnsRecord.of("A", "shop.example", 60, List.of("192.0.2.1"))),
        "a TTL under 300");
    assertThrows(
        KinstaApiException.InvalidRequest.class,
        () ->
            api.dns()
                .createDnsRecord(
                    zoneId, DnsRecord.of("A", "elsewhere.example", 3600, List.of("192.0.2.1"))),
        "a name outside the zone");
    assertThrows(
        KinstaApiException.InvalidRequest.class,
        () ->
            api.dns()
                .createDnsRecord(
                    zoneId, DnsRecord.of("A", "shop.example", 3600, List.of("192.0.2.1"))),
        "a record set that exists: it is changed with PUT");
    assertThrows(
        KinstaApiException.InvalidRequest.class,
        () -> api.dns().deleteDnsRecord(zoneId, "TXT", "nothing.shop.example"),
        "a record set that does not exist");
  }

  @Test
  void aZoneOfAnotherCompanyIsNotFound() {
    KinstaApi other = fixture.kinsta(fixture.company("Other " + System.nanoTime()));
    assertTrue(other.dns().listDnsZones().isEmpty());
    assertThrows(KinstaApiException.NotFound.class, () -> other.dns().listDnsRecords(zoneId));
    assertThrows(
        KinstaApiException.NotFound.class,
        () -> other.dns().deleteDnsRecord(zoneId, "A", "shop.example"));
  }

  private Optional<DnsRecord> record(String type, String name) {
    return api.dns().listDnsRecords(zoneId).stream()
        .filter(r -> r.type().equals(type) && r.name().equals(name))
        .findFirst();
  }

  private void assertOk(dev.operators.kinsta.wordpress.client.dto.OperationRef started) {
    OperationStatus done = awaitOperation(api, started);
    assertEquals(OperationStatus.State.SUCCEEDED, done.state(), done.message());
  }
}
