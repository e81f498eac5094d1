package dev.operators.kinsta.transport.budget;

/** Who gets the next request when a company's budget is short, most urgent first. */
public enum Priority {
  /** A change a user asked for: create, update, action. */
  USER_WRITE,
  /** Polling an operation that is already running. */
  OPERATION_POLL,
  /** Removing remote objects. */
  DELETE,
  /** Observation and drift checks that can wait. */
  BACKGROUND_READ,
  /** Reports (usage metrics): only from a bucket at least half full. */
  REPORTING
}
