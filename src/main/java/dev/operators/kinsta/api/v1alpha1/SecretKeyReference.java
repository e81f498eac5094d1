package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One key of a Secret in the resource's own namespace. */
public class SecretKeyReference {
  @Required
  @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
  @JsonPropertyDescription("Name of a Secret in this namespace.")
  public @Nullable String name;

  @Default("password")
  @JsonPropertyDescription("Key within the Secret.")
  public String key = "password";

  public SecretKeyReference() {}

  public SecretKeyReference(String name, String key) {
    this.name = name;
    this.key = key;
  }

  /** The Secret's name, which every reference the schema accepted has. */
  @JsonIgnore
  public String secretName() {
    return Objects.requireNonNull(name, "secret reference without a name");
  }
}
