package dev.operators.kinsta.company;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What a KinstaCompany reads that changes rarely (regions, users, API keys, the key's own name, the
 * hosting lists), kept per company for an inventory interval. A reconcile refused a permit half way
 * comes back and reads only what it still lacks, instead of every part again before it is refused
 * once more.
 */
final class CompanyReads {
  private record Read(Object value, Instant readAt) {}

  private final Map<String, Read> reads = new ConcurrentHashMap<>();

  /**
   * The part as read within the last {@code interval}, else read now (and kept). A failed read
   * keeps nothing.
   */
  @SuppressWarnings("unchecked") // each key is only ever given one type by its caller
  <T> T once(String companyId, String part, Instant now, Duration interval, Supplier<T> read) {
    String key = companyId + "/" + part;
    Read known = reads.get(key);
    if (known != null && now.isBefore(known.readAt().plus(interval))) {
      return (T) known.value();
    }
    T value = read.get();
    reads.put(key, new Read(value, now));
    return value;
  }

  /** Forgets what was read of companies nobody asked about for three intervals. */
  void forgetOlderThan(Instant before) {
    reads.values().removeIf(read -> read.readAt().isBefore(before));
  }
}
