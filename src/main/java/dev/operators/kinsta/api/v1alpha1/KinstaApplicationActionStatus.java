package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The run of a {@link KinstaApplicationAction} for its current generation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class KinstaApplicationActionStatus extends KinstaStatus {
  @JsonPropertyDescription("metadata.generation the run is for.")
  public @Nullable Long runGeneration;

  @JsonPropertyDescription("Running, Succeeded or Failed.")
  public @Nullable ActionOutcome outcome;

  @JsonPropertyDescription(
      "When the call was sent (RFC 3339); written before it, so that it is never sent twice.")
  public @Nullable String startedAt;

  @JsonPropertyDescription("When the run ended (RFC 3339).")
  public @Nullable String finishedAt;

  @JsonPropertyDescription("What happened, in words (Kinsta's message when it failed).")
  public @Nullable String message;

  @JsonPropertyDescription("The deployment a promotion started on each target, and how it went.")
  public @Nullable List<PromotedDeployment> deployments;

  /** A promotion's deployment on one target. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class PromotedDeployment {
    @JsonPropertyDescription("The target application's id.")
    public @Nullable String applicationId;

    @JsonPropertyDescription("The deployment Sevalla started on it.")
    public @Nullable String deploymentId;

    @JsonPropertyDescription("Sevalla's status of the deployment, e.g. success or failed.")
    public @Nullable String status;
  }
}
