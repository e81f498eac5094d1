package dev.operators.kinsta.company;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.operators.kinsta.api.v1alpha1.CredentialsReference;
import dev.operators.kinsta.api.v1alpha1.KinstaCompany;
import dev.operators.kinsta.api.v1alpha1.KinstaCompanySpec;
import dev.operators.kinsta.api.v1alpha1.KinstaCompanyStatus;
import dev.operators.kinsta.api.v1alpha1.KinstaDnsRecord;
import dev.operators.kinsta.api.v1alpha1.KinstaDnsRecordSpec;
import dev.operators.kinsta.hosting.application.ApplicationLifecycleTest;
import dev.operators.kinsta.reconcile.Reasons;
import dev.operators.kinsta.simulator.Fault;
import dev.operators.kinsta.testing.OperatorHarness.Tenant;
import dev.operators.kinsta.testing.SharedHarnessTest;
import dev.operators.kinsta.wordpress.dnsrecord.DnsRecordTest;
import dev.operators.kinsta.wordpress.site.Sites;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * KinstaCompany against the simulator: the company's regions, users and API keys, what it runs
 * against what resources manage, the key-expiry warning, one resource per Secret, and parts the key
 * may not read.
 */
public class CompanyTest extends SharedHarnessTest {

  public static KinstaCompany company(String name) {
    KinstaCompany company = new KinstaCompany();
    company.setMetadata(new ObjectMetaBuilder().withName(name).build());
    KinstaCompanySpec spec = new KinstaCompanySpec();
    spec.credentialsRef = new CredentialsReference("kinsta");
    company.setSpec(spec);
    return company;
  }

  public static KinstaCompany awaitReady(Tenant tenant, String name) {
    return tenant.awaitCondition(
        KinstaCompany.class, name, "Ready", "True", null, Duration.ofSeconds(30));
  }

  @Test
  void showsTheCompanyAndWhatItRunsAgainstWhatResourcesManage() {
    Tenant tenant = harness.tenant();
    String handmade = harness.kinsta.simulator.seedSite(tenant.companyId(), "Made in MyKinsta");
    tenant.create(Sites.plain("managed"));
    String managedSite = tenant.awaitSiteReady("managed").getStatus().siteId;
    String appId = harness.kinsta.simulator.seedApplication(tenant.companyId(), "Storefront API");
    String unmanagedApp = harness.kinsta.simulator.seedApplication(tenant.companyId(), "Old app");
    tenant.create(ApplicationLifecycleTest.adoptingId("api", appId));
    ApplicationLifecycleTest.awaitReady(tenant, "api");
    String database =
        harness.kinsta.simulator.seedDatabase(tenant.companyId(), "Reports", "postgresql");

    String project = harness.kinsta.simulator.seedProject(tenant.companyId(), "Client ACME");
    harness.kinsta.simulator.seedStaticSite(tenant.companyId(), "docs");
    tenant.create(
        dev.operators.kinsta.hosting.staticsite.StaticSiteTest.adoptingName("docs", "docs"));
    dev.operators.kinsta.hosting.staticsite.StaticSiteTest.awaitReady(tenant, "docs");
    long writesBefore = tenant.writes();
    tenant.create(company("acme"));
    KinstaCompany shown =
        await(
            tenant,
            "acme",
            c -> c.getStatus().sites != null && c.getStatus().applications.managed == 1);
    KinstaCompanyStatus status = shown.getStatus();
    assertEquals(tenant.companyId(), status.companyId);
    assertTrue(status.regions.stream().anyMatch(r -> "us-central1".equals(r.region)));
    assertEquals(1, status.userCount);
    assertNull(status.users.get(0).email, "no e-mail address unless the spec asks");
    assertEquals(1, status.apiKeys.size());
    assertEquals("active", status.apiKeys.get(0).status);
    assertFalse(
        Serialization.asJson(status).contains(tenant.apiKey), "never the key itself in status");

    assertEquals(2, status.sites.inKinsta);
    assertEquals(1, status.sites.managed);
    assertEquals(List.of(handmade), status.sites.unmanaged.stream().map(o -> o.id).toList());
    assertEquals("Made in MyKinsta", status.sites.unmanaged.get(0).name);
    assertFalse(status.sites.unmanaged.stream().anyMatch(o -> managedSite.equals(o.id)));
    assertEquals(2, status.applications.inKinsta);
    assertEquals(
        List.of(unmanagedApp), status.applications.unmanaged.stream().map(o -> o.id).toList());
    assertEquals(1, status.databases.unmanagedCount);
    assertEquals(1, status.staticSites.inKinsta);
    assertEquals(1, status.staticSites.managed);
    assertEquals(database, status.databases.unmanaged.get(0).id);
    assertEquals(1, status.projects.inKinsta);
    assertEquals(project, status.projects.unmanaged.get(0).id);
    assertEquals("Client ACME", status.projects.unmanaged.get(0).name);
    assertEquals("False", condition(shown, CompanyReconciler.KEY_EXPIRING).getStatus());
    assertEquals(writesBefore, tenant.writes(), "read-only towards Kinsta");

    tenant.edit(KinstaCompany.class, "acme", c -> c.getSpec().showUserEmails = true);
    KinstaCompany withEmails = await(tenant, "acme", c -> c.getStatus().users.get(0).email != null);
    assertTrue(withEmails.getStatus().users.get(0).email.endsWith(".example"));
  }

  @Test
  void showsTheDnsZonesWithTheirRecordsWhichAreManagedAndTheUsersPictures() {
    Tenant tenant = harness.tenant();
    String domain = "zones-" + tenant.companyId().substring(0, 8) + ".example";
    String zoneId = harness.kinsta.simulator.seedDnsZone(tenant.companyId(), domain);
    KinstaDnsRecord apex =
        DnsRecordTest.record("apex", domain, KinstaDnsRecordSpec.RecordType.A, "@", "34.120.0.10");
    apex.getSpec().adopt = true;
    tenant.create(apex);
    tenant.awaitCondition(
        KinstaDnsRecord.class, "apex", "Ready", "True", null, Duration.ofSeconds(30));
    tenant.create(company("acme"));

    KinstaCompany shown =
        await(
            tenant,
            "acme",
            c -> c.getStatus().dnsZones != null && !c.getStatus().dnsZones.isEmpty());

    KinstaCompanyStatus.DnsZoneStatus zone = shown.getStatus().dnsZones.get(0);
    assertEquals(zoneId, zone.id);
    assertEquals(domain, zone.name);
    assertEquals(
        List.of("CNAME www." + domain, "A " + domain),
        zone.records.stream().map(r -> r.type + " " + r.name).toList(),
        "by name");
    assertNull(zone.records.get(0).managed);
    assertEquals(Boolean.TRUE, zone.records.get(1).managed, "the KinstaDnsRecord manages it");
    assertEquals(List.of("34.120.0.10"), zone.records.get(1).values);
    assertTrue(
        shown.getStatus().users.stream()
            .allMatch(u -> u.image != null && u.image.startsWith("https://")),
        "each user's picture link");
  }

  @Test
  void warnsBeforeAnApiKeyOfTheCompanyExpires() {
    Tenant tenant = harness.tenant();
    String second = harness.kinsta.simulator.addApiKey(tenant.companyId());
    harness.kinsta.simulator.mutate(
        state -> {
          state.apiKeys.get(second).expiresAt = Instant.now().plus(Duration.ofDays(3));
        });
    tenant.create(company("acme"));
    KinstaCompany warned =
        tenant.awaitCondition(
            KinstaCompany.class,
            "acme",
            CompanyReconciler.KEY_EXPIRING,
            "True",
            CompanyReasons.KEY_EXPIRES_SOON.code(),
            Duration.ofSeconds(30));
    assertTrue(condition(warned, "Ready").getStatus().equals("True"), "a warning, not a failure");
    assertTrue(tenant.events().stream().anyMatch(e -> "KeyExpiresSoon".equals(e.getReason())));

    // A shorter warning window than the time left: the condition turns False.
    tenant.edit(KinstaCompany.class, "acme", c -> c.getSpec().keyExpiryWarning = "48h");
    tenant.awaitCondition(
        KinstaCompany.class,
        "acme",
        CompanyReconciler.KEY_EXPIRING,
        "False",
        CompanyReasons.KEYS_VALID.code(),
        Duration.ofSeconds(30));
  }

  @Test
  void aSecondKinstaCompanyForTheSameSecretStallsNamingTheFirst() {
    Tenant tenant = harness.tenant();
    tenant.create(company("first"));
    awaitReady(tenant, "first");
    tenant.create(company("second"));
    KinstaCompany refused =
        tenant.awaitCondition(
            KinstaCompany.class,
            "second",
            "Stalled",
            "True",
            Reasons.ALREADY_MANAGED.code(),
            Duration.ofSeconds(30));
    assertTrue(condition(refused, "Stalled").getMessage().contains("KinstaCompany first"));
    assertNull(refused.getStatus().companyId, "nothing read for the refused one");
    assertNull(refused.getStatus().sites);
  }

  @Test
  void aPartTheKeyMayNotReadIsLeftOutAndNamedWhileKinstaErrorsAreRetried() {
    Tenant tenant = harness.tenant();
    harness.kinsta.simulator.addFault(
        Fault.status("GET /company/" + tenant.companyId() + "/users", 403, -1));
    harness.kinsta.simulator.addFault(
        Fault.status("GET /company/" + tenant.companyId() + "/api-keys", 500, 2));
    tenant.create(company("acme"));
    KinstaCompany shown = await(tenant, "acme", c -> c.getStatus().apiKeys != null);
    assertNull(shown.getStatus().users);
    assertEquals(List.of("users (HTTP 403)"), shown.getStatus().unavailable);
    assertTrue(condition(shown, "Ready").getMessage().contains("users (HTTP 403)"));
    long keyReads =
        harness
            .kinsta
            .simulator
            .journal()
            .matching(e -> tenant.companyId().equals(e.company()) && e.path().endsWith("/api-keys"))
            .size();
    assertTrue(keyReads >= 3, "both server errors were retried: " + keyReads + " reads");
  }

  @Test
  void tellsEachNewActivityEntryOnceAsAnEventOnTheResourceThatManagesItsSite() {
    Tenant tenant = harness.tenant();
    tenant.create(Sites.plain("shop"));
    String shopId = tenant.awaitSiteReady("shop").getStatus().siteId;
    String otherSite = harness.kinsta.simulator.seedSite(tenant.companyId(), "Agency blog");
    harness.kinsta.simulator.recordMyKinstaActivity(
        tenant.companyId(), shopId, "changePhp", "Changed PHP before the company was watched");
    tenant.create(company("acme"));
    await(tenant, "acme", c -> c.getStatus().activityCursor != null);

    harness.kinsta.simulator.recordMyKinstaActivity(
        tenant.companyId(), shopId, "changePhp", "Change PHP version to 8.0");
    harness.kinsta.simulator.recordMyKinstaActivity(
        tenant.companyId(), otherSite, "clearCache", "Clear cache of Agency blog");
    harness.kinsta.simulator.recordMyKinstaActivity(
        tenant.companyId(), null, "inviteUser", "Invite user to the company");
    String otherKey = harness.kinsta.simulator.addApiKey(tenant.companyId());
    harness.kinsta.simulator.mutate(
        state -> {
          state.apiKeys.get(otherKey).status = "active";
          var entry =
              state.logActivity(
                  tenant.companyId(), shopId, Instant.now(), "restartPhp", "Restart PHP");
          entry.apiKey = state.apiKeys.get(otherKey);
        });
    tenant.requestReconcile(KinstaCompany.class, "acme", "look-now");

    List<Event> onShop =
        org.awaitility.Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> eventsOn(tenant, "KinstaSite", "shop"), events -> events.size() == 2);
    Event inMyKinsta =
        onShop.stream()
            .filter(e -> CompanyReasons.CHANGED_IN_MY_KINSTA.code().equals(e.getReason()))
            .findFirst()
            .orElseThrow();
    assertTrue(
        inMyKinsta.getMessage().contains("Change PHP version to 8.0 in MyKinsta by "),
        inMyKinsta.getMessage());
    assertTrue(
        onShop.stream()
            .anyMatch(
                e ->
                    CompanyReasons.CHANGED_THROUGH_API.code().equals(e.getReason())
                        && e.getMessage().contains("Restart PHP through API key")),
        "another key's change is told on the site too");
    List<String> onCompany =
        eventsOn(tenant, "KinstaCompany", "acme").stream().map(Event::getMessage).toList();
    assertTrue(onCompany.stream().anyMatch(m -> m.startsWith("Clear cache of Agency blog")));
    assertTrue(onCompany.stream().anyMatch(m -> m.startsWith("Invite user to the company")));
    List<String> all = tenant.events().stream().map(Event::getMessage).toList();
    assertFalse(
        all.stream().anyMatch(m -> m.contains("before the company was watched")),
        "what happened before the resource existed is not told");
    assertFalse(
        all.stream().anyMatch(m -> m.contains("API request POST /sites/plain")),
        "the operator's own key is not told: its resources' events say it");

    // Told once: another look, and a restart, add no event.
    int told = tenant.events().size();
    harness.restartOperator();
    tenant.requestReconcile(KinstaCompany.class, "acme", "after-restart");
    await(tenant, "acme", c -> "after-restart".equals(c.getStatus().lastHandledReconcileAt));
    assertEquals(told, tenant.events().size());
    KinstaCompanyStatus status = tenant.get(KinstaCompany.class, "acme").getStatus();
    assertEquals("Restart PHP", status.recentActivity.get(0).description);
    assertTrue(status.recentActivity.size() <= 10);
  }

  private static List<Event> eventsOn(Tenant tenant, String kind, String name) {
    return tenant.events().stream()
        .filter(e -> kind.equals(e.getInvolvedObject().getKind()))
        .filter(e -> name.equals(e.getInvolvedObject().getName()))
        .filter(
            e ->
                CompanyReasons.CHANGED_IN_MY_KINSTA.code().equals(e.getReason())
                    || CompanyReasons.CHANGED_THROUGH_API.code().equals(e.getReason()))
        .toList();
  }

  private static KinstaCompany await(
      Tenant tenant, String name, java.util.function.Predicate<KinstaCompany> shown) {
    return org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(
            () ->
                Optional.ofNullable(tenant.get(KinstaCompany.class, name))
                    .filter(c -> c.getStatus() != null)
                    .orElseThrow(),
            shown);
  }

  private static Condition condition(KinstaCompany company, String type) {
    return company.getStatus().conditions.stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst()
        .orElseThrow();
  }
}
