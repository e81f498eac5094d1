package dev.operators.kinsta.company;

/** KinstaCompany's own condition and event reasons. */
public final class CompanyReasons {
  /** KeyExpiring True, and its Warning event. */
  public static final String KEY_EXPIRES_SOON = "KeyExpiresSoon";

  /** KeyExpiring False. */
  public static final String KEYS_VALID = "KeysValid";

  /** Events: an activity-log entry a user made in MyKinsta, or one made through an API key. */
  public static final String CHANGED_IN_MYKINSTA = "ChangedInMyKinsta";

  public static final String CHANGED_THROUGH_API = "ChangedThroughApi";

  private CompanyReasons() {}
}
