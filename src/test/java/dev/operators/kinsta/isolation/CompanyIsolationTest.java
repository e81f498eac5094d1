package dev.operators.kinsta.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.operators.kinsta.api.v1alpha1.KinstaSite;
import dev.operators.kinsta.simulator.SimulatorSettings;
import dev.operators.kinsta.testing.OperatorHarness;
import dev.operators.kinsta.testing.SimulatorFixture;
import dev.operators.kinsta.transport.budget.RateBudgetSettings;
import dev.operators.kinsta.transport.budget.RateLimit;
import dev.operators.kinsta.wordpress.site.Sites;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The rate budget belongs to a company, and so does its backlog: while one company has more
 * resources waiting for its budget than the operator has reconcile threads, another company's new
 * site converges as if nothing else were running, because a reconcile refused a permit returns at
 * once instead of holding a thread.
 */
class CompanyIsolationTest {
  private static final int BACKLOG = 70;

  @Test
  void aSecondCompanysSiteIsNotHeldUpByTheFirstCompanysBacklog() {
    RateBudgetSettings tight =
        new RateBudgetSettings(
            new RateLimit(20, Duration.ofSeconds(10), 2),
            new RateLimit(20, Duration.ofSeconds(10), 2),
            RateLimit.perMinute(30),
            RateLimit.perMinute(60_000));
    try (OperatorHarness harness =
        OperatorHarness.start(
            SimulatorFixture.start(
                SimulatorSettings.fast().withRoomyRateLimits(),
                tight,
                Duration.ofSeconds(5),
                false),
            OperatorHarness.fastSettings())) {
      OperatorHarness.Tenant busy = harness.tenant();
      OperatorHarness.Tenant quiet = harness.tenant();
      for (int i = 0; i < BACKLOG; i++) {
        busy.create(Sites.plain("backlog-" + i));
      }

      quiet.create(Sites.plain("alone"));
      quiet.awaitSiteReady("alone");

      long busyReady = busy.readyCount(KinstaSite.class);
      System.out.printf(
          "company isolation: the quiet company's site was Ready while %d of the busy company's %d"
              + " were%n",
          busyReady, BACKLOG);
      assertTrue(
          busyReady < BACKLOG / 2,
          "the quiet company's site converged while the busy company's backlog was still waiting: "
              + busyReady
              + " of "
              + BACKLOG
              + " Ready");
    }
  }

  /**
   * Resources that share a credentials Secret cause one {@code GET /validate} per version of it,
   * started together after a restart included: one call is in flight, the others wait for its
   * answer.
   */
  @Test
  void aSharedSecretIsValidatedOncePerOperatorAndVersion() {
    try (OperatorHarness harness = OperatorHarness.start()) {
      OperatorHarness.Tenant tenant = harness.tenant();
      for (int i = 0; i < 15; i++) {
        tenant.create(Sites.plain("shared-" + i));
      }
      for (int i = 0; i < 15; i++) {
        tenant.awaitSiteReady("shared-" + i);
      }
      assertEquals(1, tenant.calls("GET /validate"), "one validation for 15 resources");

      harness.restartOperator();
      for (int i = 0; i < 15; i++) {
        tenant.requestReconcile(KinstaSite.class, "shared-" + i, "after-restart");
      }
      assertEquals(2, tenant.calls("GET /validate"), "one more after the restart, not 15");
    }
  }
}
