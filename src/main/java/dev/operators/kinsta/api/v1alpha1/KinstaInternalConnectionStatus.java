package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** What the operator observed of a {@link KinstaInternalConnection}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class KinstaInternalConnectionStatus extends KinstaStatus {
  @JsonPropertyDescription("Kinsta id of the application.")
  public String applicationId;

  @JsonPropertyDescription("Kinsta id of the target.")
  public String targetId;

  @JsonPropertyDescription("database or application.")
  public String targetType;

  @JsonPropertyDescription("Kinsta id of the connection, once Kinsta lists it.")
  public String connectionId;
}
