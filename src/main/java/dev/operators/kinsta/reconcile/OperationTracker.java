package dev.operators.kinsta.reconcile;

import dev.operators.kinsta.api.v1alpha1.OperationType;
import dev.operators.kinsta.api.v1alpha1.TrackedOperation;
import dev.operators.kinsta.client.KinstaApi;
import dev.operators.kinsta.client.dto.OperationStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * Follows asynchronous Kinsta operations without blocking: each reconcile polls once and says when
 * to poll next. The interval grows with the operation's age (a quarter of it), between the
 * configured bounds, so a quick change is seen quickly and a slow site creation is not polled a
 * hundred times.
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
    OperationStatus status = api.getOperation(operation.id);
    Duration age = age(operation);
    if (status.state() != OperationStatus.State.FAILED) {
      operation.failureAnswers = null;
    }
    return switch (status.state()) {
      case IN_PROGRESS -> new Poll.Running(nextPoll(age, override));
      case SUCCEEDED -> new Poll.Succeeded(status);
      case FAILED -> failed(operation, status, age, override);
      case NOT_FOUND ->
          age.compareTo(settings.operationGrace()) < 0
              ? new Poll.Running(nextPoll(age, override))
              : new Poll.Lost();
    };
  }

  /**
   * A failure answer is believed when it is the {@value #FAILURE_ANSWERS_BELIEVED}th in a row: a
   * failed operation keeps answering so, a passing server error (the same HTTP 500) does not. Until
   * then the operation is polled again, later each time.
   */
  private Poll failed(
      TrackedOperation operation,
      OperationStatus status,
      Duration age,
      @Nullable Duration override) {
    int seen = (operation.failureAnswers == null ? 0 : operation.failureAnswers) + 1;
    if (seen < FAILURE_ANSWERS_BELIEVED) {
      operation.failureAnswers = seen;
      Duration backOff = settings.minPollInterval().multipliedBy(1L << (2 * seen));
      Duration next = nextPoll(age, override);
      return new Poll.Running(next.compareTo(backOff) >= 0 ? next : backOff);
    }
    operation.failureAnswers = null;
    return new Poll.Failed(
        status.message() == null || status.message().isBlank()
            ? "the operation failed without a message"
            : status.message());
  }

  /** When to look at an operation of this age again. */
  public Duration nextPoll(Duration age, @Nullable Duration override) {
    if (override != null) {
      return override;
    }
    long millis =
        Math.max(
            settings.minPollInterval().toMillis(),
            Math.min(settings.maxPollInterval().toMillis(), age.toMillis() / 4));
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
