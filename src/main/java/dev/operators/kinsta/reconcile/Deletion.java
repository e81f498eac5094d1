package dev.operators.kinsta.reconcile;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Where the deletion of a Kinsta object stands: done (the finalizer can go) or to be looked at
 * again.
 */
public record Deletion(boolean done, @Nullable Duration next, @Nullable String message) {
  public static Deletion finished() {
    return new Deletion(true, null, null);
  }

  public static Deletion waiting(Duration next, String message) {
    return new Deletion(false, next, message);
  }
}
