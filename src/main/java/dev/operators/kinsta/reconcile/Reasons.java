package dev.operators.kinsta.reconcile;

import dev.operators.kinsta.reconcile.Reason.MayClear;

/**
 * Condition and event reasons shared by every kind; each kind keeps its own in one enum beside its
 * reconciler. {@code docs/kinds.md} lists them all ({@code ReasonsDocumentedTest}).
 */
public enum Reasons implements Reason {
  READY,
  PAUSED,
  INVALID_SPEC,
  UNREADABLE_STATUS,
  CREDENTIALS_NOT_FOUND,
  SECRET_MISUSED,
  @MayClear
  INVALID_CREDENTIALS,
  CREDENTIALS_MISMATCH,
  @MayClear
  PERMISSION_DENIED,
  KINSTA_REJECTED,
  @MayClear
  NOT_FOUND,
  RATE_LIMITED,
  KINSTA_UNAVAILABLE,
  INTERNAL_ERROR,
  OPERATION_IN_PROGRESS,
  @MayClear
  OPERATION_FAILED,
  AMBIGUOUS_ADOPTION,
  NAME_IN_USE,
  ALREADY_MANAGED,
  CREATING,
  CREATION_UNCONFIRMED,
  AMBIGUOUS_CREATION,
  SECRET_NOT_FOUND,

  /** A Secret the operator writes (connection details, a deployment hook) is somebody else's. */
  SECRET_CONFLICT,

  DELETING,

  /** Observe: the Kinsta object the spec names is not there (it may be created by someone). */
  @MayClear
  NOTHING_TO_OBSERVE,

  /** A change that destroys data waits for the approve annotation. */
  AWAITING_APPROVAL,

  // Events.
  ADOPTED,

  CREATED,
  CREATION_NOT_FOUND,
  CREATION_NOT_MADE,
  RETAINED,
  ORPHANED,
  DRIFT_CORRECTED,
  APPROVED;
}
