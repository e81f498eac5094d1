package dev.operators.kinsta.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.operators.kinsta.api.v1alpha1.DriftEntry;
import dev.operators.kinsta.api.v1alpha1.KinstaDatabaseStatus;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteActionStatus;
import dev.operators.kinsta.api.v1alpha1.ManagementPolicy;
import dev.operators.kinsta.api.v1alpha1.PendingApproval;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What one reconcile writes to status.drift and status.pendingApproval, without a cluster. */
class DriftTest {
  private static final DriftEntry SIZE = new DriftEntry("spec.size", "db2", "db1");
  private static final DriftEntry NAME = new DriftEntry("spec.displayName", "shop", "old");
  private static final Outcome READY = Outcome.ready("Ready", Duration.ofMinutes(10));
  private static final Outcome WAITING =
      Outcome.progressing(Reasons.AWAITING_APPROVAL, "Deleting database", null);

  private static KinstaDatabaseStatus withEarlierDrift() {
    KinstaDatabaseStatus status = new KinstaDatabaseStatus();
    status.drift = List.of(NAME);
    status.driftCount = 1;
    status.pendingApproval = new PendingApproval("Deleting database db-1", 3);
    return status;
  }

  @Test
  void entriesKeepTheOrderTheStepsMetThemAndAreNotRepeated() {
    Drift drift = new Drift(ManagementPolicy.Manage, false);
    drift.found(SIZE);
    drift.found(NAME);
    drift.found(new DriftEntry("spec.size", "db2", "db1"));
    assertEquals(List.of(SIZE, NAME), drift.entries());
  }

  @Test
  void whatWasFoundReplacesTheEarlierDriftWhateverTheOutcome() {
    KinstaDatabaseStatus status = withEarlierDrift();
    Drift drift = new Drift(ManagementPolicy.Observe, false);
    drift.found(SIZE);
    drift.writeTo(status, Outcome.stalled(Reasons.NOTHING_TO_OBSERVE, "absent"));
    assertEquals(List.of(SIZE), status.drift);
    assertEquals(1, status.driftCount);
  }

  @Test
  void aFullLookEndingReadyWithNothingFoundClearsTheDrift() {
    KinstaDatabaseStatus status = withEarlierDrift();
    new Drift(ManagementPolicy.Manage, false).writeTo(status, READY);
    assertNull(status.drift);
    assertEquals(0, status.driftCount);
  }

  @Test
  void aQuickLookKeepsTheDriftTheLastFullLookFound() {
    KinstaDatabaseStatus status = withEarlierDrift();
    Drift drift = new Drift(ManagementPolicy.Observe, true);
    drift.quickLook();
    drift.writeTo(status, READY);
    assertEquals(List.of(NAME), status.drift);
    assertEquals(1, status.driftCount);
  }

  @Test
  void anOutcomeOtherThanReadyWithNothingFoundKeepsTheDrift() {
    KinstaDatabaseStatus status = withEarlierDrift();
    new Drift(ManagementPolicy.Manage, false)
        .writeTo(status, Outcome.waiting(Reasons.RATE_LIMITED, "waiting", Duration.ofSeconds(5)));
    assertEquals(List.of(NAME), status.drift);
  }

  @Test
  void aPendingApprovalLastsOnlyWhileTheReconcileEndsAwaitingIt() {
    KinstaDatabaseStatus waiting = withEarlierDrift();
    new Drift(ManagementPolicy.Manage, false).writeTo(waiting, WAITING);
    assertNotNull(waiting.pendingApproval);

    KinstaDatabaseStatus approved = withEarlierDrift();
    new Drift(ManagementPolicy.Manage, false).writeTo(approved, READY);
    assertNull(approved.pendingApproval);
  }

  @Test
  void aStatusWithoutDriftOnlyLosesItsPendingApproval() {
    KinstaSiteActionStatus status = new KinstaSiteActionStatus();
    status.pendingApproval = new PendingApproval("Pushing staging to live", 1);
    Drift drift = new Drift(ManagementPolicy.Manage, false);
    drift.found(SIZE);
    drift.writeTo(status, READY);
    assertNull(status.pendingApproval);
  }

  @Test
  void thePolicyAndWhereTheDifferenceCameFromAreKept() {
    assertTrue(new Drift(ManagementPolicy.Observe, false).observing());
    assertFalse(new Drift(ManagementPolicy.Manage, true).observing());
    assertTrue(new Drift(ManagementPolicy.Manage, true).fromOutside());
    assertFalse(new Drift(ManagementPolicy.Observe, false).fromOutside());
  }

  @Test
  void anAbsentValueIsSaidAsSuch() {
    assertEquals("(not set)", Drift.text(null));
    assertEquals("8.3", Drift.text("8.3"));
    assertEquals("300", Drift.text(300));
  }
}
