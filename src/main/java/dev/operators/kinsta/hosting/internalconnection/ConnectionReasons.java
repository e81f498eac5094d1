package dev.operators.kinsta.hosting.internalconnection;

/** KinstaInternalConnection's own condition and event reasons. */
public final class ConnectionReasons {
  public static final String WAITING_FOR_DEPENDENCIES = "WaitingForDependencies";
  public static final String DATABASE_NOT_FOUND = "DatabaseNotFound";
  public static final String CONNECTING = "Connecting";
  public static final String CONNECTED = "Connected";

  private ConnectionReasons() {}
}
