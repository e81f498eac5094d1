package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a {@link KinstaApplication} should be. Fields left out are not managed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "has(self.adopt) != has(self.source)", message = "set adopt or source")
@ValidationRule(
    value = "!has(self.source) || has(self.location)",
    message = "location is required to create an application",
    fieldPath = ".location")
@ValidationRule(
    value = "has(self.adopt) == has(oldSelf.adopt)",
    message = "adopt cannot be added or removed")
// Processes are a map keyed by `key`: the API server rejects duplicates and server-side apply
// merges by key.
@SchemaCustomizer(
    value = SchemaAddition.class,
    input =
        "{\"properties\": {\"processes\": "
            + "{\"x-kubernetes-list-type\": \"map\", \"x-kubernetes-list-map-keys\": [\"key\"]},"
            + " \"env\": {\"x-kubernetes-list-type\": \"map\","
            + " \"x-kubernetes-list-map-keys\": [\"name\"]},"
            + " \"domains\": {\"x-kubernetes-list-type\": \"map\","
            + " \"x-kubernetes-list-map-keys\": [\"name\"]}}}")
@ValidationRule(
    value =
        "!has(self.primaryDomain) || (has(self.domains)"
            + " && self.domains.exists(d, d.name == self.primaryDomain))",
    message = "primaryDomain must be one of domains",
    fieldPath = ".primaryDomain")
public class KinstaApplicationSpec extends KinstaObjectSpec {

  @ValidationRule(value = "self == oldSelf", message = "adopt is immutable")
  @JsonPropertyDescription(
      "An existing application to manage, by id or by unique name, instead of creating one."
          + " Adopted applications default to deletionPolicy Retain.")
  public @Nullable ApplicationAdoption adopt;

  @JsonPropertyDescription(
      "What to build the application from: a Git repository or a Docker image. With it the"
          + " operator creates the application (exactly once) and deploys it.")
  public @Nullable ApplicationSource source;

  @Size(min = 2, max = 100)
  @ValidationRule(value = "self == oldSelf", message = "location is immutable")
  @JsonPropertyDescription(
      "The data centre of a created application: its region code (`us-central1`), name or display"
          + " name (`Iowa, USA`), as Sevalla's cluster list gives them; immutable.")
  public @Nullable String location;

  @Size(min = 1, max = 100)
  @ValidationRule(value = "self == oldSelf", message = "project is immutable")
  @JsonPropertyDescription(
      "The Sevalla project a created application goes into, by id, name or display name.")
  public @Nullable String project;

  @Size(min = 2, max = 64)
  @JsonPropertyDescription(
      "Display name in Sevalla; defaults to metadata.name for a created application. The"
          + " operator also uses it to find an application it created but could not record, so"
          + " keep it unique within the company.")
  public @Nullable String displayName;

  @JsonPropertyDescription("How Kinsta builds the application.")
  public @Nullable BuildSettings build;

  @JsonPropertyDescription("Deploy automatically on every push to the default branch.")
  public @Nullable Boolean autoDeploy;

  @Size(min = 1, max = 255)
  @JsonPropertyDescription("The branch automatic deployments follow.")
  public @Nullable String defaultBranch;

  @JsonPropertyDescription("Hibernation of idle applications.")
  public @Nullable Hibernation hibernation;

  @Size(max = 20)
  @JsonPropertyDescription(
      "The application's processes, by key (e.g. `web`): when set, exactly these exist (those"
          + " not listed are removed, except the web process, which Sevalla always keeps).")
  public @Nullable List<ProcessSpec> processes;

  @Size(max = 200)
  @JsonPropertyDescription(
      "Environment variables: when set, exactly these exist in Sevalla (added, changed,"
          + " removed). Values come from the spec or from keys of Secrets and ConfigMaps of the"
          + " namespace, and are never shown in status.")
  public @Nullable List<ApplicationEnvVar> env;

  @JsonPropertyDescription(
      "Whether a change of the environment variables (the spec's, or a Secret's or ConfigMap's"
          + " content) starts a deployment, so that it takes effect; default true.")
  public @Nullable Boolean redeployOnChange;

  @Size(max = 50)
  @JsonPropertyDescription(
      "Custom domains: when set, exactly these are attached; status.domains says which DNS"
          + " records each still needs.")
  public @Nullable List<ServiceDomain> domains;

  @Size(min = 4, max = 253)
  @JsonPropertyDescription("The domain the application answers on first; one of domains.")
  public @Nullable String primaryDomain;

  @JsonPropertyDescription(
      "Only the listed addresses may reach the application (allow) or none of them (deny);"
          + " removing the field turns the restriction off.")
  public @Nullable IpRestriction ipRestriction;

  @Size(max = 20)
  @JsonPropertyDescription(
      "Ports of processes open to the company's other services on Sevalla's internal network;"
          + " when set, exactly these exist.")
  public @Nullable List<ProcessPort> privatePorts;

  @Size(max = 20)
  @JsonPropertyDescription(
      "Ports of processes reachable from the internet over TCP (Sevalla assigns the public"
          + " port, shown in status); when set, exactly these exist.")
  public @Nullable List<ProcessPort> tcpProxies;

  @JsonPropertyDescription(
      "True suspends the application (its processes stop, its settings stay), false activates"
          + " it; left as it is when absent.")
  public @Nullable Boolean suspended;

  @JsonPropertyDescription(
      "The application's deployment hook: a URL that deploys it when POSTed to (for a CI job),"
          + " written to a Secret and never shown. Left out, the hook is not managed.")
  public @Nullable DeploymentHook deploymentHook;

  @JsonPropertyDescription("Sevalla's CDN for the application, on or off.")
  public @Nullable Boolean cdn;

  @JsonPropertyDescription(
      "What to deploy. A change of branch, Docker image or redeployToken starts a deployment; "
          + "status.lastDeployment follows it.")
  public @Nullable DeploymentSpec deployment;

  @JsonPropertyDescription(
      "Delete (the operator's default for created applications) deletes the application with the"
          + " resource; Retain (the default for adopted ones) leaves it.")
  public @Nullable DeletionPolicy deletionPolicy;

  /** An existing application. */
  /** A Git repository or a Docker image to build from. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @ValidationRule(
      value = "has(self.git) != has(self.dockerImage)",
      message = "set git or dockerImage")
  @ValidationRule(
      value = "has(self.git) == has(oldSelf.git)",
      message = "the kind of source is immutable")
  public static class ApplicationSource {
    @JsonPropertyDescription("A Git repository.")
    public @Nullable GitSource git;

    @JsonPropertyDescription("A Docker image.")
    public @Nullable ImageSource dockerImage;
  }

  /** A Git repository: public, or private through a Git provider linked to the company. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class GitSource {
    @Required
    @Size(min = 1, max = 2048)
    @Pattern("^https://.+")
    @JsonPropertyDescription("The repository's HTTPS URL.")
    public @Nullable String repository;

    @Size(min = 1, max = 255)
    @JsonPropertyDescription("The branch to deploy; the repository's default when left out.")
    public @Nullable String branch;

    @JsonPropertyDescription(
        "public (the default) or private: a private repository is reached through the Git"
            + " provider linked in Sevalla.")
    public @Nullable Visibility visibility;

    @JsonPropertyDescription(
        "The Git provider (github, gitlab, bitbucket), for a private repository whose provider"
            + " the URL does not tell.")
    public @Nullable GitProvider provider;
  }

  /** Whether anyone may read the repository. */
  public enum Visibility {
    @JsonProperty("public")
    PUBLIC,
    @JsonProperty("private")
    PRIVATE
  }

  /** Git providers Sevalla links. */
  public enum GitProvider {
    github,
    gitlab,
    bitbucket
  }

  /** A Docker image. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @ValidationRule(
      value = "!(has(self.registryCredentialId) && has(self.credentials))",
      message = "set registryCredentialId or credentials, not both")
  public static class ImageSource {
    @Required
    @Size(min = 1, max = 1000)
    @JsonPropertyDescription("The image reference with its tag or digest, e.g. `nginx:1.27`.")
    public @Nullable String image;

    @Pattern(Ids.UUID)
    @JsonPropertyDescription(
        "An existing Sevalla Docker registry credential that pulls a private image (its id).")
    public @Nullable String registryCredentialId;

    @JsonPropertyDescription(
        "Credentials for a private image, from a Secret of this namespace: the operator keeps a"
            + " Sevalla registry credential made from it, changed when the Secret changes and"
            + " deleted with the application.")
    public @Nullable RegistryCredentials credentials;
  }

  /** A registry login kept in a Secret. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class RegistryCredentials {
    @Required
    @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
    @JsonPropertyDescription("The Secret, with the keys `username` and `password` (or a token).")
    public @Nullable String secretName;

    @JsonPropertyDescription(
        "The registry: dockerHub (the default), github, gitlab, gcr, ecr, digitalOcean or custom.")
    public @Nullable Registry registry;
  }

  /** Registries Sevalla logs in to. */
  public enum Registry {
    dockerHub,
    github,
    gitlab,
    gcr,
    ecr,
    digitalOcean,
    custom
  }

  @ValidationRule(
      value = "has(self.id) != has(self.name)",
      message = "set exactly one of id or name")
  public static class ApplicationAdoption {
    @Pattern(Ids.UUID)
    @JsonPropertyDescription("The application id.")
    public @Nullable String id;

    @Pattern(Ids.UNIQUE_NAME)
    @JsonPropertyDescription("The application's unique name (not its display name).")
    public @Nullable String name;
  }

  /** Build settings. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class BuildSettings {
    @JsonPropertyDescription("dockerfile, pack (Buildpacks) or nixpacks.")
    public @Nullable BuildType type;

    @JsonPropertyDescription("Directory of the application within the repository.")
    public @Nullable String path;

    @JsonPropertyDescription("Path of the Dockerfile, for type dockerfile.")
    public @Nullable String dockerfilePath;

    @JsonPropertyDescription("Docker build context, for type dockerfile.")
    public @Nullable String dockerContext;
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
    public @Nullable Boolean enabled;

    @Min(60)
    @JsonPropertyDescription("Idle seconds before the application hibernates.")
    public @Nullable Long afterSeconds;
  }

  /** One process of the application. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @ValidationRule(
      value = "!(has(self.instances) && has(self.autoscaling))",
      message = "set instances or autoscaling, not both")
  @ValidationRule(
      value = "!has(self.type) || self.type != 'cron' || has(self.schedule)",
      message = "a cron process needs a schedule",
      fieldPath = ".schedule")
  @ValidationRule(
      value = "!has(self.type) || self.type != 'job' || has(self.jobStartPolicy)",
      message = "a job process needs a jobStartPolicy",
      fieldPath = ".jobStartPolicy")
  @ValidationRule(
      value =
          "!(has(self.livenessProbe) || has(self.readinessProbe))"
              + " || (has(self.type) ? self.type == 'web' : self.key == 'web')",
      message = "probes are for the web process")
  public static class ProcessSpec {
    @Required
    @Pattern("^[a-z0-9][-a-z0-9]*$")
    @JsonPropertyDescription("The process key, e.g. `web`.")
    public @Nullable String key;

    @Min(0)
    @Max(50)
    @JsonPropertyDescription("A fixed number of instances (manual scaling).")
    public @Nullable Integer instances;

    @JsonPropertyDescription("Horizontal autoscaling bounds.")
    public @Nullable Autoscaling autoscaling;

    @Size(min = 1, max = 1000)
    @JsonPropertyDescription("The command the process runs.")
    public @Nullable String entrypoint;

    @ValidationRule(value = "self == oldSelf", message = "a process's type is immutable")
    @JsonPropertyDescription(
        "web, worker, cron or job; a process not in Sevalla yet is created with it (default"
            + " worker, web for the key `web`).")
    public @Nullable ProcessType type;

    @Size(min = 1, max = 50)
    @JsonPropertyDescription("The size, by Sevalla's process resource type name (e.g. `s1`, `s2`).")
    public @Nullable String size;

    @Size(min = 9, max = 100)
    @JsonPropertyDescription("When a cron process runs, as a cron expression.")
    public @Nullable String schedule;

    @Size(min = 1, max = 100)
    @JsonPropertyDescription("The IANA time zone of the schedule (default UTC).")
    public @Nullable String timeZone;

    @Min(1)
    @Max(65535)
    @JsonPropertyDescription("The port a web process listens on.")
    public @Nullable Integer port;

    @JsonPropertyDescription(
        "When a job process runs: beforeDeployment (e.g. migrations), afterSuccessDeployment or"
            + " afterFailedDeployment.")
    public @Nullable JobStartPolicy jobStartPolicy;

    @JsonPropertyDescription(
        "Whether the process takes traffic from outside (Sevalla's ingress); the web process does"
            + " by default.")
    public @Nullable Boolean ingress;

    @JsonPropertyDescription("The protocol of its ingress: http (the default) or grpc.")
    public @Nullable IngressProtocol ingressProtocol;

    @JsonPropertyDescription("A web process's liveness probe: failing, it is restarted.")
    public @Nullable ProbeSpec livenessProbe;

    @JsonPropertyDescription("A web process's readiness probe: failing, it gets no traffic.")
    public @Nullable ProbeSpec readinessProbe;
  }

  /** Process types the operator creates. */
  public enum ProcessType {
    web,
    worker,
    cron,
    job
  }

  /** How a process's ingress speaks. */
  public enum IngressProtocol {
    http,
    grpc
  }

  /** When a job process runs, relative to a deployment. */
  public enum JobStartPolicy {
    beforeDeployment,
    afterSuccessDeployment,
    afterFailedDeployment
  }

  /** A port of one process. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class ProcessPort {
    @Required
    @Pattern("^[a-z0-9][-a-z0-9]*$")
    @JsonPropertyDescription("The process, by key.")
    public @Nullable String process;

    @Required
    @Min(1)
    @Max(65535)
    @JsonPropertyDescription("The port it listens on.")
    public @Nullable Integer port;
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
    public @Nullable Integer minInstances;

    @JsonPropertyDescription("The most instances autoscaling starts.")
    @Required
    @Min(1)
    @Max(50)
    public @Nullable Integer maxInstances;

    @Min(1)
    @Max(100)
    @JsonPropertyDescription("Target CPU use in percent (Kinsta's default 80).")
    public @Nullable Integer targetCpuPercent;

    @Min(1)
    @Max(100)
    @JsonPropertyDescription("Target memory use in percent (Kinsta's default 80).")
    public @Nullable Integer targetMemoryPercent;
  }

  /** What to deploy. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @ValidationRule(
      value = "!(has(self.branch) && has(self.dockerImage))",
      message = "set branch or dockerImage, not both")
  public static class DeploymentSpec {
    @Size(min = 1, max = 255)
    @JsonPropertyDescription("Deploy this branch.")
    public @Nullable String branch;

    @Size(min = 1, max = 1000)
    @JsonPropertyDescription("Deploy this Docker image (image-based applications).")
    public @Nullable String dockerImage;

    @Size(max = 253)
    @JsonPropertyDescription(
        "Any value; changing it deploys again, e.g. a timestamp or a release number.")
    public @Nullable String redeployToken;
  }

  /** The deployment hook. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class DeploymentHook {
    @JsonPropertyDescription("Whether the application has a hook; default true.")
    public @Nullable Boolean enabled;

    @Size(min = 1, max = 253)
    @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
    @JsonPropertyDescription(
        "The Secret the operator writes the hook's URL into (key `url`); default"
            + " `<metadata.name>-deploy-hook`.")
    public @Nullable String secretName;

    @Size(max = 63)
    @JsonPropertyDescription(
        "Any new value makes Sevalla issue a new URL (the old one stops working).")
    public @Nullable String rotationToken;

    /** Whether the hook should exist. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean wanted() {
      return enabled == null || enabled;
    }

    /** The Secret the URL goes into. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String secretOr(String resourceName) {
      return secretName != null ? secretName : resourceName + "-deploy-hook";
    }
  }
}
