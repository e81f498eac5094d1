package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** The run of a {@link KinstaApplicationAction} for its current generation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class KinstaApplicationActionStatus extends KinstaStatus {
  @JsonPropertyDescription("metadata.generation the run is for.")
  public Long runGeneration;

  @JsonPropertyDescription("Running, Succeeded or Failed.")
  public ActionOutcome outcome;

  @JsonPropertyDescription(
      "When the call was sent (RFC 3339); written before it, so that it is never sent twice.")
  public String startedAt;

  @JsonPropertyDescription("When the run ended (RFC 3339).")
  public String finishedAt;

  @JsonPropertyDescription("What happened, in words (Kinsta's message when it failed).")
  public String message;

  @JsonPropertyDescription("The deployment a promotion started on each target, and how it went.")
  public List<PromotedDeployment> deployments;

  /** A promotion's deployment on one target. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class PromotedDeployment {
    @JsonPropertyDescription("The target application's id.")
    public String applicationId;

    @JsonPropertyDescription("The deployment Sevalla started on it.")
    public String deploymentId;

    @JsonPropertyDescription("Sevalla's status of the deployment, e.g. success or failed.")
    public String status;
  }
}
