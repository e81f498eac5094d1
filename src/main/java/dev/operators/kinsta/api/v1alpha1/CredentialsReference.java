package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import org.jspecify.annotations.Nullable;

/** The Secret, in the resource's own namespace, that holds the Kinsta API key. */
public class CredentialsReference {
  @Required
  @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
  @JsonPropertyDescription(
      "Name of a Secret in this namespace with key `apiKey` (a Kinsta API key) and, optionally, "
          + "`companyId`. Without `companyId` the operator asks Kinsta which company the key belongs to.")
  public @Nullable String name;

  public CredentialsReference() {}

  public CredentialsReference(String name) {
    this.name = name;
  }

  /**
   * The Secret's name, or null when the reference is missing (an invalid spec the validator
   * reports).
   */
  public static @Nullable String nameOf(@Nullable CredentialsReference reference) {
    return reference == null ? null : reference.name;
  }
}
