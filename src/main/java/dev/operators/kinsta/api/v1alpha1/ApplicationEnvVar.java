package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;
import org.jspecify.annotations.Nullable;

/** An application's environment variable, with when it is available. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "has(self.value) != has(self.valueFrom)",
    message = "set value or valueFrom")
@ValidationRule(
    value = "!(has(self.runtime) && has(self.build)) || self.runtime || self.build",
    message = "a variable must be available at runtime, at build time or both")
public class ApplicationEnvVar extends EnvVar {
  @JsonPropertyDescription("Available to the running processes (default true).")
  public @Nullable Boolean runtime;

  @JsonPropertyDescription("Available while the application is built (default true).")
  public @Nullable Boolean build;

  public boolean atRuntime() {
    return runtime == null || runtime;
  }

  public boolean atBuild() {
    return build == null || build;
  }
}
