package dev.operators.kinsta.hosting.database;

/** KinstaDatabase's own condition and event reasons. */
public final class DatabaseReasons {
  public static final String DATABASE_NOT_FOUND = "DatabaseNotFound";
  public static final String DATABASE_CREATING = "DatabaseCreating";
  public static final String DATABASE_NOT_READY = "DatabaseNotReady";
  public static final String DATABASE_UPDATING = "DatabaseUpdating";
  public static final String DATABASE_FAILED = "DatabaseFailed";
  public static final String PASSWORD_CHANGED = "PasswordChanged";
  public static final String DELETING_DATABASE = "DeletingDatabase";

  private DatabaseReasons() {}
}
