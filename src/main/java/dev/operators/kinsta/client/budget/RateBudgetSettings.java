package dev.operators.kinsta.client.budget;

import java.time.Duration;

/**
 * The limits the operator keeps to, below Kinsta's documented ones (120/min per company, 5
 * creations/min, 35 log reads/min, 1000/min per IP) so that a 429 never happens in normal running.
 */
public record RateBudgetSettings(
    RateLimit perCompany, RateLimit creations, RateLimit logs, RateLimit perIp) {

  public static RateBudgetSettings defaults() {
    return new RateBudgetSettings(
        RateLimit.perMinute(100),
        new RateLimit(5, Duration.ofMinutes(1), 1),
        RateLimit.perMinute(30),
        RateLimit.perMinute(900));
  }

  /**
   * The usage lane: a fifth of the company's limit, spaced evenly (at least two a period), for the
   * metrics reports.
   */
  public RateLimit usage() {
    return new RateLimit(Math.max(2, perCompany.permits() / 5), perCompany.period(), 1);
  }

  /**
   * Limits far above Kinsta's, for the simulator only (local mode's fast simulator, functional
   * tests): a budget that never makes anyone wait. Never for the real API.
   */
  public static RateBudgetSettings roomy() {
    RateBudgetSettings defaults = defaults();
    return new RateBudgetSettings(
        new RateLimit(60_000, Duration.ofMinutes(1), 500),
        new RateLimit(600, Duration.ofMinutes(1), 50),
        defaults.logs(),
        new RateLimit(60_000, Duration.ofMinutes(1), 500));
  }
}
