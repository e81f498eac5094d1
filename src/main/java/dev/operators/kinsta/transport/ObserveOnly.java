package dev.operators.kinsta.transport;

import java.util.function.Supplier;

/**
 * Withholds every write to Kinsta or Sevalla made on the calling thread while it runs some work:
 * the guarantee behind {@code managementPolicy: Observe}. A reconcile runs on one thread and its
 * calls block on it, so a write a step was not written to skip is still never sent: it throws
 * {@link WriteWithheld} before it takes a permit or opens a connection.
 */
public final class ObserveOnly {
  private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> false);

  private ObserveOnly() {}

  /** Runs {@code work} with writes withheld. */
  public static <T> T run(Supplier<T> work) {
    boolean outer = ACTIVE.get();
    ACTIVE.set(true);
    try {
      return work.get();
    } finally {
      ACTIVE.set(outer);
    }
  }

  /** Whether writes are withheld on this thread now. */
  public static boolean active() {
    return ACTIVE.get();
  }

  static void check(KinstaRequest request) {
    if (!request.idempotent() && active()) {
      throw new WriteWithheld(request.endpoint());
    }
  }

  /** A write that was not sent because the resource is only observed. */
  public static final class WriteWithheld extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String endpoint;

    WriteWithheld(String endpoint) {
      super(endpoint + " withheld: the resource is only observed");
      this.endpoint = endpoint;
    }

    /** The call that was withheld, as {@code METHOD /template}. */
    public String endpoint() {
      return endpoint;
    }
  }
}
