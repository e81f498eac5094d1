package dev.operators.kinsta.client.budget;

/** Limits that Kinsta applies to some endpoints on top of the general per-company one. */
public enum Lane {
  GENERAL,
  /** Site and environment creation: 5 per minute. */
  CREATION,
  /** Environment logs: 35 per minute. */
  LOGS,
  /**
   * Usage, analytics and application metrics for Prometheus: a fifth of the company's limit at
   * most, spaced evenly, so reports never crowd out reconciles.
   */
  USAGE
}
