package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The static site as the operator last saw it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class KinstaStaticSiteStatus extends KinstaObjectStatus {
  @JsonPropertyDescription("Sevalla's id of the static site.")
  public @Nullable String staticSiteId;

  @JsonPropertyDescription("Its unique name.")
  public @Nullable String name;

  @JsonPropertyDescription("Its display name in Sevalla.")
  public @Nullable String displayName;

  @JsonPropertyDescription("Sevalla's status of it, e.g. deploymentSuccess.")
  public @Nullable String state;

  @JsonPropertyDescription("Where it is served.")
  public @Nullable String hostname;

  @JsonPropertyDescription("The repository it is built from.")
  public @Nullable String repoUrl;

  @JsonPropertyDescription("The newest deployment Sevalla lists, whoever started it.")
  public @Nullable DeploymentStatus latestDeployment;

  @JsonPropertyDescription("The deployment the operator last started, followed to its end.")
  public @Nullable DeploymentStatus lastDeployment;

  @JsonPropertyDescription("What spec.deployment asked for when the last deployment was started.")
  public @Nullable String deployedFor;

  @JsonPropertyDescription(
      "spec.deployment.redeployToken of the last deployment the operator started: a new token"
          + " redeploys the latest deployment.")
  public @Nullable String deployedRedeployToken;

  @JsonPropertyDescription(
      "The creation under way: written before the create call, so that a lost answer is looked"
          + " for instead of creating a second static site.")
  public @Nullable CreationIntent creation;

  @JsonPropertyDescription("True when the static site was adopted rather than created.")
  public @Nullable Boolean adopted;

  @JsonPropertyDescription("Whether pretty URLs are on, as the last toggle answered.")
  public @Nullable Boolean prettyUrlsEnabled;

  @JsonPropertyDescription(
      "The variables the operator keeps (names only; values never leave their source).")
  public @Nullable List<String> envKeys;

  @JsonPropertyDescription(
      "True between a change of the variables and the deployment that applies it.")
  public @Nullable Boolean redeployPending;

  @JsonPropertyDescription(
      "The site's domains as Sevalla reports them, with the DNS records each still needs.")
  public @Nullable List<DomainStatus> domains;

  /** A deployment. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class DeploymentStatus {
    @JsonPropertyDescription("Sevalla's id of the deployment.")
    public @Nullable String id;

    @JsonPropertyDescription("The branch deployed.")
    public @Nullable String branch;

    @JsonPropertyDescription("waiting, inProgress, success, failed or cancelled.")
    public @Nullable String status;

    @JsonPropertyDescription("The commit message (at most 200 characters).")
    public @Nullable String commitMessage;

    @JsonPropertyDescription("When it was made (RFC 3339).")
    public @Nullable String createdAt;

    @JsonPropertyDescription("Why it failed, as Sevalla's build reported it.")
    public @Nullable String buildError;
  }
}
