package dev.operators.kinsta.appaction;

/** KinstaApplicationAction's own condition and event reasons. */
public final class ApplicationActionReasons {
  public static final String WAITING_FOR_APPLICATION = "WaitingForApplication";
  public static final String PROMOTING = "Promoting";
  public static final String ANSWER_LOST = "AnswerLost";
  public static final String PROMOTION_FAILED = "PromotionFailed";

  /** Events. */
  public static final String CACHE_CLEARED = "CacheCleared";

  public static final String PROMOTED = "Promoted";

  private ApplicationActionReasons() {}
}
