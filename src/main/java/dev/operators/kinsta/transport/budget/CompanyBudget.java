package dev.operators.kinsta.transport.budget;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * One company's share of the Kinsta limits: the general bucket, the creation and log lanes, and a
 * 429 pause. A permit is granted at once or refused at once with the time until one will be there:
 * no caller ever waits, so a company with a backlog holds no thread that another company's
 * resources could use. Urgency is kept by reserves: a less urgent caller is refused while the
 * bucket holds no more than the share kept for the more urgent ones.
 */
final class CompanyBudget {
  /** Calls a reconcile step usually makes (a read or two, then a write). */
  private static final long PERMITS_PER_STEP = 3;

  private final Bucket general;
  private final Bucket creations;
  private final Bucket logs;
  private final Bucket usage;
  private final @Nullable Bucket writes;
  private final @Nullable RateLimit perService;
  private final Map<String, Bucket> services = new java.util.concurrent.ConcurrentHashMap<>();
  private final long capacity;
  private volatile long pausedUntilNanos = System.nanoTime();

  /**
   * Where each priority's queue of refused callers ends: each refusal takes the next step's worth
   * of refill time after it, so that callers refused together come back one after another, each to
   * a step's permits, instead of all at once to spend the first permit each and be refused again. A
   * queue per priority: a user's write never queues behind background reads.
   */
  private final Map<Priority, AtomicLong> queueEndNanos = new EnumMap<>(Priority.class);

  private final long nanosPerStep;

  CompanyBudget(RateBudgetSettings settings) {
    this.nanosPerStep =
        settings.perCompany().period().toNanos()
            * PERMITS_PER_STEP
            / Math.max(1, settings.perCompany().permits());
    for (Priority priority : Priority.values()) {
      queueEndNanos.put(priority, new AtomicLong(System.nanoTime()));
    }
    this.general = Bucket.builder().addLimit(settings.perCompany().bandwidth()).build();
    this.creations = Bucket.builder().addLimit(settings.creations().bandwidth()).build();
    this.logs = Bucket.builder().addLimit(settings.logs().bandwidth()).build();
    this.usage = Bucket.builder().addLimit(settings.usage().bandwidth()).build();
    this.writes =
        settings.writes() == null
            ? null
            : Bucket.builder().addLimit(settings.writes().bandwidth()).build();
    this.perService = settings.perService();
    this.capacity = settings.perCompany().burst();
  }

  void acquire(Lane lane, Priority priority, Bucket perIp, @Nullable String service)
      throws BudgetExhaustedException {
    refuseWhilePaused();
    @Nullable Bucket laneBucket =
        switch (lane) {
          case CREATION -> creations;
          case LOGS -> logs;
          case USAGE -> usage;
          case WRITE -> writes;
          case SERVICE -> service == null ? writes : serviceBucket(service);
          case GENERAL -> null;
        };
    if (laneBucket != null) {
      take(laneBucket);
    }
    long reserve = reserve(priority);
    if (!general.tryConsume(1 + reserve)) {
      refund(laneBucket);
      // Back when a whole step's calls can be served, not one: a reconcile that came back for a
      // single permit would spend it on its first read and be refused again on its write.
      long step = Math.min(capacity, reserve + PERMITS_PER_STEP);
      throw new BudgetExhaustedException(
          queued(
              priority,
              Math.max(general.estimateAbilityToConsume(step).getNanosToWaitForRefill(), 1)));
    }
    if (reserve > 0) {
      general.addTokens(reserve);
    }
    try {
      take(perIp);
    } catch (BudgetExhaustedException exhausted) {
      general.addTokens(1);
      refund(laneBucket);
      throw exhausted;
    }
  }

  /**
   * The wait of a caller refused now: until the permits it needs are there, and no earlier than its
   * place in the queue of callers refused before it.
   */
  private Duration queued(Priority priority, long untilPermitsNanos) {
    long now = System.nanoTime();
    long earliest = now + untilPermitsNanos;
    long end =
        java.util.Objects.requireNonNull(queueEndNanos.get(priority), "a queue per priority")
            .accumulateAndGet(
                earliest, (queued, mine) -> (queued - mine > 0 ? queued : mine) + nanosPerStep);
    return Duration.ofNanos(Math.max(end - nanosPerStep - now, 1));
  }

  /** The bucket of one service's changes and deployments, made at its first change. */
  private @Nullable Bucket serviceBucket(String service) {
    RateLimit limit = perService;
    return limit == null
        ? null
        : services.computeIfAbsent(
            service, id -> Bucket.builder().addLimit(limit.bandwidth()).build());
  }

  /** Takes a creation permit ahead of the creation call, which {@link #acquire} then skips. */
  void holdCreation() throws BudgetExhaustedException {
    refuseWhilePaused();
    take(creations);
  }

  /** While Kinsta's 429 pause lasts, no permit of any kind. */
  private void refuseWhilePaused() throws BudgetExhaustedException {
    long pause = pausedUntilNanos - System.nanoTime();
    if (pause > 0) {
      throw new BudgetExhaustedException(Duration.ofNanos(pause));
    }
  }

  /** Gives back a held creation permit that no creation call used. */
  void releaseCreation() {
    creations.addTokens(1);
  }

  /**
   * Permits kept back from a priority: a tenth of the bucket from deletions, a fifth from
   * background reads, half from reports, none from writes and operation polls.
   */
  private long reserve(Priority priority) {
    return switch (priority) {
      case USER_WRITE, OPERATION_POLL -> 0;
      case DELETE -> capacity / 10;
      case BACKGROUND_READ -> capacity / 5;
      case REPORTING -> capacity / 2;
    };
  }

  /** Stops this company's calls until the pause is over; a later, longer pause extends it. */
  void pause(Duration duration) {
    long until = System.nanoTime() + duration.toNanos();
    synchronized (this) {
      if (until - pausedUntilNanos > 0) {
        pausedUntilNanos = until;
      }
    }
  }

  Duration pausedFor() {
    long left = pausedUntilNanos - System.nanoTime();
    return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
  }

  long availablePermits() {
    return general.getAvailableTokens();
  }

  private static void take(Bucket bucket) throws BudgetExhaustedException {
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      throw new BudgetExhaustedException(
          Duration.ofNanos(Math.max(probe.getNanosToWaitForRefill(), 1)));
    }
  }

  private static void refund(@Nullable Bucket laneBucket) {
    if (laneBucket != null) {
      laneBucket.addTokens(1);
    }
  }
}
