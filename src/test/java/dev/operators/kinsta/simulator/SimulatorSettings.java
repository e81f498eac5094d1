package dev.operators.kinsta.simulator;

import java.time.Duration;

/**
 * How the simulated Kinsta behaves in time and under load.
 *
 * @param operationGrace how long a new operation answers 404 before it is known (Kinsta does this
 *     after a site is created)
 * @param operationDuration how long an operation runs after the grace period
 * @param provisioningDelay how long a database takes to become ready, be resized or disappear after
 *     delete, and an application to disappear
 * @param deploymentDuration how long an application deployment runs
 * @param failedOperationsAnswer200 answer a failed operation with HTTP 200 and {@code "status":
 *     500} in the body instead of HTTP 500 (Kinsta has been seen doing both)
 * @param rateWindow the window of the rate limits below (a minute on Kinsta; shorter in tests)
 * @param perCompanyLimit requests per company per window (120 on Kinsta)
 * @param perIpLimit requests per client address per window (1000 on Kinsta)
 * @param creationLimit site and environment creations per company per window (5 on Kinsta)
 */
public record SimulatorSettings(
    Duration operationGrace,
    Duration operationDuration,
    Duration provisioningDelay,
    Duration deploymentDuration,
    boolean failedOperationsAnswer200,
    Duration rateWindow,
    int perCompanyLimit,
    int perIpLimit,
    int creationLimit) {

  /** Kinsta's documented limits, with operations quick enough for a demo. */
  public static SimulatorSettings realistic() {
    return new SimulatorSettings(
        Duration.ofSeconds(2),
        Duration.ofSeconds(3),
        Duration.ofSeconds(3),
        Duration.ofSeconds(3),
        false,
        Duration.ofMinutes(1),
        120,
        1000,
        5);
  }

  /** Fast operations and Kinsta's limits, for tests. */
  public static SimulatorSettings fast() {
    return new SimulatorSettings(
        Duration.ofMillis(100),
        Duration.ofMillis(200),
        Duration.ofMillis(200),
        Duration.ofMillis(200),
        false,
        Duration.ofMinutes(1),
        120,
        1000,
        5);
  }

  public SimulatorSettings withTiming(Duration grace, Duration duration) {
    return new SimulatorSettings(
        grace,
        duration,
        provisioningDelay,
        deploymentDuration,
        failedOperationsAnswer200,
        rateWindow,
        perCompanyLimit,
        perIpLimit,
        creationLimit);
  }

  public SimulatorSettings withFailedOperationsAnswer200(boolean answer200) {
    return new SimulatorSettings(
        operationGrace,
        operationDuration,
        provisioningDelay,
        deploymentDuration,
        answer200,
        rateWindow,
        perCompanyLimit,
        perIpLimit,
        creationLimit);
  }

  /**
   * Limits no operator in a demo or a functional test reaches; the rate limits are tested on their
   * own.
   */
  public SimulatorSettings withRoomyRateLimits() {
    return withRateLimits(Duration.ofMinutes(1), 100_000, 100_000, 1000);
  }

  public SimulatorSettings withRateLimits(
      Duration window, int perCompany, int perIp, int creations) {
    return new SimulatorSettings(
        operationGrace,
        operationDuration,
        provisioningDelay,
        deploymentDuration,
        failedOperationsAnswer200,
        window,
        perCompany,
        perIp,
        creations);
  }
}
