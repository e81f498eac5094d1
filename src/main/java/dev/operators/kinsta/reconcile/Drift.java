package dev.operators.kinsta.reconcile;

import dev.operators.kinsta.api.v1alpha1.DriftEntry;
import dev.operators.kinsta.api.v1alpha1.KinstaObjectStatus;
import dev.operators.kinsta.api.v1alpha1.KinstaStatus;
import dev.operators.kinsta.api.v1alpha1.ManagementPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The fields one reconcile found different between the spec and Kinsta, in the order the steps met
 * them; under {@code Observe} that is the plan {@code Manage} would carry out. Written to {@code
 * status.drift} once the reconcile ends: replaced when the reconcile compared anything, cleared
 * when it found the object Ready after a full look, and kept when a quick look (the company's list
 * unchanged) found nothing new.
 */
final class Drift {
  private final ManagementPolicy policy;
  private final boolean fromOutside;
  private final List<DriftEntry> found = new ArrayList<>();
  private boolean quickLook;

  /**
   * @param fromOutside the resource was Ready for its generation before this reconcile: what
   *     differs now was changed in Kinsta, not in the spec
   */
  Drift(ManagementPolicy policy, boolean fromOutside) {
    this.policy = policy;
    this.fromOutside = fromOutside;
  }

  boolean observing() {
    return policy == ManagementPolicy.Observe;
  }

  boolean fromOutside() {
    return fromOutside;
  }

  void found(DriftEntry entry) {
    if (!found.contains(entry)) {
      found.add(entry);
    }
  }

  List<DriftEntry> entries() {
    return List.copyOf(found);
  }

  void quickLook() {
    quickLook = true;
  }

  /** Writes what was found into the status the reconcile ends with. */
  void writeTo(KinstaStatus status, Outcome outcome) {
    if (!Objects.equals(outcome.reason(), Reasons.AWAITING_APPROVAL)) {
      status.pendingApproval = null;
    }
    if (!(status instanceof KinstaObjectStatus object)) {
      return;
    }
    if (!found.isEmpty()) {
      object.drift = List.copyOf(found);
      object.driftCount = found.size();
    } else if (outcome.kind() == Outcome.Kind.READY && !quickLook) {
      object.drift = null;
      object.driftCount = 0;
    }
  }

  /** Text for a value in a drift entry: absent values are said as such. */
  static String text(@Nullable Object value) {
    return value == null ? "(not set)" : String.valueOf(value);
  }
}
