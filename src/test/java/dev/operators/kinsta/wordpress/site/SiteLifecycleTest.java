package dev.operators.kinsta.wordpress.site;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.operators.kinsta.api.v1alpha1.ApiGroup;
import dev.operators.kinsta.api.v1alpha1.DeletionPolicy;
import dev.operators.kinsta.api.v1alpha1.KinstaSite;
import dev.operators.kinsta.reconcile.CredentialsProtection;
import dev.operators.kinsta.reconcile.Reasons;
import dev.operators.kinsta.reconcile.StatusConditions;
import dev.operators.kinsta.simulator.Fault;
import dev.operators.kinsta.simulator.Journal;
import dev.operators.kinsta.simulator.SimulatorState;
import dev.operators.kinsta.testing.OperatorHarness;
import dev.operators.kinsta.testing.OperatorHarness.Tenant;
import dev.operators.kinsta.testing.SharedHarnessTest;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The KinstaSite lifecycle against the simulator and the mock API server: sources, failures,
 * adoption, deletion.
 */
class SiteLifecycleTest extends SharedHarnessTest {
  @Test
  void createsAWordPressSiteWithPluginsAndReportsItReady() {
    Tenant tenant = harness.tenant();
    tenant.secret("shop-admin", Map.of("password", "s3cret-Passw0rd"));
    KinstaSite shop = Sites.wordpress("shop");
    shop.getSpec().wordpress.plugins =
        new dev.operators.kinsta.api.v1alpha1.WordPressSource.Plugins();
    shop.getSpec().wordpress.plugins.woocommerce = true;
    tenant.create(shop);

    KinstaSite ready = tenant.awaitSiteReady("shop");

    String siteId = ready.getStatus().siteId;
    assertNotNull(siteId);
    SimulatorState.Site remote = harness.kinsta.simulator.read(state -> state.sites.get(siteId));
    assertEquals("shop", remote.displayName);
    assertTrue(
        remote.environments.get(0).plugins.stream().anyMatch(p -> p.name.equals("woocommerce")));
    assertEquals("live", ready.getStatus().environments.get(0).name);
    assertEquals(remote.name, ready.getStatus().siteName);
    assertNull(ready.getStatus().operation);
    assertEquals(1, tenant.calls("POST /sites"));
    assertConditionsOrdered(ready);
  }

  @Test
  void createsAPlainSite() {
    Tenant tenant = harness.tenant();
    tenant.create(Sites.plain("landing"));

    KinstaSite ready = tenant.awaitSiteReady("landing");

    assertNull(ready.getStatus().environments.get(0).wordpressVersion);
    assertEquals(1, tenant.calls("POST /sites/plain"));
  }

  @Test
  void clonesAnEnvironmentIntoANewSite() {
    Tenant tenant = harness.tenant();
    String sourceSite = harness.kinsta.simulator.seedSite(tenant.companyId(), "Template");
    String liveId =
        harness.kinsta.simulator.read(
            s -> s.sites.get(sourceSite).environment("live").orElseThrow().id);
    tenant.create(Sites.cloneOf("copy", liveId));

    KinstaSite ready = tenant.awaitSiteReady("copy");

    assertEquals(1, tenant.calls("POST /sites/clone"));
    assertFalse(sourceSite.equals(ready.getStatus().siteId));
  }

  @Test
  void adoptsAnExistingSiteAndRetainsItOnDeletion() {
    Tenant tenant = harness.tenant();
    String siteId = harness.kinsta.simulator.seedSite(tenant.companyId(), "Legacy shop");
    tenant.create(Sites.adopted("legacy", siteId));

    KinstaSite ready = tenant.awaitSiteReady("legacy");
    assertEquals(siteId, ready.getStatus().siteId);
    assertEquals(0, tenant.writes());

    tenant.delete(KinstaSite.class, "legacy");
    tenant.awaitGone(KinstaSite.class, "legacy", Duration.ofSeconds(20));
    assertTrue(siteExists(siteId), "an adopted site is retained");
    assertEquals(0, tenant.writes());
  }

  @Test
  void adoptingASiteThatDoesNotExistStalls() {
    Tenant tenant = harness.tenant();
    tenant.create(Sites.adopted("ghost", "00000000-0000-4000-8000-000000000000"));

    KinstaSite stalled = tenant.awaitSiteStalled("ghost", "SiteNotFound");

    assertTrue(message(stalled, StatusConditions.STALLED).contains("spec.siteId"));
  }

  @Test
  void deletesTheSiteWithPolicyDelete() {
    Tenant tenant = harness.tenant();
    tenant.create(Sites.plain("temp"));
    String siteId = tenant.awaitSiteReady("temp").getStatus().siteId;

    tenant.delete(KinstaSite.class, "temp");

    tenant.awaitGone(KinstaSite.class, "temp", Duration.ofSeconds(20));
    assertFalse(siteExists(siteId));
    assertEquals(1, tenant.calls("DELETE /sites/{site_id}"));
    assertTrue(tenant.events().stream().anyMatch(e -> "DeletingSite".equals(e.getReason())));
  }

  @Test
  void keepsTheSiteWithPolicyRetain() {
    Tenant tenant = harness.tenant();
    KinstaSite site = Sites.plain("keep");
    site.getSpec().deletionPolicy = DeletionPolicy.Retain;
    tenant.create(site);
    String siteId = tenant.awaitSiteReady("keep").getStatus().siteId;

    tenant.delete(KinstaSite.class, "keep");

    tenant.awaitGone(KinstaSite.class, "keep", Duration.ofSeconds(20));
    assertTrue(siteExists(siteId));
    assertEquals(0, tenant.calls("DELETE /sites/{site_id}"));
  }

  @Test
  void deletingAPausedSiteLeavesItInKinstaWithAWarning() {
    Tenant tenant = harness.tenant();
    tenant.create(Sites.plain("frozen"));
    String siteId = tenant.awaitSiteReady("frozen").getStatus().siteId;
    tenant.edit(
        KinstaSite.class,
        "frozen",
        s -> s.getMetadata().getAnnotations().put(ApiGroup.PAUSED_ANNOTATION, "true"));

    tenant.delete(KinstaSite.class, "frozen");

    tenant.awaitGone(KinstaSite.class, "frozen", Duration.ofSeconds(20));
    assertTrue(siteExists(siteId));
    assertEquals(0, tenant.calls("DELETE /sites/{site_id}"));
    assertTrue(
        tenant.events().stream()
            .anyMatch(
                e ->
                    "Orphaned".equals(e.getReason())
                        && "Warning".equals(e.getType())
                        && e.getMessage().contains("paused")));
  }

  @Test
  void deletingASiteWhoseKeyStoppedWorkingOrphansItAfterTheTimeout() {
    Tenant tenant = harness.tenant();
    tenant.create(Sites.plain("stranded"));
    String siteId = tenant.awaitSiteReady("stranded").getStatus().siteId;
    tenant.secret("kinsta", Map.of("apiKey", "revoked-key", "companyId", tenant.companyId()));

    tenant.delete(KinstaSite.class, "stranded");

    // Deletion waits for working credentials for orphanAfter
    // (3 s in these tests), then lets the resource go.
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(2))
        .until(() -> tenant.get(KinstaSite.class, "stranded") != null);
    tenant.awaitGone(KinstaSite.class, "stranded", Duration.ofSeconds(20));
    assertTrue(siteExists(siteId));
    assertTrue(
        tenant.events().stream()
            .anyMatch(e -> "Orphaned".equals(e.getReason()) && "Warning".equals(e.getType())));
  }

  @Test
  void theCredentialsSecretOutlivesTheSiteThatNeedsIt() {
    Tenant tenant = harness.tenant();
    tenant.create(Sites.plain("kept-safe"));
    String siteId = tenant.awaitSiteReady("kept-safe").getStatus().siteId;
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                tenant
                    .get(Secret.class, "kinsta")
                    .getMetadata()
                    .getFinalizers()
                    .contains(CredentialsProtection.FINALIZER));

    tenant.deleteSecret("kinsta");
    tenant.delete(KinstaSite.class, "kept-safe");

    tenant.awaitGone(KinstaSite.class, "kept-safe", Duration.ofSeconds(20));
    assertFalse(siteExists(siteId), "deleted in Kinsta with the credentials being deleted");
    tenant.awaitGone(Secret.class, "kinsta", Duration.ofSeconds(20));
  }

  @Test
  void aFailedCreationStallsWithKinstasMessageAndIsNotRetried() {
    Tenant tenant = harness.tenant();
    harness.kinsta.simulator.addFault(
        Fault.failOperation("POST /sites/plain", "No capacity left in region", 1));
    tenant.create(Sites.plain("doomed"));

    KinstaSite stalled = tenant.awaitSiteStalled("doomed", "CreateFailed");

    assertTrue(message(stalled, StatusConditions.STALLED).contains("No capacity left in region"));
    assertEquals("False", condition(stalled, StatusConditions.READY).getStatus());
    assertNull(stalled.getStatus().operation);
    // Another site converging in the same namespace shows time has passed without a second attempt.
    tenant.create(Sites.plain("after"));
    tenant.awaitSiteReady("after");
    assertEquals(2, tenant.calls("POST /sites/plain"), "one for each resource, none repeated");
    assertTrue(
        tenant.events().stream()
            .anyMatch(e -> "CreateFailed".equals(e.getReason()) && "Warning".equals(e.getType())));
  }

  @Test
  void aFailedOperationsMessageThatEchoesTheKeyIsRedactedEverywhere() {
    Tenant tenant = harness.tenant();
    harness.kinsta.simulator.addFault(
        Fault.failOperation(
            "POST /sites/plain",
            "Request rejected (Authorization: Bearer " + tenant.apiKey + ")",
            1));
    tenant.create(Sites.plain("echoed"));

    KinstaSite stalled = tenant.awaitSiteStalled("echoed", "CreateFailed");

    String text = message(stalled, StatusConditions.STALLED);
    assertTrue(text.contains("Request rejected (Authorization: Bearer ***)"), text);
    assertFalse(Serialization.asJson(stalled).contains(tenant.apiKey), "not in the resource");
    assertTrue(
        tenant.events().stream().noneMatch(e -> e.getMessage().contains(tenant.apiKey)),
        "not in any event");
  }

  @Test
  void countsAnOperationUnknownToKinstaAsRunningDuringTheGraceWindow() {
    Tenant tenant = harness.tenant();
    harness.kinsta.simulator.updateSettings(
        s -> s.withTiming(Duration.ofMillis(800), Duration.ofMillis(200)));
    try {
      tenant.create(Sites.plain("patient"));
      tenant.awaitSiteReady("patient");
    } finally {
      harness.kinsta.simulator.updateSettings(
          s -> s.withTiming(Duration.ofMillis(100), Duration.ofMillis(200)));
    }
    List<Journal.Entry> polls =
        harness
            .kinsta
            .simulator
            .journal()
            .matching(
                e ->
                    tenant.companyId().equals(e.company())
                        && e.endpoint().equals("GET /operations/{operation_id}"));
    assertTrue(
        polls.stream().anyMatch(e -> e.status() == 404),
        "the operator polled while Kinsta answered 404");
    assertEquals(1, tenant.calls("POST /sites/plain"));
  }

  @Test
  void aMissingSecretStallsWithoutCallsUntilItAppears() {
    Tenant tenant = harness.tenant();
    KinstaSite site = Sites.plain("waiting");
    site.getSpec().credentialsRef.name = "late-credentials";
    tenant.create(site);

    KinstaSite stalled = tenant.awaitSiteStalled("waiting", Reasons.CREDENTIALS_NOT_FOUND.code());
    assertTrue(message(stalled, StatusConditions.STALLED).contains("late-credentials"));
    assertEquals(0, tenant.calls());

    tenant.secret("late-credentials", Map.of("apiKey", tenant.apiKey));
    KinstaSite ready = tenant.awaitSiteReady("waiting");
    assertNotNull(ready.getStatus().siteId);
    assertEquals(
        1,
        tenant.calls("GET /validate"),
        "the key was checked once, for the one version of its Secret");
  }

  @Test
  void aCompanyIdThatIsNotTheKeysCompanyIsNamedWithTheSecret() {
    Tenant tenant = harness.tenant();
    Tenant other = harness.tenant();
    tenant.secret("kinsta", Map.of("apiKey", tenant.apiKey, "companyId", other.companyId()));
    tenant.create(Sites.plain("mismatched"));

    KinstaSite stalled = tenant.awaitSiteStalled("mismatched", Reasons.CREDENTIALS_MISMATCH.code());

    String text = message(stalled, StatusConditions.STALLED);
    assertTrue(text.contains(tenant.namespace + "/kinsta"), text);
    assertTrue(text.contains(other.companyId()) && text.contains(tenant.companyId()), text);
    assertEquals(0, tenant.calls() - tenant.calls("GET /validate"), "nothing but the key's check");
    assertEquals(0, other.calls(), "nothing in the other company");
  }

  @Test
  void aRejectedKeyStallsUntilTheSecretIsFixed() {
    Tenant tenant = harness.tenant();
    String invalidKey = "not-a-valid-key-" + tenant.companyId();
    tenant.secret("kinsta", Map.of("apiKey", invalidKey, "companyId", tenant.companyId()));
    tenant.create(Sites.plain("locked"));

    KinstaSite stalled = tenant.awaitSiteStalled("locked", Reasons.INVALID_CREDENTIALS.code());
    assertFalse(message(stalled, StatusConditions.STALLED).contains(invalidKey));
    long rejected = harness.kinsta.simulator.journal().countRejected(invalidKey);
    assertTrue(rejected > 0);

    tenant.secret("kinsta", Map.of("apiKey", tenant.apiKey, "companyId", tenant.companyId()));
    tenant.awaitSiteReady("locked");
    assertEquals(
        rejected,
        harness.kinsta.simulator.journal().countRejected(invalidKey),
        "no call with the " + "rejected key after the stall");
  }

  @Test
  void anInvalidSpecNamesTheFieldAndMakesNoCall() {
    try (OperatorHarness unenforced = withoutSchemaEnforcement()) {
      Tenant tenant = unenforced.tenant();
      tenant.secret("shop-admin", Map.of("password", "s3cret-Passw0rd"));
      KinstaSite site = Sites.wordpress("broken");
      site.getSpec().wordpress.adminEmail = "not-an-address";
      site.getSpec().plain = new dev.operators.kinsta.api.v1alpha1.PlainSource();
      tenant.create(site);

      KinstaSite stalled = tenant.awaitSiteStalled("broken", Reasons.INVALID_SPEC.code());

      String message = message(stalled, StatusConditions.STALLED);
      assertTrue(message.contains("spec.wordpress.adminEmail"), message);
      assertTrue(message.contains("exactly one of wordpress, plain, clone or siteId"), message);
      assertEquals(0, tenant.calls());
    }
  }

  @Test
  void aPausedSiteIsLeftAloneUntilResumed() {
    Tenant tenant = harness.tenant();
    KinstaSite site = Sites.plain("paused");
    site.getMetadata().setAnnotations(Map.of(ApiGroup.PAUSED_ANNOTATION, "true"));
    tenant.create(site);

    tenant.awaitCondition(
        KinstaSite.class,
        "paused",
        StatusConditions.RECONCILING,
        "False",
        Reasons.PAUSED.code(),
        Duration.ofSeconds(20));
    assertEquals(0, tenant.calls());

    tenant.edit(
        KinstaSite.class,
        "paused",
        s -> s.getMetadata().getAnnotations().remove(ApiGroup.PAUSED_ANNOTATION));
    tenant.awaitSiteReady("paused");
  }

  @Test
  void aMissingAdminPasswordSecretStallsAndRecoversWhenItAppears() {
    Tenant tenant = harness.tenant();
    tenant.create(Sites.wordpress("nopass"));

    tenant.awaitSiteStalled("nopass", Reasons.SECRET_NOT_FOUND.code());
    assertEquals(0, tenant.calls("POST /sites"));

    tenant.secret("shop-admin", Map.of("password", "s3cret-Passw0rd"));
    tenant.awaitSiteReady("nopass");
    assertEquals(1, tenant.calls("POST /sites"));
  }

  static boolean siteExists(String siteId) {
    return harness.kinsta.simulator.<Boolean>read(s -> s.sites.containsKey(siteId));
  }

  static Condition condition(KinstaSite site, String type) {
    return StatusConditions.find(site.getStatus().conditions, type).orElseThrow();
  }

  static String message(KinstaSite site, String type) {
    return condition(site, type).getMessage();
  }

  static void assertConditionsOrdered(KinstaSite site) {
    assertEquals(
        List.of("Ready", "Reconciling", "Stalled"),
        site.getStatus().conditions.stream().map(Condition::getType).toList());
    site.getStatus()
        .conditions
        .forEach(c -> assertEquals(site.getMetadata().getGeneration(), c.getObservedGeneration()));
  }
}
