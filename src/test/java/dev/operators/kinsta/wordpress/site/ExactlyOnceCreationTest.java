package dev.operators.kinsta.wordpress.site;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.operators.kinsta.api.v1alpha1.DeletionPolicy;
import dev.operators.kinsta.api.v1alpha1.EnvironmentSettings;
import dev.operators.kinsta.api.v1alpha1.KinstaDatabase;
import dev.operators.kinsta.api.v1alpha1.KinstaSite;
import dev.operators.kinsta.api.v1alpha1.SiteEnvironments;
import dev.operators.kinsta.hosting.database.DatabaseLifecycleTest;
import dev.operators.kinsta.reconcile.Reasons;
import dev.operators.kinsta.simulator.Fault;
import dev.operators.kinsta.simulator.SimulatorSettings;
import dev.operators.kinsta.simulator.SimulatorState;
import dev.operators.kinsta.testing.OperatorHarness;
import dev.operators.kinsta.testing.OperatorHarness.Tenant;
import dev.operators.kinsta.testing.SimulatorFixture;
import dev.operators.kinsta.transport.budget.RateBudgetSettings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One Kinsta site per KinstaSite, exactly once: a create call whose answer is lost (a dropped
 * connection, a timeout) is resolved by looking for the site, never sent again blindly, and a site
 * that only shares the name is never taken over. Each test counts the company's sites before and
 * after. The creation window is 5 s here (30 min by default).
 */
class ExactlyOnceCreationTest {

  @Test
  void aCreateWhoseAnswerIsLostGivesExactlyOneSite() {
    try (OperatorHarness harness = OperatorHarness.start()) {
      Tenant tenant = harness.tenant();
      assertEquals(0, sites(harness, tenant).size(), "before");
      harness.kinsta.simulator.addFault(Fault.loseAnswer("POST /sites/plain", 1));

      tenant.create(Sites.plain("shop"));

      KinstaSite ready = tenant.awaitSiteReady("shop");
      List<SimulatorState.Site> after = sites(harness, tenant);
      assertEquals(1, after.size(), "after");
      assertEquals(after.get(0).id, ready.getStatus().siteId);
      assertEquals(1, tenant.calls("POST /sites/plain"), "the create call was sent once");
      assertNull(ready.getStatus().creation, "the intent is resolved");
      assertTrue(
          tenant.events().stream()
              .anyMatch(
                  e ->
                      Reasons.CREATED.code().equals(e.getReason())
                          && e.getMessage().contains("lost")));
    }
  }

  @Test
  void aSiteListedOnlyOnceCreatedIsWaitedForNotCreatedAgain() {
    try (OperatorHarness harness = slowCreationsListedOnlyWhenDone()) {
      Tenant tenant = harness.tenant();
      harness.kinsta.simulator.addFault(Fault.loseAnswer("POST /sites/plain", 1));

      tenant.create(Sites.plain("slow"));

      tenant.awaitCondition(
          KinstaSite.class,
          "slow",
          "Reconciling",
          "True",
          Reasons.CREATION_UNCONFIRMED.code(),
          Duration.ofSeconds(20));
      assertOneSiteCreatedOnce(harness, tenant, "slow");
    }
  }

  @Test
  void aCreationThatFinishesWithoutTheSitesIdIsResolvedByItsIntent() {
    try (OperatorHarness harness = slowCreationsListedOnlyWhenDone()) {
      Tenant tenant = harness.tenant();
      harness.kinsta.simulator.mutate(
          state -> {
            state.createdSitesWithoutId = true;
          });

      tenant.create(Sites.plain("anonymous"));

      KinstaSite ready = tenant.awaitSiteReady("anonymous");
      assertEquals(1, sites(harness, tenant).size(), "after");
      assertEquals(sites(harness, tenant).get(0).id, ready.getStatus().siteId);
      assertEquals(1, tenant.calls("POST /sites/plain"));
    }
  }

  @Test
  void anOperatorRestartedWhileTheCreationRunsFollowsItToOneSite() {
    try (OperatorHarness harness = slowCreationsListedOnlyWhenDone()) {
      Tenant tenant = harness.tenant();
      tenant.create(Sites.plain("restarted"));
      tenant.awaitCondition(
          KinstaSite.class,
          "restarted",
          "Reconciling",
          "True",
          Reasons.OPERATION_IN_PROGRESS.code(),
          Duration.ofSeconds(20));

      harness.restartOperator();

      assertOneSiteCreatedOnce(harness, tenant, "restarted");
    }
  }

  @Test
  void aPollAnswered500OnceIsNotAFailedCreation() {
    try (OperatorHarness harness = OperatorHarness.start()) {
      Tenant tenant = harness.tenant();
      harness.kinsta.simulator.addFault(Fault.status("GET /operations/.*", 500, 1));

      tenant.create(Sites.plain("blip"));

      assertOneSiteCreatedOnce(harness, tenant, "blip");
      assertEquals(1, harness.kinsta.simulator.journal().countStatus(500), "the 500 was answered");
    }
  }

  @Test
  void aCreateThatNeverArrivedIsSentAgainAfterTheWindowWithAWarning() {
    try (OperatorHarness harness = OperatorHarness.start()) {
      Tenant tenant = harness.tenant();
      // The connection drops before Kinsta sees the request: nothing is created.
      harness.kinsta.simulator.addFault(Fault.drop("POST /sites/plain", 1));

      tenant.create(Sites.plain("retry"));

      KinstaSite ready = tenant.awaitSiteReady("retry");
      assertEquals(1, sites(harness, tenant).size(), "after");
      assertEquals(2, tenant.calls("POST /sites/plain"), "once dropped, once created");
      assertEquals(ready.getStatus().siteId, sites(harness, tenant).get(0).id);
      assertTrue(
          tenant.events().stream()
              .anyMatch(
                  e ->
                      Reasons.CREATION_NOT_FOUND.code().equals(e.getReason())
                          && "Warning".equals(e.getType())));
    }
  }

  @Test
  void aCreateAnsweredAfterTheClientsTimeoutGivesOneSite() {
    try (OperatorHarness harness =
        harness(SimulatorSettings.fast().withRoomyRateLimits(), Duration.ofSeconds(1))) {
      Tenant tenant = harness.tenant();
      // Kinsta takes 3 s to answer; the client gives up after 1 s, and Kinsta creates the site.
      harness.kinsta.simulator.addFault(
          Fault.latency("POST /sites/plain", Duration.ofSeconds(3), 1));

      tenant.create(Sites.plain("late"));

      KinstaSite ready = tenant.awaitSiteReady("late");
      assertEquals(1, sites(harness, tenant).size(), "after");
      assertEquals(1, tenant.calls("POST /sites/plain"), "a timed-out create is not retried");
      assertEquals(sites(harness, tenant).get(0).id, ready.getStatus().siteId);
    }
  }

  @Test
  void aResourceDeletedBeforeItsLostCreateWasResolvedLeavesNothingBehind() {
    try (OperatorHarness harness = slowCreationsListedOnlyWhenDone()) {
      Tenant tenant = harness.tenant();
      harness.kinsta.simulator.addFault(Fault.loseAnswer("POST /sites/plain", 1));
      tenant.create(Sites.plain("brief"));
      tenant.awaitCondition(
          KinstaSite.class,
          "brief",
          "Reconciling",
          "True",
          Reasons.CREATION_UNCONFIRMED.code(),
          Duration.ofSeconds(20));

      tenant.delete(KinstaSite.class, "brief");

      tenant.awaitGone(KinstaSite.class, "brief", Duration.ofSeconds(30));
      assertEquals(1, tenant.calls("POST /sites/plain"));
      await().atMost(Duration.ofSeconds(20)).until(() -> sites(harness, tenant).isEmpty());
    }
  }

  @Test
  void aSiteThatOnlySharesTheDisplayNameIsNeverTakenOver() {
    try (OperatorHarness harness = OperatorHarness.start()) {
      Tenant tenant = harness.tenant();
      String theirs = harness.kinsta.simulator.seedSite(tenant.companyId(), "twin");

      tenant.create(Sites.plain("twin"));

      KinstaSite stalled = tenant.awaitSiteStalled("twin", Reasons.NAME_IN_USE.code());
      assertTrue(Tenant.conditions(stalled).get(0).getMessage().contains(theirs));
      assertNull(stalled.getStatus().siteId);
      assertEquals(0, tenant.writes(), "zero writes");
      assertEquals(1, sites(harness, tenant).size(), "after: only theirs");
    }
  }

  @Test
  void adoptionByDisplayNameIsExplicitAndRetainsTheSite() {
    try (OperatorHarness harness = OperatorHarness.start()) {
      Tenant tenant = harness.tenant();
      String existing = harness.kinsta.simulator.seedSite(tenant.companyId(), "legacy");
      KinstaSite site = Sites.plain("legacy");
      site.getSpec().adoptByDisplayName = true;

      tenant.create(site);

      assertEquals(existing, tenant.awaitSiteReady("legacy").getStatus().siteId);
      tenant.delete(KinstaSite.class, "legacy");
      tenant.awaitGone(KinstaSite.class, "legacy", Duration.ofSeconds(20));
      assertEquals(1, sites(harness, tenant).size(), "adopted sites are retained by default");
      assertEquals(0, tenant.writes());
    }
  }

  @Test
  void twoResourcesOnOneSiteLeaveItToTheOlderOne() {
    try (OperatorHarness harness = OperatorHarness.start()) {
      Tenant tenant = harness.tenant();
      String siteId = harness.kinsta.simulator.seedSite(tenant.companyId(), "shared");
      tenant.create(withPhp(Sites.adopted("first", siteId), EnvironmentSettings.PhpVersion.V8_1));
      tenant.awaitSiteReady("first");
      KinstaSite second =
          withPhp(Sites.adopted("second", siteId), EnvironmentSettings.PhpVersion.V8_4);
      second.getSpec().deletionPolicy = DeletionPolicy.Delete;

      tenant.create(second);

      KinstaSite stalled = tenant.awaitSiteStalled("second", Reasons.ALREADY_MANAGED.code());
      String message = Tenant.conditions(stalled).get(0).getMessage();
      assertTrue(message.contains(tenant.namespace + "/first"), message);
      assertTrue(message.startsWith("Site " + siteId + " is managed by KinstaSite "), message);
      assertEquals(
          "8.1",
          harness.kinsta.simulator.<String>read(
              state -> state.sites.get(siteId).environment("live").orElseThrow().phpVersion));
      assertTrue(tenant.calls("PUT /sites/tools/modify-php-version") <= 1, "no tug of war");

      tenant.delete(KinstaSite.class, "second");
      tenant.awaitGone(KinstaSite.class, "second", Duration.ofSeconds(20));
      assertEquals(1, sites(harness, tenant).size(), "the older resource's site stays");
      assertEquals(0, tenant.calls("DELETE /sites/{site_id}"));
    }
  }

  @Test
  void aSecondResourceWithTheSameDisplayNameNeitherAdoptsNorDeletesTheFirstsSite() {
    try (OperatorHarness harness = OperatorHarness.start()) {
      Tenant tenant = harness.tenant();
      tenant.create(Sites.plain("shop"));
      String siteId = tenant.awaitSiteReady("shop").getStatus().siteId;
      KinstaSite copy = Sites.plain("shop-copy");
      copy.getSpec().displayName = "shop";

      tenant.create(copy);

      tenant.awaitSiteStalled("shop-copy", Reasons.NAME_IN_USE.code());
      tenant.delete(KinstaSite.class, "shop-copy");
      tenant.awaitGone(KinstaSite.class, "shop-copy", Duration.ofSeconds(20));
      assertEquals(1, sites(harness, tenant).size());
      assertEquals(siteId, sites(harness, tenant).get(0).id);
      assertEquals(1, tenant.calls("POST /sites/plain"), "only the first resource created");
    }
  }

  @Test
  void aDatabaseCreateWhoseAnswerIsLostGivesExactlyOneDatabase() {
    try (OperatorHarness harness = OperatorHarness.start()) {
      Tenant tenant = harness.tenant();
      assertEquals(0, databases(harness, tenant), "before");
      harness.kinsta.simulator.addFault(Fault.loseAnswer("POST /databases", 1));

      tenant.create(DatabaseLifecycleTest.postgres("orders"));

      KinstaDatabase ready = DatabaseLifecycleTest.awaitReady(tenant, "orders");
      assertEquals(1, databases(harness, tenant), "after");
      assertEquals(1, tenant.calls("POST /databases"), "the create call was sent once");
      assertNull(ready.getStatus().creation);

      tenant.delete(KinstaDatabase.class, "orders");
      tenant.awaitGone(KinstaDatabase.class, "orders", Duration.ofSeconds(30));
      assertEquals(0, databases(harness, tenant), "after deletion");
    }
  }

  @Test
  void aDatabaseCreateAnsweredAfterTheClientsTimeoutGivesOneDatabase() {
    try (OperatorHarness harness =
        harness(SimulatorSettings.fast().withRoomyRateLimits(), Duration.ofSeconds(1))) {
      Tenant tenant = harness.tenant();
      harness.kinsta.simulator.addFault(Fault.latency("POST /databases", Duration.ofSeconds(3), 1));

      tenant.create(DatabaseLifecycleTest.postgres("late-db"));

      DatabaseLifecycleTest.awaitReady(tenant, "late-db");
      assertEquals(1, databases(harness, tenant), "after");
      assertEquals(1, tenant.calls("POST /databases"), "a timed-out create is not retried");
    }
  }

  @Test
  void anOperatorRestartedWhileADatabaseIsDeletedFinishesTheDeletion() {
    try (OperatorHarness harness =
        harness(
            SimulatorSettings.fast()
                .withRoomyRateLimits()
                .withTiming(Duration.ofMillis(100), Duration.ofSeconds(2)),
            Duration.ofSeconds(5))) {
      Tenant tenant = harness.tenant();
      tenant.create(DatabaseLifecycleTest.postgres("going-db"));
      DatabaseLifecycleTest.awaitReady(tenant, "going-db");
      tenant.delete(KinstaDatabase.class, "going-db");
      tenant.awaitCondition(
          KinstaDatabase.class,
          "going-db",
          "Reconciling",
          "True",
          Reasons.DELETING.code(),
          Duration.ofSeconds(20));

      harness.restartOperator();

      tenant.awaitGone(KinstaDatabase.class, "going-db", Duration.ofSeconds(30));
      assertEquals(0, databases(harness, tenant), "after");
      assertEquals(1, tenant.calls("DELETE /databases/{id}"), "the delete call was sent once");
    }
  }

  @Test
  void aDatabaseThatOnlySharesTheDisplayNameIsNeverTakenOver() {
    try (OperatorHarness harness = OperatorHarness.start()) {
      Tenant tenant = harness.tenant();
      harness.kinsta.simulator.seedDatabase(tenant.companyId(), "orders", "postgresql");

      tenant.create(DatabaseLifecycleTest.postgres("orders"));

      tenant.awaitCondition(
          KinstaDatabase.class,
          "orders",
          "Stalled",
          "True",
          Reasons.NAME_IN_USE.code(),
          Duration.ofSeconds(20));
      assertEquals(0, tenant.writes(), "zero writes");
      assertEquals(1, databases(harness, tenant), "after: only theirs");
    }
  }

  private static long databases(OperatorHarness harness, Tenant tenant) {
    return harness.kinsta.simulator.read(
        state ->
            state.databases.values().stream()
                .filter(db -> db.companyId.equals(tenant.companyId()))
                .count());
  }

  @Test
  void sameNamedResourcesInTwoNamespacesOfOneCompanyNeverShareASite() {
    try (OperatorHarness harness = OperatorHarness.start()) {
      Tenant first = harness.tenant();
      Tenant second = harness.sameCompanyAs(first);
      first.create(Sites.plain("shop"));
      String siteId = first.awaitSiteReady("shop").getStatus().siteId;

      second.create(Sites.plain("shop"));

      second.awaitSiteStalled("shop", Reasons.NAME_IN_USE.code());
      second.delete(KinstaSite.class, "shop");
      second.awaitGone(KinstaSite.class, "shop", Duration.ofSeconds(20));
      assertEquals(List.of(siteId), sites(harness, first).stream().map(s -> s.id).toList());
      assertEquals(1, first.calls("POST /sites/plain"), "one create call for the company");
      assertEquals(0, first.calls("DELETE /sites/{site_id}"));
    }
  }

  @Test
  void anOperationRegisteredLaterThanTheGraceIsResolvedByTheIntent() {
    // Kinsta answers 404 for the new operation for 8 s; the operator stops believing in it after 5
    // s.
    try (OperatorHarness harness =
        harness(
            SimulatorSettings.fast()
                .withRoomyRateLimits()
                .withTiming(Duration.ofSeconds(8), Duration.ofSeconds(1)),
            Duration.ofSeconds(5))) {
      Tenant tenant = harness.tenant();
      harness.kinsta.simulator.mutate(
          state -> {
            state.listSitesOnlyWhenCreated = true;
          });

      tenant.create(Sites.plain("late-operation"));

      assertOneSiteCreatedOnce(harness, tenant, "late-operation");
    }
  }

  @Test
  void anOperatorRestartedWhileDeletingFinishesTheDeletion() {
    try (OperatorHarness harness = slowCreationsListedOnlyWhenDone()) {
      Tenant tenant = harness.tenant();
      tenant.create(Sites.plain("going"));
      tenant.awaitSiteReady("going");
      tenant.delete(KinstaSite.class, "going");
      tenant.awaitCondition(
          KinstaSite.class,
          "going",
          "Reconciling",
          "True",
          Reasons.DELETING.code(),
          Duration.ofSeconds(20));

      harness.restartOperator();

      tenant.awaitGone(KinstaSite.class, "going", Duration.ofSeconds(30));
      assertEquals(0, sites(harness, tenant).size(), "after");
      assertEquals(1, tenant.calls("DELETE /sites/{site_id}"), "the delete call was sent once");
    }
  }

  private static KinstaSite withPhp(KinstaSite site, EnvironmentSettings.PhpVersion php) {
    site.getSpec().environments = new SiteEnvironments();
    site.getSpec().environments.live = new EnvironmentSettings();
    site.getSpec().environments.live.phpVersion = php;
    return site;
  }

  /** The resource becomes Ready with the company's only site, created by one create call. */
  private static KinstaSite assertOneSiteCreatedOnce(
      OperatorHarness harness, Tenant tenant, String name) {
    KinstaSite ready = tenant.awaitSiteReady(name);
    assertEquals(1, sites(harness, tenant).size(), "after");
    assertEquals(1, tenant.calls("POST /sites/plain"), "the create call was sent once");
    assertEquals(sites(harness, tenant).get(0).id, ready.getStatus().siteId);
    return ready;
  }

  /** A harness on these simulator settings and client timeout, with a 30 s creation window. */
  private static OperatorHarness harness(SimulatorSettings settings, Duration clientTimeout) {
    return OperatorHarness.start(
        SimulatorFixture.start(settings, RateBudgetSettings.roomy(), clientTimeout, false),
        OperatorHarness.fastSettings().withCreationWindow(Duration.ofSeconds(30)));
  }

  /** Sites take 2 s to create and are not listed before; the creation window is 30 s. */
  private static OperatorHarness slowCreationsListedOnlyWhenDone() {
    OperatorHarness harness =
        harness(
            SimulatorSettings.fast()
                .withRoomyRateLimits()
                .withTiming(Duration.ofMillis(100), Duration.ofSeconds(2)),
            Duration.ofSeconds(5));
    harness.kinsta.simulator.mutate(
        state -> {
          state.listSitesOnlyWhenCreated = true;
        });
    return harness;
  }

  private static List<SimulatorState.Site> sites(OperatorHarness harness, Tenant tenant) {
    return harness.kinsta.simulator.read(
        state ->
            state.sites.values().stream()
                .filter(site -> site.companyId.equals(tenant.companyId()))
                .toList());
  }
}
