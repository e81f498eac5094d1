package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a {@link KinstaStaticSite} should be. Fields left out are not managed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "has(self.adopt) != has(self.git)", message = "set adopt or git")
@ValidationRule(
    value = "has(self.adopt) == has(oldSelf.adopt)",
    message = "adopt cannot be added or removed")
@ValidationRule(
    value =
        "!has(self.primaryDomain) || (has(self.domains)"
            + " && self.domains.exists(d, d.name == self.primaryDomain))",
    message = "primaryDomain must be one of domains",
    fieldPath = ".primaryDomain")
// Variables are a map keyed by name and branch, domains by name: the API server rejects
// duplicates and server-side apply merges by key.
@SchemaCustomizer(
    value = SchemaAddition.class,
    input =
        "{\"properties\": {\"domains\": {\"x-kubernetes-list-type\": \"map\","
            + " \"x-kubernetes-list-map-keys\": [\"name\"]}}}")
public class KinstaStaticSiteSpec extends KinstaObjectSpec {
  @ValidationRule(value = "self == oldSelf", message = "adopt is immutable")
  @JsonPropertyDescription(
      "An existing static site to manage, by id or by unique name, instead of creating one."
          + " Adopted static sites default to deletionPolicy Retain.")
  public @Nullable Adoption adopt;

  @ValidationRule(value = "self == oldSelf", message = "git is immutable")
  @JsonPropertyDescription(
      "The Git repository to build from. With it the operator creates the static site (exactly"
          + " once); Sevalla deploys it at once.")
  public @Nullable GitRepository git;

  @Size(min = 1, max = 100)
  @ValidationRule(value = "self == oldSelf", message = "project is immutable")
  @JsonPropertyDescription("The Sevalla project a created static site goes into, by id or name.")
  public @Nullable String project;

  @Size(min = 2, max = 64)
  @JsonPropertyDescription(
      "Display name in Sevalla; defaults to metadata.name for a created static site. The"
          + " operator also uses it to find a static site it created but could not record, so keep"
          + " it unique within the company.")
  public @Nullable String displayName;

  @JsonPropertyDescription("Deploy automatically on every push to the default branch.")
  public @Nullable Boolean autoDeploy;

  @Size(min = 1, max = 255)
  @JsonPropertyDescription("The branch automatic deployments follow.")
  public @Nullable String defaultBranch;

  @Size(max = 1000)
  @JsonPropertyDescription("The build command, e.g. `npm run build`; empty for none.")
  public @Nullable String buildCommand;

  @Size(max = 1024)
  @JsonPropertyDescription("The install command, e.g. `npm ci`.")
  public @Nullable String installCommand;

  @Size(min = 1, max = 20)
  @Pattern("^[0-9]+(\\.[0-9]+)*$")
  @JsonPropertyDescription("The Node.js version the build uses, e.g. `20`.")
  public @Nullable String nodeVersion;

  @Size(max = 500)
  @JsonPropertyDescription("The directory of the site within the repository.")
  public @Nullable String rootDirectory;

  @Size(max = 500)
  @JsonPropertyDescription("The directory the build publishes, e.g. `dist`.")
  public @Nullable String publishedDirectory;

  @Size(min = 1, max = 255)
  @JsonPropertyDescription("The index file, e.g. `index.html`.")
  public @Nullable String indexFile;

  @Size(max = 255)
  @JsonPropertyDescription("The file served for a missing page, e.g. `404.html`.")
  public @Nullable String errorFile;

  @JsonPropertyDescription("Pretty URLs (`/about` for `/about.html`), on or off.")
  public @Nullable Boolean prettyUrls;

  @Size(max = 200)
  @JsonPropertyDescription(
      "Build variables: when set, exactly these exist in Sevalla. Values come from the spec or"
          + " from keys of Secrets and ConfigMaps of the namespace, and are never shown in status.")
  public @Nullable List<StaticSiteEnvVar> env;

  @JsonPropertyDescription(
      "Whether a change of the variables (the spec's, or a Secret's or ConfigMap's content)"
          + " starts a deployment; default true.")
  public @Nullable Boolean redeployOnChange;

  @Size(max = 50)
  @JsonPropertyDescription(
      "Custom domains: when set, exactly these are attached; status.domains says which DNS"
          + " records each still needs.")
  public @Nullable List<ServiceDomain> domains;

  @Size(min = 4, max = 253)
  @JsonPropertyDescription("The domain the site answers on first; one of domains.")
  public @Nullable String primaryDomain;

  @JsonPropertyDescription(
      "What to deploy. A change of branch deploys that branch; a change of redeployToken deploys"
          + " the newest deployment again. status.lastDeployment follows it.")
  public @Nullable Deployment deployment;

  @JsonPropertyDescription(
      "Delete (the operator's default for created static sites) deletes the static site with the"
          + " resource; Retain (the default for adopted ones) leaves it.")
  public @Nullable DeletionPolicy deletionPolicy;

  /** An existing static site. */
  @ValidationRule(
      value = "has(self.id) != has(self.name)",
      message = "set exactly one of id or name")
  public static class Adoption {
    @Pattern(Ids.UUID)
    @JsonPropertyDescription("The static site's id.")
    public @Nullable String id;

    @Pattern(Ids.UNIQUE_NAME)
    @JsonPropertyDescription("The static site's unique name (not its display name).")
    public @Nullable String name;
  }

  /** What to deploy. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class Deployment {
    @Size(min = 1, max = 255)
    @JsonPropertyDescription("Deploy this branch; the default branch when left out.")
    public @Nullable String branch;

    @Size(max = 63)
    @JsonPropertyDescription("Any new value deploys the newest deployment again.")
    public @Nullable String redeployToken;
  }

  /** A Git repository: public, or private through a Git provider linked to the company. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class GitRepository {
    @Required
    @Size(min = 1, max = 2048)
    @Pattern("^https://.+")
    @JsonPropertyDescription("The repository's HTTPS URL.")
    public @Nullable String repository;

    @Size(min = 1, max = 255)
    @JsonPropertyDescription("The branch to build; `main` when left out.")
    public @Nullable String branch;

    @JsonPropertyDescription(
        "public or private (the default): a private repository is reached through the Git"
            + " provider linked in Sevalla.")
    public KinstaApplicationSpec.@Nullable Visibility visibility;

    @JsonPropertyDescription("The Git provider (github, gitlab, bitbucket).")
    public KinstaApplicationSpec.@Nullable GitProvider provider;
  }
}
