package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnore;
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

/** What a {@link KinstaPipeline} should be. Fields left out are not managed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "has(self.adopt) || has(self.type)",
    message = "set type (trunk or branch) to create a pipeline, or adopt to manage one")
@ValidationRule(
    value = "has(self.adopt) == has(oldSelf.adopt)",
    message = "adopt cannot be added or removed")
@ValidationRule(
    value =
        "!has(self.stages) || !has(self.production) || !has(self.production.applications)"
            + " || self.stages.all(s, !has(s.applications)"
            + " || s.applications.all(a, !(a in self.production.applications)))",
    message = "an application is in one stage only",
    fieldPath = ".production")
@ValidationRule(
    value =
        "!has(self.stages) || self.stages.all(s, !has(s.applications)"
            + " || self.stages.all(t, t.name == s.name || !has(t.applications)"
            + " || s.applications.all(a, !(a in t.applications))))",
    message = "an application is in one stage only",
    fieldPath = ".stages")
// Stages are a map keyed by name: the API server rejects two of one name and server-side apply
// merges them by name.
@SchemaCustomizer(
    value = SchemaAddition.class,
    input =
        "{\"properties\": {\"stages\": {\"x-kubernetes-list-type\": \"map\","
            + " \"x-kubernetes-list-map-keys\": [\"name\"]}}}")
public class KinstaPipelineSpec extends KinstaObjectSpec {
  @ValidationRule(value = "self == oldSelf", message = "adopt is immutable")
  @JsonPropertyDescription(
      "An existing pipeline to manage, by id, instead of creating one. Adopted pipelines default"
          + " to deletionPolicy Retain.")
  public @Nullable Adoption adopt;

  @Size(min = 1, max = 255)
  @JsonPropertyDescription(
      "Display name in Sevalla; defaults to metadata.name for a created pipeline. The operator"
          + " also uses it to find a pipeline it created but could not record, so keep it unique"
          + " within the company.")
  public @Nullable String displayName;

  @JsonPropertyDescription(
      "trunk (one branch flows through every stage by promotion) or branch (each stage deploys"
          + " its own branch). Required to create a pipeline.")
  public @Nullable Type type;

  @Size(min = 1, max = 100)
  @ValidationRule(value = "self == oldSelf", message = "project is immutable")
  @JsonPropertyDescription("The Sevalla project a created pipeline goes into, by id or name.")
  public @Nullable String project;

  @Size(max = 20)
  @JsonPropertyDescription(
      "The stages before production, in order: when set, exactly these exist (matched by name;"
          + " Sevalla's production and preview stages are never among them). A stage whose branch"
          + " changes is made again, as Sevalla cannot change a stage's branch.")
  public @Nullable List<Stage> stages;

  @JsonPropertyDescription("Sevalla's production stage, which every pipeline has last.")
  public @Nullable Production production;

  @JsonPropertyDescription(
      "Preview applications made from pull requests: on with these settings, or off. Left out,"
          + " previews are not managed.")
  public @Nullable Previews previews;

  @JsonPropertyDescription(
      "Delete (the default for created pipelines) deletes the pipeline with the resource, which"
          + " unlinks its applications and deletes its preview applications; Retain (the default"
          + " for adopted ones) leaves it.")
  public @Nullable DeletionPolicy deletionPolicy;

  /** The display name a created pipeline gets. */
  @JsonIgnore
  public String displayNameOr(String resourceName) {
    return displayName != null ? displayName : resourceName;
  }

  /** An existing pipeline. */
  public static class Adoption {
    @Required
    @Pattern(Ids.UUID)
    @JsonPropertyDescription("The pipeline's id.")
    public @Nullable String id;
  }

  /** How work moves through the stages. */
  public enum Type {
    @JsonProperty("trunk")
    TRUNK,
    @JsonProperty("branch")
    BRANCH;

    public String wireName() {
      return this == TRUNK ? "trunk" : "branch";
    }
  }

  /** A stage before production. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class Stage {
    @Required
    @Size(min = 1, max = 255)
    @JsonPropertyDescription("The stage's display name, e.g. Staging.")
    public @Nullable String name;

    @Size(min = 1, max = 255)
    @JsonPropertyDescription("The branch the stage deploys (branch pipelines).")
    public @Nullable String branch;

    @Size(max = 20)
    @JsonPropertyDescription(
        "The applications in the stage: KinstaApplications of this namespace. An application is"
            + " in one pipeline only.")
    public @Nullable List<@Size(min = 1, max = 253) @Pattern(Ids.RESOURCE_NAME) String>
        applications;
  }

  /** The production stage. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class Production {
    @Size(max = 20)
    @JsonPropertyDescription(
        "The applications in production: KinstaApplications of this namespace.")
    public @Nullable List<@Size(min = 1, max = 253) @Pattern(Ids.RESOURCE_NAME) String>
        applications;
  }

  /** Preview applications. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @ValidationRule(
      value = "!self.enabled || has(self.repoUrl)",
      message = "repoUrl is required while previews are enabled",
      fieldPath = ".repoUrl")
  public static class Previews {
    @Required
    @JsonPropertyDescription("Previews on (a preview stage first) or off.")
    public @Nullable Boolean enabled;

    @Size(min = 1, max = 2048)
    @Pattern("^https://.+")
    @JsonPropertyDescription("The repository whose pull requests get preview applications.")
    public @Nullable String repoUrl;

    @JsonPropertyDescription("Create a preview application for each new pull request.")
    public @Nullable Boolean autoCreateApp;

    @JsonPropertyDescription("Delete preview applications nobody deployed for staleAppDays.")
    public @Nullable Boolean deleteStaleApps;

    @Min(1)
    @Max(365)
    @JsonPropertyDescription("Days without a deployment before a preview is stale (1 to 365).")
    public @Nullable Integer staleAppDays;
  }
}
