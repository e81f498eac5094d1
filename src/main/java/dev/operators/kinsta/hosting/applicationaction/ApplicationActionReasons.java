package dev.operators.kinsta.hosting.applicationaction;

import dev.operators.kinsta.reconcile.Reason;

/** KinstaApplicationAction's own condition and event reasons. */
public enum ApplicationActionReasons implements Reason {
  WAITING_FOR_APPLICATION,
  WAITING_FOR_PIPELINE,
  PROMOTING,
  ANSWER_LOST,
  PROMOTION_FAILED,
  ROLLING_BACK,
  ROLLBACK_FAILED,

  // Events.
  CACHE_CLEARED,

  PROMOTED,
  ROLLED_BACK,
  DEPLOYMENT_CANCELLED;
}
