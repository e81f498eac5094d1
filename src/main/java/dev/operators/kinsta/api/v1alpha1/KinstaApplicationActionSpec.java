package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a {@link KinstaApplicationAction} does. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "[has(self.clearCache), has(self.promote), has(self.rollback),"
            + " has(self.cancelDeployment)].filter(x, x).size() == 1",
    message = "set exactly one action: clearCache, promote, rollback or cancelDeployment")
public class KinstaApplicationActionSpec extends KinstaSpec {
  @Required
  @JsonPropertyDescription(
      "The application acted on (the source of a promotion): a KinstaApplication in this namespace"
          + " or an application id.")
  public @Nullable ApplicationReference application;

  @JsonPropertyDescription("Purge the application's edge cache.")
  public KinstaSiteActionSpec.@Nullable Empty clearCache;

  @JsonPropertyDescription(
      "Deploy what the application runs onto other applications (the next stages of its"
          + " pipeline).")
  public @Nullable Promote promote;

  @JsonPropertyDescription(
      "Deploy the application's newest successful build again (after a failed deployment).")
  public KinstaSiteActionSpec.@Nullable Empty rollback;

  @JsonPropertyDescription("Stop the application's deployment in progress, if there is one.")
  public KinstaSiteActionSpec.@Nullable Empty cancelDeployment;

  /** A KinstaApplication in this namespace, or an application id. */
  @ValidationRule(
      value = "has(self.name) != has(self.id)",
      message = "set exactly one of name or id")
  public static class ApplicationReference {
    @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
    @JsonPropertyDescription("Name of a KinstaApplication in this namespace.")
    public @Nullable String name;

    @Pattern(Ids.UUID)
    @JsonPropertyDescription("Sevalla id of an application.")
    public @Nullable String id;
  }

  /** A promotion. */
  @ValidationRule(
      value = "has(self.pipelineId) != has(self.pipeline)",
      message = "set exactly one of pipeline or pipelineId")
  public static class Promote {
    @Pattern(Ids.UUID)
    @JsonPropertyDescription("The pipeline the applications are stages of (its Sevalla id).")
    public @Nullable String pipelineId;

    @Pattern(Ids.RESOURCE_NAME)
    @JsonPropertyDescription(
        "The pipeline the applications are stages of: a KinstaPipeline in this namespace.")
    public @Nullable String pipeline;

    @Required
    @Size(min = 1, max = 10)
    @JsonPropertyDescription("The applications to deploy onto (1 to 10).")
    public @Nullable List<ApplicationReference> targets;
  }
}
