package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.jspecify.annotations.Nullable;

/** A change that destroys data and waits for the approve annotation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PendingApproval {
  @JsonPropertyDescription("What the change would do.")
  public @Nullable String change;

  @JsonPropertyDescription(
      "The metadata.generation the annotation kinsta.operators.dev/approve must name to let it go"
          + " ahead.")
  public @Nullable Long generation;

  public PendingApproval() {}

  public PendingApproval(String change, long generation) {
    this.change = change;
    this.generation = generation;
  }
}
