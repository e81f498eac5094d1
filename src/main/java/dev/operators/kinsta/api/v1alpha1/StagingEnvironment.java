package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** A staging environment of the site, with the same settings as live. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "self.premium == oldSelf.premium",
    message = "premium cannot change; remove the staging " + "environment and add it again")
public class StagingEnvironment extends EnvironmentSettings {
  @Default("Staging")
  @Size(min = 1, max = 60)
  @JsonPropertyDescription("Display name of the staging environment in MyKinsta.")
  public String displayName = "Staging";

  @Default("false")
  @JsonPropertyDescription(
      "A premium staging environment (more resources, billed) instead of a standard one.")
  public Boolean premium = false;

  @Default("CloneLive")
  @JsonPropertyDescription(
      "CloneLive copies the live environment; Empty creates an environment without WordPress.")
  public StagingSource source = StagingSource.CloneLive;

  /** What a new staging environment starts from. */
  public enum StagingSource {
    CloneLive,
    Empty
  }
}
