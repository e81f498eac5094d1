package dev.operators.kinsta.wordpress.site;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.operators.kinsta.hosting.database.DatabaseLifecycleTest;
import dev.operators.kinsta.simulator.SimulatorState;
import dev.operators.kinsta.testing.OperatorHarness;
import dev.operators.kinsta.testing.OperatorHarness.Tenant;
import dev.operators.kinsta.testing.SimulatorFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Observing a company costs one list call per inventory interval, however many sites it has: the
 * sites' reconciles read their environments from the company's list, and drift made in MyKinsta
 * wakes exactly the site it touched when the next list shows it, with no resync needed.
 */
class CompanyInventoryTest {
  private static final int SITES = 12;

  @Test
  void steadyStateCostsOneListPerIntervalAndDriftWakesItsSite() {
    try (OperatorHarness harness = resyncingEverySecond()) {
      Tenant tenant = harness.tenant();
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < SITES; i++) {
        tenant.create(Sites.plainOnPhp83("steady-" + i));
      }
      for (int i = 0; i < SITES; i++) {
        ids.add(tenant.awaitSiteReady("steady-" + i).getStatus().siteId);
      }

      long lists = tenant.calls("GET /sites");
      long perSite = perSiteReads(tenant);
      long all = tenant.calls();
      await().atMost(Duration.ofSeconds(30)).until(() -> tenant.calls("GET /sites") >= lists + 3);
      long listsNow = tenant.calls("GET /sites");
      assertEquals(perSite, perSiteReads(tenant), "no site read on its own in steady state");
      assertEquals(
          listsNow - lists,
          tenant.calls() - all,
          "every call in steady state is the company's list");

      String drifted = ids.get(SITES / 2);
      harness.kinsta.simulator.mutate(
          state -> {
            SimulatorState.Environment live =
                state.sites.get(drifted).environment("live").orElseThrow();
            live.phpVersion = "8.1";
          });
      awaitPhp83(harness, drifted);
      assertEquals(
          SITES + 1,
          tenant.calls("PUT /sites/tools/modify-php-version"),
          "the drifted site alone was changed back");
    }
  }

  @Test
  void driftIsSeenWithinTheInventoryIntervalWithoutAResync() {
    try (OperatorHarness harness =
        OperatorHarness.start(
            SimulatorFixture.start(),
            OperatorHarness.fastSettings().withInventoryInterval(Duration.ofSeconds(2)))) {
      Tenant tenant = harness.tenant();
      tenant.create(Sites.plainOnPhp83("drifts"));
      String siteId = tenant.awaitSiteReady("drifts").getStatus().siteId;

      harness.kinsta.simulator.mutate(
          state -> {
            state.sites.get(siteId).environment("live").orElseThrow().phpVersion = "8.1";
          });

      // The resync interval is ten minutes: only the inventory's change event can bring it back.
      awaitPhp83(harness, siteId);
    }
  }

  @Test
  void aReadyDatabaseCostsNoCallOfItsOwnAtAResync() {
    try (OperatorHarness harness = resyncingEverySecond()) {
      Tenant tenant = harness.tenant();
      for (int i = 0; i < 3; i++) {
        tenant.create(DatabaseLifecycleTest.postgres("steady-db-" + i));
      }
      for (int i = 0; i < 3; i++) {
        DatabaseLifecycleTest.awaitReady(tenant, "steady-db-" + i);
      }
      long lists = tenant.calls("GET /databases");
      long reads = tenant.calls("GET /databases/{id}");
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> tenant.calls("GET /databases") >= lists + 3);
      assertEquals(reads, tenant.calls("GET /databases/{id}"), "no database read on its own");
    }
  }

  /**
   * A resync every second: each resource reconciles many times while its company is listed once
   * every two seconds.
   */
  private static OperatorHarness resyncingEverySecond() {
    return OperatorHarness.start(
        SimulatorFixture.start(),
        OperatorHarness.fastSettings()
            .withResync(Duration.ofSeconds(1))
            .withInventoryInterval(Duration.ofSeconds(2)));
  }

  private static void awaitPhp83(OperatorHarness harness, String siteId) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                harness.kinsta.simulator.<Boolean>read(
                    state ->
                        "8.3"
                            .equals(
                                state
                                    .sites
                                    .get(siteId)
                                    .environment("live")
                                    .orElseThrow()
                                    .phpVersion)));
  }

  private static long perSiteReads(Tenant tenant) {
    return tenant.calls("GET /sites/{site_id}/environments") + tenant.calls("GET /sites/{site_id}");
  }
}
