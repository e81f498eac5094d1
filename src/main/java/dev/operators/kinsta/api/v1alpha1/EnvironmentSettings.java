package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Settings of one environment. Each is applied only when it differs from what Kinsta reports, one
 * operation at a time; a setting left out is not managed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
// Domains are a map keyed by `name`: the API server rejects
// duplicates and server-side apply merges by name.
@SchemaCustomizer(
    value = SchemaAddition.class,
    input =
        "{\"properties\": {\"domains\": "
            + "{\"x-kubernetes-list-type\": \"map\", \"x-kubernetes-list-map-keys\": [\"name\"]}}}")
public class EnvironmentSettings {
  @JsonPropertyDescription("PHP version.")
  public @Nullable PhpVersion phpVersion;

  @JsonPropertyDescription("Edge caching on or off.")
  public @Nullable Boolean edgeCaching;

  @JsonPropertyDescription("CDN image optimisation: off, lossy or lossless.")
  public @Nullable ImageOptimization cdnImageOptimization;

  @Size(max = 100)
  @ValidationRule(
      value = "self.filter(d, has(d.primary) && d.primary).size() <= 1",
      message = "at most one domain can be primary")
  @JsonPropertyDescription(
      "The environment's domains. When set, domains not listed are removed (Kinsta's own "
          + "*.kinsta.cloud domain is never touched).")
  public @Nullable List<DomainSpec> domains;

  @Size(max = 500)
  @JsonPropertyDescription(
      "IP addresses or CIDR ranges denied access (IPv4 or IPv6). An empty list allows all.")
  public @Nullable List<@Pattern("^[0-9a-fA-F:.]+(/[0-9]{1,3})?$") String> deniedIps;

  @Size(max = 200)
  @JsonPropertyDescription(
      "The environment's redirect rules. When set, rules not listed are removed (an empty list"
          + " removes all); left out, the rules are not managed.")
  public @Nullable List<RedirectSpec> redirects;

  @JsonPropertyDescription(
      "SFTP/SSH access: on or off, the addresses allowed to connect, password authentication and"
          + " the password's expiration. Connection details go to status.environments[].ssh.")
  public @Nullable SshSettings ssh;

  @JsonPropertyDescription(
      "Additional SFTP accounts (for a contractor, say): on or off, and the accounts with their"
          + " root directory, permission and password Secret. Listed in"
          + " status.environments[].sftpAccounts, without passwords.")
  public @Nullable SftpAccountsSettings sftpAccounts;

  @JsonPropertyDescription(
      "PHP workers and memory. Kinsta cannot report the allocation, so the operator applies it "
          + "when the spec differs from what it last applied. Live and standard staging share the site's allocation.")
  public @Nullable PhpAllocation phpAllocation;

  @Pattern("^$|^/([a-zA-Z0-9_-]+/?)*$")
  @JsonPropertyDescription(
      "Subfolder the web server serves, e.g. `/public`; an empty string resets it.")
  public @Nullable String webrootSubfolder;

  /** A PHP version Kinsta runs. */
  public enum PhpVersion {
    @JsonProperty("8.0")
    V8_0("8.0"),
    @JsonProperty("8.1")
    V8_1("8.1"),
    @JsonProperty("8.2")
    V8_2("8.2"),
    @JsonProperty("8.3")
    V8_3("8.3"),
    @JsonProperty("8.4")
    V8_4("8.4");

    private final String version;

    PhpVersion(String version) {
      this.version = version;
    }

    public String version() {
      return version;
    }
  }

  /** CDN image optimisation modes. */
  public enum ImageOptimization {
    @JsonProperty("off")
    OFF("off"),
    @JsonProperty("lossy")
    LOSSY("lossy"),
    @JsonProperty("lossless")
    LOSSLESS("lossless");

    private final String wire;

    ImageOptimization(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }
  }

  /** One domain of an environment. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class DomainSpec {
    @io.fabric8.generator.annotation.Required
    @Pattern("^(\\*\\.)?([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$")
    @JsonPropertyDescription("The domain name, lower case, e.g. `shop.example.com`.")
    public @Nullable String name;

    @JsonPropertyDescription("Make this the primary domain (at most one).")
    public @Nullable Boolean primary;

    public DomainSpec() {}

    public DomainSpec(String name, Boolean primary) {
      this.name = name;
      this.primary = primary;
    }
  }

  /** PHP workers and the memory of each. */
  public static class PhpAllocation {
    @io.fabric8.generator.annotation.Required
    @io.fabric8.generator.annotation.Min(1)
    @io.fabric8.generator.annotation.Max(64)
    @JsonPropertyDescription("Number of PHP threads.")
    public @Nullable Integer threadCount;

    @io.fabric8.generator.annotation.Required
    @io.fabric8.generator.annotation.Min(128)
    @io.fabric8.generator.annotation.Max(4096)
    @JsonPropertyDescription("Memory per PHP thread, in MB.")
    public @Nullable Integer threadMemory;

    public PhpAllocation() {}

    public PhpAllocation(Integer threadCount, Integer threadMemory) {
      this.threadCount = threadCount;
      this.threadMemory = threadMemory;
    }
  }
}
