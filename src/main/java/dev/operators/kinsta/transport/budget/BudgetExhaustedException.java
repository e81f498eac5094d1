package dev.operators.kinsta.transport.budget;

import java.time.Duration;

/**
 * The budget cannot grant a permit within the allowed wait; try again after {@link #retryAfter()}.
 */
public final class BudgetExhaustedException extends Exception {
  private final Duration retryAfter;

  BudgetExhaustedException(Duration retryAfter) {
    super(
        "rate budget exhausted; next permit in about " + retryAfter.toMillis() + " ms",
        null,
        false,
        false);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
