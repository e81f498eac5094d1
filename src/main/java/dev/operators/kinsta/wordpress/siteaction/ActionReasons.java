package dev.operators.kinsta.wordpress.siteaction;

/** KinstaSiteAction's own condition and event reasons. */
public final class ActionReasons {
  public static final String WAITING_FOR_SITE = "WaitingForSite";
  public static final String SITE_NOT_FOUND = "SiteNotFound";
  public static final String ENVIRONMENT_NOT_FOUND = "EnvironmentNotFound";
  public static final String BACKUP_NOT_FOUND = "BackupNotFound";
  public static final String NOTHING_TO_UPDATE = "NothingToUpdate";
  public static final String RUNNING = "Running";
  public static final String QUEUED_BEHIND_SITE = "QueuedBehindSite";
  public static final String ACTION_FAILED = "ActionFailed";
  public static final String RUN_STARTED = "RunStarted";
  public static final String RUN_SUCCEEDED = "RunSucceeded";
  public static final String RUN_FAILED = "RunFailed";
  public static final String MISSED_SCHEDULE = "MissedSchedule";

  private ActionReasons() {}
}
