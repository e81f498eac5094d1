package dev.operators.kinsta.hosting.applicationaction;

/** KinstaApplicationAction's own condition and event reasons. */
public final class ApplicationActionReasons {
  public static final String WAITING_FOR_APPLICATION = "WaitingForApplication";
  public static final String WAITING_FOR_PIPELINE = "WaitingForPipeline";
  public static final String PROMOTING = "Promoting";
  public static final String ANSWER_LOST = "AnswerLost";
  public static final String PROMOTION_FAILED = "PromotionFailed";
  public static final String ROLLING_BACK = "RollingBack";
  public static final String ROLLBACK_FAILED = "RollbackFailed";

  /** Events. */
  public static final String CACHE_CLEARED = "CacheCleared";

  public static final String PROMOTED = "Promoted";
  public static final String ROLLED_BACK = "RolledBack";
  public static final String DEPLOYMENT_CANCELLED = "DeploymentCancelled";

  private ApplicationActionReasons() {}
}
