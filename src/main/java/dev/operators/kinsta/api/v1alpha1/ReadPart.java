package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;

/**
 * A spec or a status as read by {@link LenientReading}: empty and marked with what could not be
 * read, when the part as stored breaks the model.
 */
public abstract class ReadPart {
  @JsonIgnore private @Nullable Unreadable unreadable;

  /** What could not be read, or null when the part was read whole. */
  public final @Nullable Unreadable unreadable() {
    return unreadable;
  }

  final void markUnreadable(Unreadable problem) {
    this.unreadable = problem;
  }
}
