package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import org.jspecify.annotations.Nullable;

/**
 * How to install WordPress on a new site. Kinsta cannot read these back, so they are create-only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class WordPressSource {
  @Required
  @Size(min = 1, max = 200)
  @JsonPropertyDescription("The WordPress site title.")
  public @Nullable String siteTitle;

  @Default("en_US")
  @Pattern("^[a-z]{2,3}(_[A-Z]{2})?(_[a-z]+)?$")
  @JsonPropertyDescription("WordPress locale, e.g. `en_US` or `de_DE`.")
  public String language = "en_US";

  @Required
  @Pattern("^[A-Za-z0-9._@-]{1,60}$")
  @JsonPropertyDescription("User name of the first WordPress administrator.")
  public @Nullable String adminUser;

  @Required
  @Pattern("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")
  @JsonPropertyDescription("E-mail address of the first WordPress administrator.")
  public @Nullable String adminEmail;

  @Required
  @JsonPropertyDescription(
      "Secret key holding the administrator's password; the password never leaves the Secret.")
  public @Nullable SecretKeyReference adminPasswordSecretRef;

  @JsonPropertyDescription("Install WordPress multisite.")
  public @Nullable Multisite multisite;

  @JsonPropertyDescription("Plugins Kinsta installs with WordPress.")
  public @Nullable Plugins plugins;

  /** WordPress multisite at installation. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class Multisite {
    @Default("false")
    @JsonPropertyDescription("Install a multisite network.")
    public Boolean enabled = false;

    @Default("false")
    @JsonPropertyDescription("Use subdomains rather than subdirectories for the network's sites.")
    public Boolean subdomains = false;
  }

  /** Plugins Kinsta can install with WordPress. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class Plugins {
    @Default("false")
    @JsonPropertyDescription("Install WooCommerce.")
    public Boolean woocommerce = false;

    @Default("false")
    @JsonPropertyDescription("Install Yoast SEO.")
    public Boolean yoastSeo = false;
  }
}
