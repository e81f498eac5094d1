package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the operator observed of a {@link KinstaApplication}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class KinstaApplicationStatus extends KinstaObjectStatus {
  @JsonPropertyDescription(
      "The creation under way: written before the create call, so that a lost answer is looked"
          + " for instead of creating a second application.")
  public @Nullable CreationIntent creation;

  @JsonPropertyDescription("Sevalla's id of the application.")
  public @Nullable String applicationId;

  @JsonPropertyDescription("True when the application was adopted rather than created.")
  public @Nullable Boolean adopted;

  @JsonPropertyDescription(
      "The Sevalla registry credential the operator keeps from spec.source.dockerImage.credentials.")
  public @Nullable String registryCredentialId;

  @JsonPropertyDescription(
      "A keyed fingerprint of the credentials Secret the registry credential was last set from"
          + " (never its content).")
  public @Nullable String registryCredentialFrom;

  @JsonPropertyDescription("Kinsta's unique name of the application.")
  public @Nullable String name;

  @JsonPropertyDescription("The application's display name in MyKinsta.")
  public @Nullable String displayName;

  @JsonPropertyDescription("Kinsta's status of the application, e.g. deploymentSuccess.")
  public @Nullable String state;

  @JsonPropertyDescription(
      "Sevalla's change time of the application at the last full look; the company's list"
          + " showing another one means something changed there.")
  public @Nullable String updatedAt;

  @JsonPropertyDescription("The application's processes as Kinsta reports them.")
  public List<ProcessStatus> processes = new ArrayList<>();

  @JsonPropertyDescription(
      "The deployment the operator started last, or the latest one at adoption.")
  public @Nullable DeploymentStatus lastDeployment;

  @JsonPropertyDescription(
      "What was last deployed (branch, image and token), so a change deploys once.")
  public @Nullable String deployedFor;

  @JsonPropertyDescription(
      "The application's newest deployment as Kinsta lists it, whoever started it (a push, MyKinsta"
          + " or this operator), with its build time.")
  public @Nullable LatestDeployment latestDeployment;

  @JsonPropertyDescription(
      "Whether the CDN is on, as the last toggle answered (Sevalla's API does not report it).")
  public @Nullable Boolean cdnEnabled;

  @JsonPropertyDescription(
      "The environment variables the operator keeps (names only; values never leave their"
          + " source).")
  public @Nullable List<String> envKeys;

  @JsonPropertyDescription(
      "True between a change of the environment variables and the deployment that applies it.")
  public @Nullable Boolean redeployPending;

  @JsonPropertyDescription(
      "The application's domains as Sevalla reports them, with the DNS records each still needs.")
  public @Nullable List<DomainStatus> domains;

  @JsonPropertyDescription("True while the operator keeps the application's IP restriction.")
  public @Nullable Boolean ipRestrictionManaged;

  @JsonPropertyDescription("Private ports as Sevalla reports them.")
  public @Nullable List<PortStatus> privatePorts;

  @JsonPropertyDescription("TCP proxies as Sevalla reports them, with their public address.")
  public @Nullable List<PortStatus> tcpProxies;

  @JsonPropertyDescription("Whether Sevalla reports the application suspended.")
  public @Nullable Boolean suspended;

  @JsonPropertyDescription("The Secret holding the deployment hook's URL, when there is a hook.")
  public @Nullable String deploymentHookSecret;

  @JsonPropertyDescription(
      "The spec.deploymentHook.rotationToken the hook's URL was last issued for.")
  public @Nullable String deploymentHookRotatedFor;

  /** One process. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class ProcessStatus {
    @JsonPropertyDescription("The process key, e.g. `web`.")
    public @Nullable String key;

    @JsonPropertyDescription("Kinsta's id of the process.")
    public @Nullable String id;

    @JsonPropertyDescription("The process type, e.g. web, background or cron.")
    public @Nullable String type;

    @JsonPropertyDescription("Its size, by Sevalla's resource type name.")
    public @Nullable String size;

    @JsonPropertyDescription("When a cron process runs.")
    public @Nullable String schedule;

    @JsonPropertyDescription("manual or horizontal.")
    public @Nullable String scaling;

    @JsonPropertyDescription("Instances running (manual scaling).")
    public @Nullable Integer instances;

    @JsonPropertyDescription("The fewest instances (autoscaling).")
    public @Nullable Integer minInstances;

    @JsonPropertyDescription("The most instances (autoscaling).")
    public @Nullable Integer maxInstances;

    @JsonPropertyDescription("The command the process runs.")
    public @Nullable String entrypoint;

    @JsonPropertyDescription("Host name inside Kinsta's network.")
    public @Nullable String internalHostname;

    @JsonPropertyDescription("Port inside Kinsta's network.")
    public @Nullable Integer internalPort;
  }

  /** A deployment. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class LatestDeployment {
    @JsonPropertyDescription("Kinsta's id of the deployment.")
    public @Nullable String id;

    @JsonPropertyDescription("The branch deployed.")
    public @Nullable String branch;

    @JsonPropertyDescription("The commit message (at most 200 characters).")
    public @Nullable String commitMessage;

    @JsonPropertyDescription("When it was made (RFC 3339).")
    public @Nullable String createdAt;

    @JsonPropertyDescription(
        "How long it took, in seconds, from its start to its end; absent until it ends.")
    public @Nullable Long buildTime;
  }

  /** A deployment the operator started. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class DeploymentStatus {
    @JsonPropertyDescription("Kinsta's id of the deployment.")
    public @Nullable String id;

    @JsonPropertyDescription("The branch deployed.")
    public @Nullable String branch;

    @JsonPropertyDescription("The commit deployed.")
    public @Nullable String commit;

    @JsonPropertyDescription("Kinsta's status of the deployment, e.g. success or failed.")
    public @Nullable String status;

    @JsonPropertyDescription(
        "The last lines of a failed deployment's log (secrets the operator sent are masked).")
    public @Nullable List<String> logTail;
  }
}
