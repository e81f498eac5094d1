package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** What a {@link KinstaStaticSite} should be. Fields left out are not managed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class KinstaStaticSiteSpec extends KinstaSpec {
  @Required
  @ValidationRule(value = "self == oldSelf", message = "adopt is immutable")
  @JsonPropertyDescription(
      "The existing static site to manage, by id or by name (Kinsta's API cannot create static"
          + " sites).")
  public Adoption adopt;

  @Size(min = 1, max = 120)
  @JsonPropertyDescription("Display name in MyKinsta.")
  public String displayName;

  @JsonPropertyDescription("Deploy automatically on every push to the default branch.")
  public Boolean autoDeploy;

  @Size(min = 1, max = 255)
  @JsonPropertyDescription("The branch automatic deployments follow.")
  public String defaultBranch;

  @Size(max = 1000)
  @JsonPropertyDescription("The build command, e.g. `npm run build`; empty for none.")
  public String buildCommand;

  @JsonPropertyDescription("The Node.js version the build uses.")
  public NodeVersion nodeVersion;

  @Size(max = 255)
  @JsonPropertyDescription("The directory the build publishes, e.g. `dist`.")
  public String publishedDirectory;

  @JsonPropertyDescription(
      "What to deploy. A change of branch deploys that branch; a change of redeployToken deploys"
          + " the newest deployment again. status.lastDeployment follows it.")
  public Deployment deployment;

  @JsonPropertyDescription(
      "Retain (the default) leaves the static site in Kinsta when the resource is deleted; Delete"
          + " deletes it, and must be set explicitly.")
  public DeletionPolicy deletionPolicy;

  /** An existing static site. */
  @ValidationRule(
      value = "has(self.id) != has(self.name)",
      message = "set exactly one of id or name")
  public static class Adoption {
    @Pattern(Ids.UUID)
    @JsonPropertyDescription("The static site's id.")
    public String id;

    @Pattern(Ids.UNIQUE_NAME)
    @JsonPropertyDescription("The static site's unique name (not its display name).")
    public String name;
  }

  /** What to deploy. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class Deployment {
    @Size(min = 1, max = 255)
    @JsonPropertyDescription("Deploy this branch; the default branch when left out.")
    public String branch;

    @Size(max = 63)
    @JsonPropertyDescription("Any new value deploys the newest deployment again.")
    public String redeployToken;
  }

  /** Node.js versions Kinsta builds static sites with. */
  public enum NodeVersion {
    @JsonProperty("16.20.0")
    V16_20_0,
    @JsonProperty("18.16.0")
    V18_16_0,
    @JsonProperty("20.2.0")
    V20_2_0;

    /** The version as Kinsta writes it. */
    public String wire() {
      return name().substring(1).replace('_', '.');
    }
  }
}
