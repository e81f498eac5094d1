package dev.operators.kinsta.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Kinsta's rate limits as a sliding log per key: at most {@code limit} requests in any window. */
final class SlidingWindowLimiter {
  private final Map<String, Deque<Instant>> logs = new HashMap<>();

  /** Records the request and answers empty, or answers how long until the key may send again. */
  synchronized Optional<Duration> admit(String key, int limit, Duration window, Instant now) {
    Deque<Instant> log = logs.computeIfAbsent(key, ignored -> new ArrayDeque<>());
    Instant windowStart = now.minus(window);
    while (!log.isEmpty() && !log.peekFirst().isAfter(windowStart)) {
      log.pollFirst();
    }
    if (log.size() >= limit) {
      return Optional.of(Duration.between(windowStart, log.peekFirst()));
    }
    log.addLast(now);
    return Optional.empty();
  }

  /** Requests the key may still send in the window ending now. */
  synchronized int remaining(String key, int limit, Duration window, Instant now) {
    Deque<Instant> log = logs.getOrDefault(key, new ArrayDeque<>());
    Instant windowStart = now.minus(window);
    long used = log.stream().filter(at -> at.isAfter(windowStart)).count();
    return (int) Math.max(0, limit - used);
  }

  /** Seconds until the oldest request of the key's window leaves it (at least one). */
  synchronized long resetSeconds(String key, Duration window, Instant now) {
    Deque<Instant> log = logs.getOrDefault(key, new ArrayDeque<>());
    Instant windowStart = now.minus(window);
    return log.stream()
        .filter(at -> at.isAfter(windowStart))
        .findFirst()
        .map(oldest -> Math.max(1, (Duration.between(windowStart, oldest).toMillis() + 999) / 1000))
        .orElse(1L);
  }

  synchronized void reset() {
    logs.clear();
  }
}
