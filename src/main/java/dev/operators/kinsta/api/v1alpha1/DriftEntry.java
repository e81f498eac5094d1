package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One field where the Kinsta object differs from the spec. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DriftEntry {
  @JsonPropertyDescription(
      "The field, as its path in the spec (e.g. spec.environments.live.phpVersion).")
  public @Nullable String field;

  @JsonPropertyDescription("What the spec says.")
  public @Nullable String spec;

  @JsonPropertyDescription("What Kinsta has.")
  public @Nullable String kinsta;

  public DriftEntry() {}

  public DriftEntry(String field, String spec, String kinsta) {
    this.field = field;
    this.spec = spec;
    this.kinsta = kinsta;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof DriftEntry entry
        && Objects.equals(field, entry.field)
        && Objects.equals(spec, entry.spec)
        && Objects.equals(kinsta, entry.kinsta);
  }

  @Override
  public int hashCode() {
    return Objects.hash(field, spec, kinsta);
  }

  @Override
  public String toString() {
    return field + ": spec " + spec + ", Kinsta " + kinsta;
  }
}
