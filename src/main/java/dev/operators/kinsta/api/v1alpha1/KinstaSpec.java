package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.fabric8.generator.annotation.Required;
import org.jspecify.annotations.Nullable;

/** What every kind's spec has: the Secret with the Kinsta API key its calls use. */
@JsonDeserialize(using = LenientReading.class)
public abstract class KinstaSpec extends ReadPart {

  @Required
  @JsonPropertyDescription("The Secret with the Kinsta API key.")
  public @Nullable CredentialsReference credentialsRef;

  /**
   * The credentials Secret's name, or null when the reference is missing (reported as an invalid
   * spec).
   */
  @JsonIgnore
  public @Nullable String credentialsSecretName() {
    return CredentialsReference.nameOf(credentialsRef);
  }
}
