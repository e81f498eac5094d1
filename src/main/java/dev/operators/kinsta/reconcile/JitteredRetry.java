package dev.operators.kinsta.reconcile;

import io.javaoperatorsdk.operator.processing.retry.Retry;
import io.javaoperatorsdk.operator.processing.retry.RetryExecution;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Retries forever: exponential back-off from {@code initial}, capped at {@code max}, with ±20 %
 * jitter so that many resources failing together do not retry together. JOSDK's default gives up
 * after five attempts, which would leave a resource stuck after a long Kinsta outage.
 */
public final class JitteredRetry implements Retry {
  private final Duration initial;
  private final Duration max;

  public JitteredRetry(Duration initial, Duration max) {
    this.initial = initial;
    this.max = max;
  }

  @Override
  public RetryExecution initExecution() {
    return new Execution();
  }

  /** The un-jittered delay before attempt {@code attempt} (1-based). */
  Duration baseDelay(int attempt) {
    double millis = (double) initial.toMillis() * Math.pow(2, Math.min(attempt - 1, 30));
    return Duration.ofMillis((long) Math.min(millis, (double) max.toMillis()));
  }

  private final class Execution implements RetryExecution {
    private int attempts;

    @Override
    public Optional<Long> nextDelay() {
      attempts++;
      long base = baseDelay(attempts).toMillis();
      long jitter = (long) (base * 0.2 * (ThreadLocalRandom.current().nextDouble() * 2 - 1));
      return Optional.of(Math.max(1, base + jitter));
    }

    @Override
    public int getAttemptCount() {
      return attempts;
    }

    @Override
    public boolean isLastAttempt() {
      return false;
    }
  }
}
