package dev.operators.kinsta.hosting.internalconnection;

import dev.operators.kinsta.reconcile.Reason;

/** KinstaInternalConnection's own condition and event reasons. */
public enum ConnectionReasons implements Reason {
  WAITING_FOR_DEPENDENCIES,
  DATABASE_NOT_FOUND,
  CONNECTING,
  CONNECTED;
}
