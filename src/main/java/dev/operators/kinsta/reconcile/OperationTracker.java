package dev.operators.kinsta.reconcile;

import static java.util.Objects.requireNonNull;

import dev.operators.kinsta.api.v1alpha1.OperationType;
import dev.operators.kinsta.api.v1alpha1.TrackedOperation;
import dev.operators.kinsta.wordpress.client.KinstaApi;
import dev.operators.kinsta.wordpress.client.dto.OperationStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * Follows asynchronous Kinsta operations without blocking: each reconcile polls once and says when
 * to poll next. An operation is first polled shortly before operations of its type have been seen
 * to finish (learned from the durations seen), then at an interval that grows with its age, always
 * between the configured bounds: a site creation of a minute or three is polled a handful of times,
 * a quick change is seen quickly.
 */
public final class OperationTracker {

  /** What one poll found. */
  public sealed interface Poll {
    record Running(Duration next) implements Poll {}

    record Succeeded(OperationStatus status) implements Poll {}

    record Failed(String message) implements Poll {}

    /** Kinsta answered 404 past the grace window: the caller checks the object itself. */
    record Lost() implements Poll {}
  }

  static final int FAILURE_ANSWERS_BELIEVED = 3;

  private final ReconcileSettings settings;
  private final Clock clock;
  private final Map<String, Duration> expected = new ConcurrentHashMap<>();

  public OperationTracker(ReconcileSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * New tracked work, started now; {@code operationId} is Kinsta's, or null for work without one.
   */
  public TrackedOperation started(
      OperationType type,
      @Nullable String operationId,
      @Nullable String target,
      @Nullable String value) {
    return new TrackedOperation(
        type,
        operationId,
        target,
        value,
        DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
  }

  public Poll poll(KinstaApi api, TrackedOperation operation, @Nullable Duration override) {
    OperationStatus status =
        api.operations().getOperation(requireNonNull(operation.id, "status.operation.id"));
    Duration age = age(operation);
    if (status.state() != OperationStatus.State.FAILED) {
      operation.failureAnswers = null;
      operation.failureMessage = null;
    }
    return switch (status.state()) {
      case IN_PROGRESS -> new Poll.Running(nextPoll(operation, override));
      case SUCCEEDED -> {
        learn(operation.type, age);
        yield new Poll.Succeeded(status);
      }
      case FAILED -> failed(operation, status, age, override);
      case NOT_FOUND ->
          age.compareTo(settings.operationGrace()) < 0
              ? new Poll.Running(nextPoll(operation, override))
              : new Poll.Lost();
    };
  }

  /**
   * A failure answer is believed when it is the {@value #FAILURE_ANSWERS_BELIEVED}th in a row with
   * the same message: a failed operation keeps answering so, a passing server error (the same HTTP
   * 500, its own message) does not, and so never stands for the operation's failure. Until then the
   * operation is polled again, later each time.
   */
  private Poll failed(
      TrackedOperation operation,
      OperationStatus status,
      Duration age,
      @Nullable Duration override) {
    String message = status.message() == null ? "" : status.message();
    boolean same = message.equals(operation.failureMessage);
    int seen = (same && operation.failureAnswers != null ? operation.failureAnswers : 0) + 1;
    if (seen < FAILURE_ANSWERS_BELIEVED) {
      operation.failureAnswers = seen;
      operation.failureMessage = message;
      Duration backOff = settings.minPollInterval().multipliedBy(1L << (2 * seen));
      Duration next = nextPoll(age, override);
      return new Poll.Running(next.compareTo(backOff) >= 0 ? next : backOff);
    }
    operation.failureAnswers = null;
    operation.failureMessage = null;
    return new Poll.Failed(
        status.message() == null || status.message().isBlank()
            ? "the operation failed without a message"
            : status.message());
  }

  /**
   * When to poll a Kinsta operation again: just before operations of its type usually finish, then
   * every eighth of that time or a quarter of its age, whichever is longer; before one of its type
   * was seen to finish, as {@link #nextPoll(Duration, Duration)} says.
   */
  public Duration nextPoll(TrackedOperation operation, @Nullable Duration override) {
    if (override != null) {
      return override;
    }
    Duration age = age(operation);
    Duration usual = operation.type == null ? null : expected.get(operation.type);
    if (usual == null) {
      return nextPoll(age, null);
    }
    Duration untilUsual = usual.multipliedBy(4).dividedBy(5).minus(age);
    long millis =
        untilUsual.isNegative() || untilUsual.isZero()
            ? Math.max(usual.toMillis() / 8, age.toMillis() / 4)
            : untilUsual.toMillis();
    return bounded(millis);
  }

  /**
   * Learns how long operations of a type take from one seen to finish. A poll sees the end only
   * after it happened, so a shorter duration is believed at once and a longer one moves the
   * estimate a third of the way.
   */
  void learn(@Nullable String type, Duration took) {
    if (type != null) {
      expected.merge(
          type,
          took,
          (before, seen) ->
              seen.compareTo(before) < 0
                  ? seen
                  : before.multipliedBy(7).plus(seen.multipliedBy(3)).dividedBy(10));
    }
  }

  /** When to look at something of this age again (not an operation: a site provisioning, say). */
  public Duration nextPoll(Duration age, @Nullable Duration override) {
    if (override != null) {
      return override;
    }
    return bounded(age.toMillis() / 4);
  }

  /**
   * Between the configured bounds, with up to 10 % jitter so that work started together spreads.
   */
  private Duration bounded(long wantedMillis) {
    long millis =
        Math.max(
            settings.minPollInterval().toMillis(),
            Math.min(settings.maxPollInterval().toMillis(), wantedMillis));
    long jitter = (long) (millis * 0.1 * ThreadLocalRandom.current().nextDouble());
    return Duration.ofMillis(millis + jitter);
  }

  public Duration age(TrackedOperation operation) {
    try {
      return Duration.between(Instant.parse(operation.startedAt), clock.instant());
    } catch (DateTimeParseException | NullPointerException unreadable) {
      return Duration.ZERO;
    }
  }
}
