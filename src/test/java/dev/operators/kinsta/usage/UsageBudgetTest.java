package dev.operators.kinsta.usage;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.operators.kinsta.api.v1alpha1.KinstaSite;
import dev.operators.kinsta.simulator.Journal;
import dev.operators.kinsta.simulator.SimulatorSettings;
import dev.operators.kinsta.testing.OperatorHarness;
import dev.operators.kinsta.testing.OperatorHarness.Tenant;
import dev.operators.kinsta.testing.SimulatorFixture;
import dev.operators.kinsta.transport.budget.RateBudgetSettings;
import dev.operators.kinsta.transport.budget.RateLimit;
import dev.operators.kinsta.wordpress.site.Sites;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Hundreds of sites in one company, whose usage takes far longer to read than the budget allows in
 * one go: the reports keep to their lane (a fifth of the company's limit, spaced), the company's
 * calls keep to its limit, and a reconcile asked for in the middle of a round is not held up.
 */
class UsageBudgetTest {
  private static final int SITES = 200;
  private static final Duration PERIOD = Duration.ofSeconds(10);
  private static final int COMPANY_LIMIT = 300;

  @Test
  void theReportsKeepToTheirShareOfTheCompanysBudgetAndNeverHoldUpAReconcile() {
    RateBudgetSettings budget =
        new RateBudgetSettings(
            new RateLimit(COMPANY_LIMIT, PERIOD, 30),
            new RateLimit(50, PERIOD, 5),
            RateLimit.perMinute(30),
            RateLimit.perMinute(60_000));
    int usageLane = budget.usage().permits();
    try (OperatorHarness harness =
        OperatorHarness.startWithMetrics(
            SimulatorFixture.start(
                SimulatorSettings.fast().withRoomyRateLimits(),
                budget,
                Duration.ofSeconds(5),
                false),
            OperatorHarness.fastSettings().withUsageInterval(Duration.ofSeconds(5)))) {
      Tenant tenant = harness.tenant();
      for (int i = 0; i < SITES; i++) {
        String siteId = harness.kinsta.simulator.seedSite(tenant.companyId(), "Client site " + i);
        tenant.create(Sites.adopted("site-" + i, siteId));
      }
      await()
          .atMost(Duration.ofMinutes(3))
          .until(() -> tenant.readyCount(KinstaSite.class) == SITES);

      // A round needs about four calls per site: far more than the lane serves in a period.
      Predicate<Journal.Entry> usage =
          e -> e.path().contains("/usage/") || e.path().contains("/analytics/");
      Instant roundUnderWay = Instant.now();
      await()
          .atMost(Duration.ofMinutes(2))
          .until(() -> calls(harness, tenant, usage, roundUnderWay).size() >= 2 * usageLane);
      Instant asked = Instant.now();
      tenant.requestReconcile(KinstaSite.class, "site-7", "in-the-middle-of-a-round");
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  "in-the-middle-of-a-round"
                      .equals(
                          tenant
                              .get(KinstaSite.class, "site-7")
                              .getStatus()
                              .lastHandledReconcileAt));
      Duration reconcile = Duration.between(asked, Instant.now());
      await()
          .atMost(Duration.ofMinutes(2))
          .until(() -> calls(harness, tenant, usage, roundUnderWay).size() >= 4 * usageLane);

      List<Instant> usageCalls = calls(harness, tenant, usage, roundUnderWay);
      List<Instant> allCalls = calls(harness, tenant, e -> true, roundUnderWay);
      int busiestUsage = busiestWindow(usageCalls);
      int busiestAll = busiestWindow(allCalls);
      System.out.printf(
          "usage budget: %d sites, %d usage calls in %.1f s; busiest %s: %d usage calls (lane %d),"
              + " %d calls in all (company limit %d); a reconcile asked mid-round took %d ms%n",
          SITES,
          usageCalls.size(),
          Duration.between(roundUnderWay, usageCalls.get(usageCalls.size() - 1)).toMillis()
              / 1000.0,
          PERIOD,
          busiestUsage,
          usageLane,
          busiestAll,
          COMPANY_LIMIT,
          reconcile.toMillis());
      assertTrue(busiestUsage <= usageLane, "usage calls in one period: " + busiestUsage);
      assertTrue(busiestAll <= COMPANY_LIMIT, "company calls in one period: " + busiestAll);
      assertTrue(
          reconcile.compareTo(Duration.ofSeconds(10)) < 0,
          "a reconcile is not queued behind the reports: " + reconcile);
    }
  }

  private static List<Instant> calls(
      OperatorHarness harness, Tenant tenant, Predicate<Journal.Entry> which, Instant since) {
    List<Instant> times = new ArrayList<>();
    for (Journal.Entry entry : harness.kinsta.simulator.journal().entries()) {
      if (tenant.companyId().equals(entry.company())
          && !entry.at().isBefore(since)
          && which.test(entry)) {
        times.add(entry.at());
      }
    }
    return times;
  }

  /** The most calls in any window of one period. */
  private static int busiestWindow(List<Instant> times) {
    int most = 0;
    int start = 0;
    for (int end = 0; end < times.size(); end++) {
      while (!times.get(start).plus(PERIOD).isAfter(times.get(end))) {
        start++;
      }
      most = Math.max(most, end - start + 1);
    }
    return most;
  }
}
