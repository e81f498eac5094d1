package dev.operators.kinsta.transport.budget;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The limits the operator keeps to, below Kinsta's documented ones (120/min per company, 5
 * creations/min, 35 log reads/min, 1000/min per IP) so that a 429 never happens in normal running.
 */
public record RateBudgetSettings(
    RateLimit perCompany,
    RateLimit creations,
    RateLimit logs,
    RateLimit perIp,
    @Nullable RateLimit writes,
    @Nullable RateLimit perService) {

  /** Kinsta's limits: no write or per-service tier. */
  public RateBudgetSettings(
      RateLimit perCompany, RateLimit creations, RateLimit logs, RateLimit perIp) {
    this(perCompany, creations, logs, perIp, null, null);
  }

  /**
   * Sevalla's v3 tiers, each kept a little below the documented one: reads 400 a minute, service
   * creation 20 an hour, other writes 30 a minute, changes and deployments of one service 10 a
   * minute, logs 30 a minute.
   */
  public static RateBudgetSettings sevalla() {
    return new RateBudgetSettings(
        RateLimit.perMinute(380),
        new RateLimit(20, Duration.ofHours(1), 10),
        RateLimit.perMinute(28),
        RateLimit.perMinute(900),
        RateLimit.perMinute(28),
        new RateLimit(10, Duration.ofMinutes(1), 3));
  }

  /** Sevalla's tiers {@code factor} times faster: a simulator whose clock runs fast. */
  public RateBudgetSettings faster(int factor) {
    return new RateBudgetSettings(
        faster(perCompany, factor),
        faster(creations, factor),
        faster(logs, factor),
        faster(perIp, factor),
        writes == null ? null : faster(writes, factor),
        perService == null ? null : faster(perService, factor));
  }

  private static RateLimit faster(RateLimit limit, int factor) {
    return new RateLimit(limit.permits(), limit.period().dividedBy(factor), limit.burst());
  }

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
        new RateLimit(60_000, Duration.ofMinutes(1), 500),
        new RateLimit(60_000, Duration.ofMinutes(1), 500),
        new RateLimit(6_000, Duration.ofMinutes(1), 500));
  }
}
