package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import org.jspecify.annotations.Nullable;

/** A custom domain of an application or static site. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ServiceDomain {
  @Required
  @Size(min = 4, max = 253)
  @Pattern("^([a-z0-9]([-a-z0-9]*[a-z0-9])?\\.)+[a-z][-a-z0-9]*[a-z0-9]$")
  @JsonPropertyDescription("The host name, e.g. `shop.example.com`.")
  public @Nullable String name;

  @JsonPropertyDescription("Also serve every subdomain (`*.shop.example.com`).")
  public @Nullable Boolean wildcard;
}
