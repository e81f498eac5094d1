package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The pipeline as the operator last saw it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class KinstaPipelineStatus extends KinstaObjectStatus {
  @JsonPropertyDescription("Sevalla's id of the pipeline.")
  public @Nullable String pipelineId;

  @JsonPropertyDescription("Its display name in Sevalla.")
  public @Nullable String displayName;

  @JsonPropertyDescription("trunk or branch.")
  public @Nullable String type;

  @JsonPropertyDescription("The project it belongs to, if any.")
  public @Nullable String projectId;

  @JsonPropertyDescription(
      "Sevalla's change time of the pipeline at the last full look; the company's list showing"
          + " another one means someone changed it.")
  public @Nullable String updatedAt;

  @JsonPropertyDescription(
      "The creation under way: written before the create call, so that a lost answer is looked"
          + " for instead of creating a second pipeline.")
  public @Nullable CreationIntent creation;

  @JsonPropertyDescription("True when the pipeline was adopted rather than created.")
  public @Nullable Boolean adopted;

  @JsonPropertyDescription("Every stage, in order, as Sevalla reports it.")
  public @Nullable List<StageStatus> stages;

  @JsonPropertyDescription(
      "The applications the operator put into stages. Sevalla does not show a stage's"
          + " applications, so this is what was added, not what was seen.")
  public List<Member> members = new ArrayList<>();

  @JsonPropertyDescription("Previews as Sevalla reports them (the repository as last written).")
  public @Nullable PreviewsStatus previews;

  /** A stage. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class StageStatus {
    @JsonPropertyDescription("Sevalla's id of the stage.")
    public @Nullable String id;

    @JsonPropertyDescription("Its display name.")
    public @Nullable String name;

    @JsonPropertyDescription("preview, standard or prod.")
    public @Nullable String type;

    @JsonPropertyDescription("The branch it deploys, if any.")
    public @Nullable String branch;
  }

  /** An application the operator added to a stage. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class Member {
    @JsonPropertyDescription("The stage's id.")
    public @Nullable String stageId;

    @JsonPropertyDescription("The stage's name.")
    public @Nullable String stage;

    @JsonPropertyDescription("The KinstaApplication.")
    public @Nullable String application;

    @JsonPropertyDescription("Its Sevalla id when it was added.")
    public @Nullable String applicationId;

    @JsonPropertyDescription("When the call adding it was last sent (RFC 3339).")
    public @Nullable String sentAt;

    @JsonPropertyDescription("True once Sevalla answered the call adding it.")
    public @Nullable Boolean added;
  }

  /** Previews. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class PreviewsStatus {
    @JsonPropertyDescription("Whether the pipeline has a preview stage.")
    public @Nullable Boolean enabled;

    @JsonPropertyDescription("The repository the operator last wrote.")
    public @Nullable String repoUrl;

    @JsonPropertyDescription("Whether a pull request gets a preview application.")
    public @Nullable Boolean autoCreateApp;

    @JsonPropertyDescription("Whether stale previews are deleted.")
    public @Nullable Boolean deleteStaleApps;

    @JsonPropertyDescription("Days before a preview is stale.")
    public @Nullable Integer staleAppDays;
  }
}
