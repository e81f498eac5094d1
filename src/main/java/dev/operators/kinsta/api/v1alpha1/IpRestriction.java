package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Who may connect: only the listed addresses, or everyone but them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IpRestriction {
  @Required
  @JsonPropertyDescription("allow (only these) or deny (all but these).")
  public @Nullable Mode type;

  @Required
  @Size(min = 1, max = 500)
  @JsonPropertyDescription("IP addresses or CIDR ranges.")
  public @Nullable List<@Size(min = 2, max = 64) String> ips;

  /** Allow list or deny list. */
  public enum Mode {
    @JsonProperty("allow")
    ALLOW,
    @JsonProperty("deny")
    DENY;

    public String wireName() {
      return this == ALLOW ? "allow" : "deny";
    }
  }
}
