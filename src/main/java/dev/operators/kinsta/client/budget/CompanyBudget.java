package dev.operators.kinsta.client.budget;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One company's share of the Kinsta limits: the general bucket, the creation and log lanes, and a
 * 429 pause.
 */
final class CompanyBudget {
  private final Bucket general;
  private final Bucket creations;
  private final Bucket logs;
  private final PriorityGate gate;
  private volatile long pausedUntilNanos = System.nanoTime();

  CompanyBudget(RateBudgetSettings settings) {
    this.general = Bucket.builder().addLimit(settings.perCompany().bandwidth()).build();
    this.creations = Bucket.builder().addLimit(settings.creations().bandwidth()).build();
    this.logs = Bucket.builder().addLimit(settings.logs().bandwidth()).build();
    this.gate = new PriorityGate(settings.perCompany().refillInterval().toNanos());
  }

  void acquire(Lane lane, Priority priority, Bucket perIp, long deadlineNanos)
      throws InterruptedException, BudgetExhaustedException {
    @Nullable Bucket laneBucket =
        switch (lane) {
          case CREATION -> creations;
          case LOGS -> logs;
          case GENERAL -> null;
        };
    if (laneBucket != null) {
      takeLanePermit(laneBucket, deadlineNanos);
    }
    try {
      gate.acquire(priority, deadlineNanos, () -> tryTake(perIp));
    } catch (PriorityGate.TooLong tooLong) {
      refund(laneBucket);
      throw new BudgetExhaustedException(Duration.ofNanos(tooLong.waitNanos()));
    } catch (InterruptedException interrupted) {
      refund(laneBucket);
      throw interrupted;
    }
  }

  /** Stops this company's calls until the pause is over; a later, longer pause extends it. */
  void pause(Duration duration) {
    long until = System.nanoTime() + duration.toNanos();
    synchronized (this) {
      if (until - pausedUntilNanos > 0) {
        pausedUntilNanos = until;
      }
    }
    gate.wakeUp();
  }

  Duration pausedFor() {
    long left = pausedUntilNanos - System.nanoTime();
    return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
  }

  long availablePermits() {
    return general.getAvailableTokens();
  }

  int waiting() {
    return gate.waiting();
  }

  private long tryTake(Bucket perIp) {
    long pause = pausedUntilNanos - System.nanoTime();
    if (pause > 0) {
      return pause;
    }
    ConsumptionProbe company = general.tryConsumeAndReturnRemaining(1);
    if (!company.isConsumed()) {
      return company.getNanosToWaitForRefill();
    }
    ConsumptionProbe ip = perIp.tryConsumeAndReturnRemaining(1);
    if (!ip.isConsumed()) {
      general.addTokens(1);
      return ip.getNanosToWaitForRefill();
    }
    return 0;
  }

  private static void takeLanePermit(Bucket lane, long deadlineNanos)
      throws InterruptedException, BudgetExhaustedException {
    long remaining = deadlineNanos - System.nanoTime();
    if (!lane.asBlocking().tryConsume(1, Duration.ofNanos(Math.max(0, remaining)))) {
      long wait = lane.estimateAbilityToConsume(1).getNanosToWaitForRefill();
      throw new BudgetExhaustedException(Duration.ofNanos(Math.max(wait, 1)));
    }
  }

  private static void refund(@Nullable Bucket laneBucket) {
    if (laneBucket != null) {
      laneBucket.addTokens(1);
    }
  }
}
