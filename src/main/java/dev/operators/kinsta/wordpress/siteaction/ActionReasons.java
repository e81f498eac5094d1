package dev.operators.kinsta.wordpress.siteaction;

import dev.operators.kinsta.reconcile.Reason;
import dev.operators.kinsta.reconcile.Reason.MayClear;

/** KinstaSiteAction's own condition and event reasons. */
public enum ActionReasons implements Reason {
  WAITING_FOR_SITE,
  @MayClear
  SITE_NOT_FOUND,
  @MayClear
  ENVIRONMENT_NOT_FOUND,
  @MayClear
  BACKUP_NOT_FOUND,
  NOTHING_TO_UPDATE,
  RUNNING,
  QUEUED_BEHIND_SITE,
  ACTION_FAILED,
  RUN_STARTED,
  RUN_SUCCEEDED,
  RUN_FAILED,
  MISSED_SCHEDULE;
}
