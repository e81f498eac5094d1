package dev.operators.kinsta.hosting.database;

import dev.operators.kinsta.reconcile.Reason;
import dev.operators.kinsta.reconcile.Reason.MayClear;

/** KinstaDatabase's own condition and event reasons. */
public enum DatabaseReasons implements Reason {
  @MayClear
  DATABASE_NOT_FOUND,
  DATABASE_CREATING,
  DATABASE_NOT_READY,
  DATABASE_UPDATING,
  @MayClear
  DATABASE_FAILED,
  PASSWORD_CHANGED,
  DELETING_DATABASE;
}
