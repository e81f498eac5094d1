package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.jspecify.annotations.Nullable;

/** The environments of a site the operator manages. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SiteEnvironments {
  @JsonPropertyDescription("Settings of the live environment. A setting left out is not managed.")
  public @Nullable EnvironmentSettings live;

  @JsonPropertyDescription(
      "A staging environment: created when set, deleted when removed (only the one the "
          + "operator created).")
  public @Nullable StagingEnvironment staging;
}
