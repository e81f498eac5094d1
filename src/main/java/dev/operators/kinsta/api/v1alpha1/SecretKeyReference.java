package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** One key of a Secret in the resource's own namespace. */
public class SecretKeyReference {
  @Required
  @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
  @JsonPropertyDescription("Name of a Secret in this namespace.")
  public String name;

  @Default("password")
  @JsonPropertyDescription("Key within the Secret.")
  public String key = "password";

  public SecretKeyReference() {}

  public SecretKeyReference(String name, String key) {
    this.name = name;
    this.key = key;
  }
}
