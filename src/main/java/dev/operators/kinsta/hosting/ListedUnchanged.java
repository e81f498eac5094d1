package dev.operators.kinsta.hosting;

import dev.operators.kinsta.api.v1alpha1.KinstaStatus;
import dev.operators.kinsta.hosting.client.dto.ApplicationSummary;
import dev.operators.kinsta.hosting.inventory.HostingInventory;
import dev.operators.kinsta.reconcile.Attempt;
import dev.operators.kinsta.reconcile.Outcome;
import dev.operators.kinsta.reconcile.ResourceControls;
import dev.operators.kinsta.reconcile.StatusConditions;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A resync that finds nothing to do, told from the company's list alone: the resource is Ready for
 * its generation, nothing is in flight, nobody asked for a reconcile, and the company's list shows
 * the object with the state and display name last seen. It stays Ready with no call of its own;
 * anything else takes the full look.
 */
public final class ListedUnchanged {
  private ListedUnchanged() {}

  /**
   * The outcome that keeps the resource Ready, or empty for a full look.
   *
   * @param listed the company's list, at most one inventory interval old
   * @param id the object's id, as the status records it
   * @param state and {@code displayName}: what the status recorded of it at the last full look
   */
  public static Optional<Outcome> stillReady(
      Attempt<?, ? extends KinstaStatus> attempt,
      List<ApplicationSummary> listed,
      @Nullable String id,
      @Nullable String state,
      @Nullable String displayName) {
    return stillReady(attempt, listed, id, state, displayName, null);
  }

  /**
   * As above, and with {@code updatedAt} (Sevalla's change time at the last full look) given, the
   * list's must be the same too: a change made in MyKinsta moves it.
   */
  public static Optional<Outcome> stillReady(
      Attempt<?, ? extends KinstaStatus> attempt,
      List<ApplicationSummary> listed,
      @Nullable String id,
      @Nullable String state,
      @Nullable String displayName,
      @Nullable String updatedAt) {
    if (id == null) {
      return Optional.empty();
    }
    Optional<Condition> ready = quietReady(attempt);
    if (ready.isEmpty()) {
      return Optional.empty();
    }
    boolean same =
        HostingInventory.withId(listed, id)
            .filter(entry -> Objects.equals(entry.status(), state))
            .filter(entry -> Objects.equals(entry.displayName(), displayName))
            .filter(entry -> updatedAt == null || updatedAt.equals(entry.updatedAt()))
            .isPresent();
    return same ? Optional.of(attempt.stillReady(ready.get().getMessage())) : Optional.empty();
  }

  /**
   * The Ready condition, when the resource is Ready for its generation, nothing is in flight, its
   * Secrets did not change since the last full look and nobody asked for a reconcile: then what the
   * company's list shows decides whether a full look is needed.
   */
  public static Optional<Condition> quietReady(Attempt<?, ? extends KinstaStatus> attempt) {
    KinstaStatus status = attempt.status();
    long generation = StatusConditions.generation(attempt.resource());
    boolean quiet =
        status.operation == null
            && Objects.equals(status.observedSecretsVersion, status.secretsVersion)
            && Objects.equals(
                status.lastHandledReconcileAt,
                ResourceControls.reconcileRequest(attempt.resource()).orElse(null));
    return StatusConditions.readyFor(status, generation).filter(c -> quiet);
  }
}
