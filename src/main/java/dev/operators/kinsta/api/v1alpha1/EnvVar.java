package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import org.jspecify.annotations.Nullable;

/**
 * An environment variable, written as a Deployment's container writes one: a literal value, or a
 * key of a Secret or ConfigMap of the namespace.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EnvVar {
  @Required
  @Size(min = 1, max = 255)
  @Pattern("^[A-Za-z_][A-Za-z0-9_.-]*$")
  @JsonPropertyDescription("The variable's name.")
  public @Nullable String name;

  @Size(max = 32768)
  @JsonPropertyDescription("A literal value (for anything private, use valueFrom.secretKeyRef).")
  public @Nullable String value;

  @JsonPropertyDescription("Where the value comes from, instead of value.")
  public @Nullable EnvVarSource valueFrom;

  /** A key of a Secret or of a ConfigMap. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @ValidationRule(
      value = "has(self.secretKeyRef) != has(self.configMapKeyRef)",
      message = "set secretKeyRef or configMapKeyRef")
  public static class EnvVarSource {
    @JsonPropertyDescription("A key of a Secret of this namespace.")
    public @Nullable KeyReference secretKeyRef;

    @JsonPropertyDescription("A key of a ConfigMap of this namespace.")
    public @Nullable KeyReference configMapKeyRef;
  }

  /** One key of a named object. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class KeyReference {
    @Required
    @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
    @JsonPropertyDescription("The Secret's or ConfigMap's name.")
    public @Nullable String name;

    @Required
    @Pattern("^[-._a-zA-Z0-9]+$")
    @JsonPropertyDescription("The key within it.")
    public @Nullable String key;
  }
}
