package dev.operators.kinsta.company;

import dev.operators.kinsta.reconcile.Reason;

/** KinstaCompany's own condition and event reasons. */
public enum CompanyReasons implements Reason {
  /** KeyExpiring True, and its Warning event. */
  KEY_EXPIRES_SOON,

  /** KeyExpiring False. */
  KEYS_VALID,

  /** Events: an activity-log entry a user made in MyKinsta, or one made through an API key. */
  CHANGED_IN_MY_KINSTA,

  CHANGED_THROUGH_API;
}
