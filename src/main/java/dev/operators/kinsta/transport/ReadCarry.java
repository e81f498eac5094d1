package dev.operators.kinsta.transport;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What one reconcile read of a hosted object (an application, static site, database or pipeline and
 * its settings), kept when the rate budget refuses the reconcile half way, so the pass that comes
 * back reads it from here instead of from Sevalla again. Every call costs the company: without
 * this, a reconcile refused at its third write re-read the object and its settings at every return.
 *
 * <p>A read is kept only while nothing could have changed it from here: any write the reconcile
 * sends drops every read (it may have changed what they show), and a read older than {@link
 * #MAX_AGE} is read again. Reads that watch progress (deployments) and the company's lists (shared
 * by every resource, with their own interval) are never kept. A reconcile runs on one thread and
 * its calls block on it, so the reads are the thread's while the reconcile runs.
 */
public final class ReadCarry {
  /** How old a kept read may be when the next pass uses it. */
  public static final Duration MAX_AGE = Duration.ofMinutes(2);

  private static final List<String> OBJECT_READS =
      List.of("/applications/{id}", "/static-sites/{id}", "/databases/{id}", "/pipelines/{id}");
  private static final List<String> PROGRESS_READS = List.of("/deployments", "/metrics/");
  private static final ThreadLocal<@Nullable Reads> CURRENT = new ThreadLocal<>();

  private ReadCarry() {}

  /** The reads one reconcile of one resource made, to hand to its next pass after a refusal. */
  public static final class Reads {
    private final Map<String, Read> byRequest = new HashMap<>();

    public boolean isEmpty() {
      return byRequest.isEmpty();
    }

    /** Whether every read here is too old to be used by the time {@code newer} was read. */
    public boolean outlivedBy(Reads newer) {
      Optional<Instant> newest = newer.newest();
      return newest.isPresent()
          && byRequest.values().stream().allMatch(r -> r.tooOld(newest.get()));
    }

    private Optional<Instant> newest() {
      return byRequest.values().stream().map(Read::at).max(Instant::compareTo);
    }
  }

  private record Read(KinstaTransport.Response response, Instant at) {
    boolean tooOld(Instant now) {
      return at.plus(MAX_AGE).isBefore(now);
    }
  }

  /**
   * Starts keeping this thread's reads, with those a refused pass of the same resource kept (null
   * for none); a kept read is used only while it is younger than {@link #MAX_AGE}.
   */
  public static void begin(@Nullable Reads carried) {
    CURRENT.set(carried == null ? new Reads() : carried);
  }

  /** Stops keeping this thread's reads and gives them (empty when none were kept). */
  public static Reads end() {
    Reads reads = CURRENT.get();
    CURRENT.remove();
    return reads == null ? new Reads() : reads;
  }

  static boolean kept(KinstaRequest request) {
    String template = request.template();
    return request.idempotent()
        && OBJECT_READS.stream().anyMatch(template::startsWith)
        && PROGRESS_READS.stream().noneMatch(template::contains);
  }

  /** The answer a pass of this resource already read for the request, if it is still good. */
  static Optional<KinstaTransport.Response> carried(
      String budgetKey, KinstaRequest request, Instant now) {
    Reads reads = CURRENT.get();
    if (reads == null || !kept(request)) {
      return Optional.empty();
    }
    Read read = reads.byRequest.get(key(budgetKey, request));
    return read == null || read.tooOld(now) ? Optional.empty() : Optional.of(read.response());
  }

  static void read(
      String budgetKey, KinstaRequest request, KinstaTransport.Response response, Instant now) {
    Reads reads = CURRENT.get();
    if (reads != null && kept(request) && response.status() / 100 == 2) {
      reads.byRequest.put(key(budgetKey, request), new Read(response, now));
    }
  }

  /** A write is about to be sent: what was read before may no longer be so. */
  static void writing() {
    Reads reads = CURRENT.get();
    if (reads != null) {
      reads.byRequest.clear();
    }
  }

  private static String key(String budgetKey, KinstaRequest request) {
    return budgetKey + " " + request.pathAndQuery();
  }
}
