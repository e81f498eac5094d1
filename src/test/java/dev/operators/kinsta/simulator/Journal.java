package dev.operators.kinsta.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Every request the simulator answered, for tests and benchmarks to count and inspect. */
public final class Journal {
  /** One answered request. {@code template} is the contract path it matched, or null. */
  public record Entry(
      Instant at, String company, String method, String path, String template, int status) {
    public String endpoint() {
      return method + " " + (template == null ? path : template);
    }
  }

  private final List<Entry> entries = new ArrayList<>();

  synchronized void add(Entry entry) {
    entries.add(entry);
  }

  /**
   * What a 401's entry records as its company: which rejected key was used, without the key itself.
   */
  public static String rejectedKey(String authorization) {
    return "rejected-key-" + Integer.toHexString(String.valueOf(authorization).hashCode());
  }

  /** How many calls Kinsta rejected that used this API key. */
  public synchronized long countRejected(String apiKey) {
    String company = rejectedKey("Bearer " + apiKey);
    return entries.stream().filter(e -> e.status() == 401 && company.equals(e.company())).count();
  }

  public synchronized List<Entry> entries() {
    return List.copyOf(entries);
  }

  public synchronized List<Entry> matching(Predicate<Entry> filter) {
    return entries.stream().filter(filter).toList();
  }

  /** How many answered requests were to {@code "METHOD /template"}. */
  public synchronized long count(String endpoint) {
    return entries.stream().filter(entry -> entry.endpoint().equals(endpoint)).count();
  }

  public synchronized long countStatus(int status) {
    return entries.stream().filter(entry -> entry.status() == status).count();
  }

  public synchronized void clear() {
    entries.clear();
  }
}
