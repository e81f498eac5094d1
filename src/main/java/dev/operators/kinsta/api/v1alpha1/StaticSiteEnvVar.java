package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import org.jspecify.annotations.Nullable;

/** A static site's build variable, with the deployments it applies to. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "has(self.value) != has(self.valueFrom)",
    message = "set value or valueFrom")
public class StaticSiteEnvVar extends EnvVar {
  @JsonPropertyDescription("Used by production deployments (default true).")
  public @Nullable Boolean production;

  @JsonPropertyDescription("Used by preview deployments (default false).")
  public @Nullable Boolean preview;

  @Size(min = 1, max = 255)
  @JsonPropertyDescription("Only for deployments of this branch.")
  public @Nullable String branch;

  public boolean forProduction() {
    return production == null || production;
  }

  public boolean forPreview() {
    return preview != null && preview;
  }
}
