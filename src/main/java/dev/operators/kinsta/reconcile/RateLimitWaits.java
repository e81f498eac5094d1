package dev.operators.kinsta.reconcile;

import dev.operators.kinsta.transport.KinstaApiException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long a reconcile refused a rate-budget permit waits. A reconcile refused half way reads again
 * what it read before the refusal; waiting longer after each refusal in a row that changed nothing
 * leaves the budget room for all of it, so it cannot starve itself on its own re-reads. One that
 * got a write through made progress: it comes back at the next permit.
 */
final class RateLimitWaits {
  /** Refusals in a row, by resource (namespace/name); gone at the next success. */
  private final Map<String, Integer> refusals = new ConcurrentHashMap<>();

  Outcome refused(String resource, KinstaApiException.RateLimited limited, boolean progressed) {
    if (progressed) {
      refusals.remove(resource);
    }
    int inARow =
        limited.waitingForCreation() || progressed ? 1 : refusals.merge(resource, 1, Integer::sum);
    Duration wait = limited.retryAfter().multipliedBy(1L << Math.min(inARow - 1, 5));
    return Outcome.waiting(
        Reasons.RATE_LIMITED,
        "Waiting for Kinsta's rate limit: " + limited.getMessage(),
        withJitter(wait));
  }

  /** The resource got through, or is going away: its count starts again. */
  void forget(String resource) {
    refusals.remove(resource);
  }

  static Duration withJitter(Duration base) {
    long millis = Math.max(base.toMillis(), 100);
    return Duration.ofMillis(
        millis + (long) (millis * 0.2 * ThreadLocalRandom.current().nextDouble()));
  }
}
