package dev.operators.kinsta.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  @Test
  void readsRetryAfterInSecondsOrAsAnHttpDate() {
    assertEquals(
        Optional.of(Duration.ofSeconds(7)),
        RetryAfter.fromHeaders(headers("Retry-After", "7"), NOW));
    assertEquals(
        Optional.of(Duration.ofSeconds(30)),
        RetryAfter.fromHeaders(headers("Retry-After", "Sun, 22 Nov 2026 12:00:30 GMT"), NOW));
    assertEquals(
        Optional.of(Duration.ZERO),
        RetryAfter.fromHeaders(headers("Retry-After", "Sun, 22 Nov 2026 11:00:00 GMT"), NOW));
  }

  @Test
  void fallsBackToResetHeadersInSecondsOrEpochTime() {
    assertEquals(
        Optional.of(Duration.ofSeconds(12)),
        RetryAfter.fromHeaders(headers("RateLimit-Reset", "12"), NOW));
    assertEquals(
        Optional.of(Duration.ofSeconds(20)),
        RetryAfter.fromHeaders(
            headers("X-RateLimit-Reset", String.valueOf(NOW.getEpochSecond() + 20)), NOW));
    assertEquals(
        Optional.of(Duration.ofSeconds(5)),
        RetryAfter.fromHeaders(
            headers("X-RateLimit-Reset", String.valueOf(NOW.toEpochMilli() + 5000)), NOW));
    assertEquals(Optional.empty(), RetryAfter.fromHeaders(headers("Retry-After", "whenever"), NOW));
  }

  @Test
  void seesAnExhaustedWindow() {
    assertTrue(RetryAfter.nearlyExhausted(headers("X-RateLimit-Remaining", "0")));
    assertFalse(RetryAfter.nearlyExhausted(headers("RateLimit-Remaining", "17")));
    assertFalse(RetryAfter.nearlyExhausted(MultiMap.caseInsensitiveMultiMap()));
    MultiMap sevalla = headers("x-ratelimit-limit", "400");
    sevalla.add("x-ratelimit-remaining", "20");
    assertTrue(RetryAfter.nearlyExhausted(sevalla), "a twentieth of the limit is kept back");
    sevalla.set("x-ratelimit-remaining", "21");
    assertFalse(RetryAfter.nearlyExhausted(sevalla));
  }

  @Test
  void backsOffExponentiallyWithJitterAndACap() {
    for (int attempt = 1; attempt < 30; attempt++) {
      Duration wait = KinstaTransport.backoff(attempt);
      long ceiling = Math.min(60_000, 1_000L << Math.min(attempt, 16));
      assertTrue(
          wait.toMillis() >= ceiling / 2 && wait.toMillis() <= ceiling, attempt + ": " + wait);
    }
  }

  private static MultiMap headers(String name, String value) {
    return MultiMap.caseInsensitiveMultiMap().add(name, value);
  }
}
