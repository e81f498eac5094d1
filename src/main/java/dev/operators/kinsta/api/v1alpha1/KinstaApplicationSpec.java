package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** What a {@link KinstaApplication} should be. Fields left out are not managed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
// Processes are a map keyed by `key`: the API server rejects duplicates and server-side apply
// merges by key.
@SchemaCustomizer(
    value = SchemaAddition.class,
    input =
        "{\"properties\": {\"processes\": "
            + "{\"x-kubernetes-list-type\": \"map\", \"x-kubernetes-list-map-keys\": [\"key\"]}}}")
public class KinstaApplicationSpec extends KinstaSpec {

  @Required
  @ValidationRule(value = "self == oldSelf", message = "adopt is immutable")
  @JsonPropertyDescription(
      "The existing application to manage, by id or by name (Kinsta's API cannot create "
          + "applications).")
  public ApplicationAdoption adopt;

  @Size(min = 1, max = 120)
  @JsonPropertyDescription("Display name in MyKinsta.")
  public String displayName;

  @JsonPropertyDescription("How Kinsta builds the application.")
  public BuildSettings build;

  @JsonPropertyDescription("Deploy automatically on every push to the default branch.")
  public Boolean autoDeploy;

  @Size(min = 1, max = 255)
  @JsonPropertyDescription("The branch automatic deployments follow.")
  public String defaultBranch;

  @JsonPropertyDescription("Hibernation of idle applications.")
  public Hibernation hibernation;

  @Size(max = 20)
  @JsonPropertyDescription(
      "Processes to manage, by key (e.g. `web`); processes not listed are left alone.")
  public List<ProcessSpec> processes;

  @JsonPropertyDescription("Kinsta's CDN for the application, on or off.")
  public Boolean cdn;

  @JsonPropertyDescription("Edge caching for the application, on or off.")
  public Boolean edgeCaching;

  @JsonPropertyDescription(
      "What to deploy. A change of branch, Docker image or redeployToken starts a deployment; "
          + "status.lastDeployment follows it.")
  public DeploymentSpec deployment;

  @JsonPropertyDescription(
      "Retain (the default) leaves the application in Kinsta when the resource is deleted; "
          + "Delete deletes it, and must be set explicitly.")
  public DeletionPolicy deletionPolicy;

  /** An existing application. */
  @ValidationRule(
      value = "has(self.id) != has(self.name)",
      message = "set exactly one of id or name")
  public static class ApplicationAdoption {
    @Pattern(Ids.UUID)
    @JsonPropertyDescription("The application id.")
    public String id;

    @Pattern(Ids.UNIQUE_NAME)
    @JsonPropertyDescription("The application's unique name (not its display name).")
    public String name;
  }

  /** Build settings. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class BuildSettings {
    @JsonPropertyDescription("dockerfile, pack (Buildpacks) or nixpacks.")
    public BuildType type;

    @JsonPropertyDescription("Directory of the application within the repository.")
    public String path;

    @JsonPropertyDescription("Path of the Dockerfile, for type dockerfile.")
    public String dockerfilePath;

    @JsonPropertyDescription("Docker build context, for type dockerfile.")
    public String dockerContext;
  }

  /** Kinsta's build types. */
  public enum BuildType {
    dockerfile,
    pack,
    nixpacks
  }

  /** Hibernation settings. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class Hibernation {
    @JsonPropertyDescription("Whether the application hibernates when idle.")
    @Required
    public Boolean enabled;

    @Min(60)
    @JsonPropertyDescription("Idle seconds before the application hibernates.")
    public Long afterSeconds;
  }

  /** One process of the application. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @ValidationRule(
      value = "!(has(self.instances) && has(self.autoscaling))",
      message = "set instances or autoscaling, not both")
  public static class ProcessSpec {
    @Required
    @Pattern("^[a-z0-9][-a-z0-9]*$")
    @JsonPropertyDescription("The process key, e.g. `web`.")
    public String key;

    @Min(0)
    @Max(50)
    @JsonPropertyDescription("A fixed number of instances (manual scaling).")
    public Integer instances;

    @JsonPropertyDescription("Horizontal autoscaling bounds.")
    public Autoscaling autoscaling;

    @Size(min = 1, max = 1000)
    @JsonPropertyDescription("The command the process runs.")
    public String entrypoint;
  }

  /** Horizontal autoscaling. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @ValidationRule(
      value = "self.minInstances <= self.maxInstances",
      message = "minInstances must not exceed maxInstances")
  public static class Autoscaling {
    @JsonPropertyDescription("The fewest instances autoscaling keeps.")
    @Required
    @Min(1)
    @Max(50)
    public Integer minInstances;

    @JsonPropertyDescription("The most instances autoscaling starts.")
    @Required
    @Min(1)
    @Max(50)
    public Integer maxInstances;

    @Min(1)
    @Max(100)
    @JsonPropertyDescription("Target CPU use in percent (Kinsta's default 80).")
    public Integer targetCpuPercent;

    @Min(1)
    @Max(100)
    @JsonPropertyDescription("Target memory use in percent (Kinsta's default 80).")
    public Integer targetMemoryPercent;
  }

  /** What to deploy. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @ValidationRule(
      value = "!(has(self.branch) && has(self.dockerImage))",
      message = "set branch or dockerImage, not both")
  public static class DeploymentSpec {
    @Size(min = 1, max = 255)
    @JsonPropertyDescription("Deploy this branch.")
    public String branch;

    @Size(min = 1, max = 1000)
    @JsonPropertyDescription("Deploy this Docker image (image-based applications).")
    public String dockerImage;

    @Size(max = 253)
    @JsonPropertyDescription(
        "Any value; changing it deploys again, e.g. a timestamp or a release number.")
    public String redeployToken;
  }
}
