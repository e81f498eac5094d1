package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.jspecify.annotations.Nullable;

/** What the operator observed of a {@link KinstaInternalConnection}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class KinstaInternalConnectionStatus extends KinstaObjectStatus {
  @JsonPropertyDescription("Sevalla id of the database the connection is made from.")
  public @Nullable String databaseId;

  @JsonPropertyDescription("Sevalla id of the target.")
  public @Nullable String targetId;

  @JsonPropertyDescription("database or application.")
  public @Nullable String targetType;

  @JsonPropertyDescription("Sevalla id of the connection.")
  public @Nullable String connectionId;
}
