package dev.operators.kinsta.api.v1alpha1;

/** How one run of a site action stands. */
public enum RunOutcome {
  Pending,
  Running,
  Succeeded,
  Failed,
  /** A scheduled time passed while the operator was not running, beyond the grace period. */
  Missed,
  /**
   * A scheduled time came while another run was still going ({@code concurrencyPolicy: Forbid}).
   */
  Skipped,
  /** A run the next scheduled one took the place of ({@code concurrencyPolicy: Replace}). */
  Replaced
}
