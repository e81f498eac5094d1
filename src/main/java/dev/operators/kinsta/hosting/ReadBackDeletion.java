package dev.operators.kinsta.hosting;

import dev.operators.kinsta.api.v1alpha1.OperationType;
import dev.operators.kinsta.reconcile.Attempt;
import dev.operators.kinsta.reconcile.Deletion;
import dev.operators.kinsta.reconcile.Reason;
import dev.operators.kinsta.transport.KinstaApiException;

/**
 * Deletes an object that Kinsta deletes without an operation id (a database, an application): one
 * delete call, the wait recorded in {@code status.operation} (so it survives a restart and its age
 * sets the poll interval), then the object is read until Kinsta answers 404.
 */
public final class ReadBackDeletion {
  /** A call to Kinsta about the object; {@link KinstaApiException.NotFound} means it is gone. */
  @FunctionalInterface
  public interface Call {
    void run();
  }

  private ReadBackDeletion() {}

  /**
   * One step.
   *
   * @param type the operation type that marks the wait in {@code status.operation}
   * @param object how events and messages name the object, e.g. {@code database 5c0e…}
   * @param reason the reason of the event recorded when the delete call is sent
   */
  public static Deletion step(
      Attempt<?, ?> attempt,
      OperationType type,
      String objectId,
      String object,
      Reason reason,
      Call delete,
      Call read) {
    var operation = attempt.status().operation;
    try {
      if (operation != null && operation.is(type)) {
        read.run();
        return Deletion.waiting(
            attempt.pollAfter(operation), "Waiting for Kinsta to delete " + object);
      }
      delete.run();
    } catch (KinstaApiException.NotFound gone) {
      return Deletion.finished();
    }
    attempt.events().normal(attempt.resource(), reason, "Deleting " + object + " in Kinsta");
    attempt.tracked(type, objectId);
    return Deletion.waiting(attempt.shortly(), "Waiting for Kinsta to delete " + object);
  }
}
