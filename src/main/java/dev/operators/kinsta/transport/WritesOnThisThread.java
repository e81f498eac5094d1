package dev.operators.kinsta.transport;

/**
 * How many writes Kinsta or Sevalla accepted on the calling thread so far. A reconcile runs on one
 * thread and its calls block on it, so the difference across a reconcile tells whether it changed
 * anything before a refusal stopped it.
 */
public final class WritesOnThisThread {
  private static final ThreadLocal<long[]> ACCEPTED = ThreadLocal.withInitial(() -> new long[1]);

  private WritesOnThisThread() {}

  /** The count so far; compare two readings. */
  public static long count() {
    return ACCEPTED.get()[0];
  }

  static void accepted() {
    ACCEPTED.get()[0]++;
  }
}
