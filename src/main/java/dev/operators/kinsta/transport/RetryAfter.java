package dev.operators.kinsta.transport;

import io.vertx.core.MultiMap;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads when a rate-limited company may call again from response headers: {@code Retry-After}
 * (seconds or an HTTP date), else {@code RateLimit-Reset} / {@code X-RateLimit-Reset} (seconds from
 * now when small, else an epoch time in seconds or milliseconds).
 */
final class RetryAfter {
  private static final long EPOCH_SECONDS_THRESHOLD = 1_000_000L;
  private static final long EPOCH_MILLIS_THRESHOLD = 100_000_000_000L;

  private RetryAfter() {}

  static Optional<Duration> fromHeaders(MultiMap headers, Instant now) {
    Optional<Duration> retryAfter = parseRetryAfter(headers.get("Retry-After"), now);
    if (retryAfter.isPresent()) {
      return retryAfter;
    }
    return parseReset(first(headers, "RateLimit-Reset", "X-RateLimit-Reset"), now);
  }

  /**
   * True when the server says (almost) no request is left in the current window: none, or at most a
   * twentieth of the limit when it names one. Another client spending the same key's budget shows
   * here first, and pausing until the reset then keeps the operator out of 429s.
   */
  static boolean nearlyExhausted(MultiMap headers) {
    String remaining = first(headers, "RateLimit-Remaining", "X-RateLimit-Remaining");
    if (remaining == null) {
      return false;
    }
    try {
      long left = Long.parseLong(remaining.strip());
      String limit = first(headers, "RateLimit-Limit", "X-RateLimit-Limit");
      long reserve = limit == null ? 0 : Long.parseLong(limit.strip()) / 20;
      return left <= reserve;
    } catch (NumberFormatException ignored) {
      return false;
    }
  }

  static Optional<Duration> parseRetryAfter(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip()))));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at =
            ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        return Optional.of(nonNegative(Duration.between(now, at)));
      } catch (DateTimeParseException notDate) {
        return Optional.empty();
      }
    }
  }

  static Optional<Duration> parseReset(@Nullable String value, Instant now) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      long number = (long) Double.parseDouble(value.strip());
      if (number < EPOCH_SECONDS_THRESHOLD) {
        return Optional.of(Duration.ofSeconds(Math.max(0, number)));
      }
      Instant at =
          number < EPOCH_MILLIS_THRESHOLD
              ? Instant.ofEpochSecond(number)
              : Instant.ofEpochMilli(number);
      return Optional.of(nonNegative(Duration.between(now, at)));
    } catch (NumberFormatException ignored) {
      return Optional.empty();
    }
  }

  private static @Nullable String first(MultiMap headers, String... names) {
    for (String name : names) {
      String value = headers.get(name);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private static Duration nonNegative(Duration duration) {
    return duration.isNegative() ? Duration.ZERO : duration;
  }
}
