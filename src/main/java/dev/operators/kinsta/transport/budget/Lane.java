package dev.operators.kinsta.transport.budget;

/** Limits that Kinsta and Sevalla apply to some endpoints on top of the general per-company one. */
public enum Lane {
  GENERAL,
  /** Creations: Kinsta's sites and environments (5 a minute), Sevalla's services (20 an hour). */
  CREATION,
  /** Sevalla's other writes: 30 a minute per company. */
  WRITE,
  /** Sevalla's changes and deployments of one service: 10 a minute per service. */
  SERVICE,
  /** Environment logs: 35 per minute. */
  LOGS,
  /**
   * Usage, analytics and application metrics for Prometheus: a fifth of the company's limit at
   * most, spaced evenly, so reports never crowd out reconciles.
   */
  USAGE
}
