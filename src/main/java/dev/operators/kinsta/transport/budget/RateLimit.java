package dev.operators.kinsta.transport.budget;

import io.github.bucket4j.Bandwidth;
import java.time.Duration;

/**
 * At most {@code permits} requests in any window of length {@code period}. Implemented as a token
 * bucket of {@code burst} tokens refilled at {@code permits - burst} per period: the bucket's worst
 * case in any window is then exactly {@code burst + (permits - burst) = permits}, so a
 * sliding-window limit on the server is never hit. A limit with a burst of one is kept by spacing
 * requests evenly instead.
 */
public record RateLimit(int permits, Duration period, int burst) {
  public RateLimit {
    if (permits < 2) {
      throw new IllegalArgumentException(
          "a rate limit needs at least 2 permits per period, got " + permits);
    }
    if (burst < 1 || burst >= permits) {
      throw new IllegalArgumentException(
          "burst must be between 1 and " + (permits - 1) + ", got " + burst);
    }
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("period must be positive, got " + period);
    }
  }

  public static RateLimit perMinute(int permits) {
    return new RateLimit(
        permits, Duration.ofMinutes(1), Math.max(1, Math.min(permits / 10, permits - 1)));
  }

  Bandwidth bandwidth() {
    if (burst == 1) {
      return Bandwidth.builder().capacity(1).refillGreedy(1, spacing()).initialTokens(1).build();
    }
    return Bandwidth.builder()
        .capacity(burst)
        .refillGreedy(permits - burst, period)
        .initialTokens(burst)
        .build();
  }

  /**
   * The gap between two requests of a limit taken one at a time (a burst of one): a little more
   * than period / permits, so that no window of one period ever holds more than permits and the
   * rate stays within 2 % of it (Kinsta's 5 creations a minute become 4.9, where a bucket of one
   * refilled at permits - 1 would give 4).
   */
  Duration spacing() {
    return period.multipliedBy(51).dividedBy(50L * permits);
  }
}
