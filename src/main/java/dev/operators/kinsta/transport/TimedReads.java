package dev.operators.kinsta.transport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Reads kept for a while under a key (a company's list, a part of a company): a value read within
 * the age asked for is answered again, else it is read now, one read at a time per key, and kept. A
 * failed read keeps nothing. What the inventories and the KinstaCompany share, so that a reconcile
 * refused a permit half way comes back and reads only what it still lacks.
 */
public final class TimedReads {
  private record Read(Object value, Instant readAt) {}

  private final Clock clock;
  private final Map<String, Read> reads = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  public TimedReads(Clock clock) {
    this.clock = clock;
  }

  /** The value under {@code key} read less than {@code maxAge} ago, else read now. */
  @SuppressWarnings("unchecked") // each key is only ever given one type by its caller
  public <T> T get(String key, Duration maxAge, Supplier<T> read) {
    Read known = fresh(key, maxAge);
    if (known != null) {
      return (T) known.value();
    }
    synchronized (locks.computeIfAbsent(key, k -> new Object())) {
      known = fresh(key, maxAge);
      if (known != null) {
        return (T) known.value();
      }
      // Timed from before the read: what changed while it ran may be missing from it.
      Instant startedAt = clock.instant();
      T value = read.get();
      reads.put(key, new Read(value, startedAt));
      return value;
    }
  }

  /** Forgets what was read longer than {@code age} ago (companies nobody asks about any more). */
  public void forgetOlderThan(Duration age) {
    Instant before = clock.instant().minus(age);
    reads.values().removeIf(read -> read.readAt().isBefore(before));
  }

  private @org.jspecify.annotations.Nullable Read fresh(String key, Duration maxAge) {
    Read known = reads.get(key);
    return known != null && clock.instant().isBefore(known.readAt().plus(maxAge)) ? known : null;
  }
}
