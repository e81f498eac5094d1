package dev.operators.kinsta.transport.budget;

import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The API budget every controller shares: one {@link CompanyBudget} per company (Kinsta's limits
 * are per company) and one bucket across all companies for the per-IP limit. A 429 pauses only the
 * company that got it.
 */
public final class RateBudgets {
  /** Observes permits and pauses, for metrics. */
  public interface Listener {
    void permitGranted(String company, Priority priority);

    void permitDenied(String company, Priority priority, Duration retryAfter);

    void paused(String company, Duration duration);
  }

  private static final Listener SILENT =
      new Listener() {
        @Override
        public void permitGranted(String company, Priority priority) {}

        @Override
        public void permitDenied(String company, Priority priority, Duration retryAfter) {}

        @Override
        public void paused(String company, Duration duration) {}
      };

  private final RateBudgetSettings settings;
  private final Bucket perIp;
  private final Map<String, CompanyBudget> companies = new ConcurrentHashMap<>();
  private volatile Listener listener = SILENT;

  /** The companies whose creation permit this thread holds (see {@link #holdCreation}). */
  private final ThreadLocal<Set<String>> heldCreations = ThreadLocal.withInitial(HashSet::new);

  public RateBudgets(RateBudgetSettings settings) {
    this.settings = settings;
    this.perIp = Bucket.builder().addLimit(settings.perIp().bandwidth()).build();
  }

  public RateBudgets withListener(Listener newListener) {
    this.listener = newListener;
    return this;
  }

  /** Budgets of other limits (another API's) reporting to the same listener. */
  public RateBudgets sibling(RateBudgetSettings otherSettings) {
    return new RateBudgets(otherSettings).withListener(listener);
  }

  public RateBudgetSettings settings() {
    return settings;
  }

  /**
   * Takes a permit for one more request of the company on {@code lane}, or throws at once with the
   * time until one will be there: the caller reschedules instead of waiting.
   */
  public void acquire(String company, Lane lane, Priority priority)
      throws BudgetExhaustedException {
    acquire(company, lane, priority, null);
  }

  /** As {@link #acquire(String, Lane, Priority)}, for a change to one service ({@code SERVICE}). */
  public void acquire(String company, Lane lane, Priority priority, @Nullable String service)
      throws BudgetExhaustedException {
    boolean held = lane == Lane.CREATION && heldCreations.get().remove(company);
    try {
      budget(company).acquire(held ? Lane.GENERAL : lane, priority, perIp, service);
      listener.permitGranted(company, priority);
    } catch (BudgetExhaustedException exhausted) {
      if (held) {
        heldCreations.get().add(company);
      }
      listener.permitDenied(company, priority, exhausted.retryAfter());
      throw exhausted;
    }
  }

  /**
   * Takes one of the company's creation permits now, for the creation call this thread is about to
   * prepare (a name check first): the calls that prepare a creation are spent only when the
   * creation can follow, and many creations waiting for the lane do not each list the company again
   * at every refusal. Closing the hold gives the permit back unless a creation call used it.
   */
  public CreationHold holdCreation(String company) throws BudgetExhaustedException {
    budget(company).holdCreation();
    heldCreations.get().add(company);
    return new CreationHold(company);
  }

  /** A creation permit taken ahead; see {@link #holdCreation}. */
  public final class CreationHold implements AutoCloseable {
    private final String company;

    private CreationHold(String company) {
      this.company = company;
    }

    @Override
    public void close() {
      if (heldCreations.get().remove(company)) {
        budget(company).releaseCreation();
      }
    }
  }

  /** Stops the company's calls for {@code duration}, as Kinsta asked with a 429. */
  public void pause(String company, Duration duration) {
    budget(company).pause(duration);
    listener.paused(company, duration);
  }

  /** How long the company's calls are still paused for. */
  public Duration pausedFor(String company) {
    CompanyBudget budget = companies.get(company);
    return budget == null ? Duration.ZERO : budget.pausedFor();
  }

  /** Permits the company can use right now without waiting. */
  public long availablePermits(String company) {
    CompanyBudget budget = companies.get(company);
    return budget == null ? settings.perCompany().burst() : budget.availablePermits();
  }

  public Iterable<String> companies() {
    return companies.keySet();
  }

  private CompanyBudget budget(String company) {
    return companies.computeIfAbsent(company, ignored -> new CompanyBudget(settings));
  }
}
