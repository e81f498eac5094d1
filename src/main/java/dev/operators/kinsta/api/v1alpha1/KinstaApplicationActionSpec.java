package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** What a {@link KinstaApplicationAction} does. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "[has(self.clearCache), has(self.promote), has(self.previewApp)].filter(x, x).size() == 1",
    message = "set exactly one action: clearCache, promote or previewApp")
@ValidationRule(
    value = "has(self.previewApp) || has(self.application)",
    message = "clearCache and promote act on an application",
    fieldPath = ".application")
public class KinstaApplicationActionSpec extends KinstaSpec {
  @JsonPropertyDescription(
      "The application acted on (the source of a promotion): a KinstaApplication in this namespace"
          + " or an application id.")
  public ApplicationReference application;

  @JsonPropertyDescription("Clear the application's cache.")
  public KinstaSiteActionSpec.Empty clearCache;

  @JsonPropertyDescription(
      "Deploy what the application runs onto other applications (the next stages of its"
          + " pipeline).")
  public Promote promote;

  @JsonPropertyDescription("Create a preview application of a pipeline for a branch.")
  public PreviewApp previewApp;

  /** A KinstaApplication in this namespace, or an application id. */
  @ValidationRule(
      value = "has(self.name) != has(self.id)",
      message = "set exactly one of name or id")
  public static class ApplicationReference {
    @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
    @JsonPropertyDescription("Name of a KinstaApplication in this namespace.")
    public String name;

    @Pattern(Ids.UUID)
    @JsonPropertyDescription("Kinsta id of an application.")
    public String id;
  }

  /** A promotion. */
  public static class Promote {
    @Required
    @Size(min = 1, max = 10)
    @JsonPropertyDescription("The applications to deploy onto (1 to 10).")
    public List<ApplicationReference> targets;
  }

  /** A preview application. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class PreviewApp {
    @Required
    @Pattern(Ids.UUID)
    @JsonPropertyDescription("The pipeline's Kinsta id.")
    public String pipelineId;

    @Required
    @Size(min = 1, max = 255)
    @JsonPropertyDescription("The branch the preview application runs.")
    public String branch;

    @Min(1)
    @JsonPropertyDescription("The pull request it previews, if any.")
    public Integer pullRequestNumber;
  }
}
