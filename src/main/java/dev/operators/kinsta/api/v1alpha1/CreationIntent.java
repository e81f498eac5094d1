package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.jspecify.annotations.Nullable;

/**
 * A creation the operator is about to send, or sent without seeing the answer. Written to the
 * status, and persisted, before the create call: after a crash or a timeout it tells the operator
 * to look for what the call may have created instead of sending it again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CreationIntent {
  @JsonPropertyDescription("The display name the object is created with.")
  public @Nullable String displayName;

  @JsonPropertyDescription("When the intent was recorded (RFC 3339), just before the create call.")
  public @Nullable String recordedAt;

  @JsonPropertyDescription(
      "The Kinsta company the object is created in: a lost answer is looked for there only.")
  public @Nullable String companyId;

  public CreationIntent() {}

  public CreationIntent(String displayName, String recordedAt, String companyId) {
    this.displayName = displayName;
    this.recordedAt = recordedAt;
    this.companyId = companyId;
  }
}
