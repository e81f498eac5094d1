package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import org.jspecify.annotations.Nullable;

/** One redirect rule of an environment. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RedirectSpec {
  @Required
  @Size(min = 1, max = 2048)
  @JsonPropertyDescription(
      "The path to redirect, e.g. `/old-shop` (Kinsta accepts regular expressions).")
  public @Nullable String from;

  @Required
  @Size(min = 1, max = 2048)
  @JsonPropertyDescription("Where to send it: a path or a full URL.")
  public @Nullable String to;

  @JsonPropertyDescription("`permanent` (301, the default) or `redirect` (302).")
  public @Nullable Type type;

  @Size(max = 253)
  @Pattern("^(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$")
  @JsonPropertyDescription("Only for this domain of the environment; every domain when left out.")
  public @Nullable String domain;

  public RedirectSpec() {}

  public RedirectSpec(String from, String to) {
    this.from = from;
    this.to = to;
  }

  /** Kinsta's redirect types. */
  public enum Type {
    @JsonProperty("permanent")
    PERMANENT,
    @JsonProperty("redirect")
    REDIRECT;

    /** Kinsta's name of the type. */
    public String wire() {
      return this == PERMANENT ? "permanent" : "redirect";
    }
  }
}
