package dev.operators.kinsta.reconcile;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Where one reconcile left a resource, in kstatus terms; {@link StatusConditions} turns it into
 * conditions.
 *
 * @param requeueAfter when to look again, or null to wait for the next event
 */
public record Outcome(Kind kind, Reason reason, String message, @Nullable Duration requeueAfter) {

  public enum Kind {
    /** Kinsta matches the spec. */
    READY,
    /** Work is under way (an operation runs, or a change was just started). */
    PROGRESSING,
    /** Nothing will change until the spec, the Secret or a reconcile request does. */
    STALLED,
    /** Waiting for rate budget; Ready keeps its value. */
    WAITING,
    /** Paused by annotation; no Kinsta calls. */
    PAUSED,
    /** A stalled resource whose inputs did not change: leave the status exactly as it is. */
    UNCHANGED
  }

  public static Outcome ready(String message, Duration resync) {
    return new Outcome(Kind.READY, Reasons.READY, message, resync);
  }

  public static Outcome progressing(Reason reason, String message, @Nullable Duration next) {
    return new Outcome(Kind.PROGRESSING, reason, message, next);
  }

  public static Outcome stalled(Reason reason, String message) {
    return new Outcome(Kind.STALLED, reason, message, null);
  }

  public static Outcome waiting(Reason reason, String message, @Nullable Duration next) {
    return new Outcome(Kind.WAITING, reason, message, next);
  }

  public static Outcome paused() {
    return new Outcome(
        Kind.PAUSED,
        Reasons.PAUSED,
        "Reconciliation is paused by the "
            + dev.operators.kinsta.api.v1alpha1.ApiGroup.PAUSED_ANNOTATION
            + " annotation",
        null);
  }

  /** The same outcome, looked at again after {@code after}. */
  public Outcome withRequeue(Duration after) {
    return new Outcome(kind, reason, message, after);
  }

  /** Leaves the status as it is: its reason and message are never written. */
  public static Outcome unchanged() {
    return new Outcome(Kind.UNCHANGED, Reasons.READY, "", null);
  }
}
