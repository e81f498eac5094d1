package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import org.jspecify.annotations.Nullable;

/** A new site copied from an existing environment (of any site of the same company). */
public class CloneSource {
  @Required
  @Pattern(Ids.UUID)
  @JsonPropertyDescription("Id of the environment to copy.")
  public @Nullable String sourceEnvironmentId;
}
