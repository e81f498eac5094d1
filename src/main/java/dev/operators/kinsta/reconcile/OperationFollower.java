package dev.operators.kinsta.reconcile;

import dev.operators.kinsta.api.v1alpha1.TrackedOperation;
import dev.operators.kinsta.reconcile.OperationTracker.Poll;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Follows the Kinsta operation a resource has in flight ({@code status.operation}), the one way
 * every kind that starts operations does it: while it runs, the reconcile (or deletion step) waits
 * for it; once it has ended, it is cleared from status and the kind is told how it ended.
 */
public final class OperationFollower {
  /** How a kind takes the end of its operation: an outcome to report, or empty to go on. */
  @FunctionalInterface
  public interface Ending<T> {
    Optional<T> ended(TrackedOperation operation, Poll poll);
  }

  private OperationFollower() {}

  /**
   * In a reconcile: empty when no operation is in flight, or when the kind goes on after its end.
   */
  public static Optional<Outcome> follow(Attempt<?, ?> attempt, Ending<Outcome> ending) {
    return follow(attempt, attempt::waitingFor, ending);
  }

  /** In a deletion: the operation in flight is waited for before anything is deleted. */
  public static Optional<Deletion> beforeDeleting(Attempt<?, ?> attempt, Ending<Deletion> ending) {
    return follow(
        attempt,
        (operation, next) ->
            Deletion.waiting(
                next,
                "Waiting for Kinsta operation "
                    + operation.id
                    + " ("
                    + operation.type
                    + ") before deleting"),
        ending);
  }

  private static <T> Optional<T> follow(
      Attempt<?, ?> attempt, BiFunction<TrackedOperation, Duration, T> waiting, Ending<T> ending) {
    TrackedOperation operation = attempt.status().operation;
    if (operation == null) {
      return Optional.empty();
    }
    Poll poll = attempt.pollOperation();
    if (poll instanceof Poll.Running running) {
      return Optional.of(waiting.apply(operation, running.next()));
    }
    attempt.status().operation = null;
    return ending.ended(operation, poll);
  }
}
