package dev.operators.kinsta.company;

/** KinstaCompany's own condition and event reasons. */
public final class CompanyReasons {
  /** KeyExpiring True, and its Warning event. */
  public static final String KEY_EXPIRES_SOON = "KeyExpiresSoon";

  /** KeyExpiring False. */
  public static final String KEYS_VALID = "KeysValid";

  private CompanyReasons() {}
}
