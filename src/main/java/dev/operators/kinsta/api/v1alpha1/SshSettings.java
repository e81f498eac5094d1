package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** SFTP/SSH access to an environment; each field left out is not managed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SshSettings {
  @JsonPropertyDescription("SFTP/SSH access on or off.")
  public @Nullable Boolean enabled;

  @Size(max = 100)
  @JsonPropertyDescription(
      "IP addresses or CIDR ranges allowed to connect (IPv4 or IPv6). An empty list allows all.")
  public @Nullable List<@Pattern("^[0-9a-fA-F:.]+(/[0-9]{1,3})?$") String> allowedIps;

  @JsonPropertyDescription(
      "Password authentication on or off (keys only when off). Kinsta cannot report it, so the"
          + " operator applies it when it differs from what it last applied.")
  public @Nullable Boolean passwordAuthentication;

  @JsonPropertyDescription(
      "How long the SFTP/SSH password stays valid: 24h, 7d, 30d, 90d or never. Kinsta cannot"
          + " report it, so the operator applies it when it differs from what it last applied.")
  public @Nullable Expiration passwordExpiration;

  /** Kinsta's expiration intervals ({@code exp_interval}). */
  public enum Expiration {
    @JsonProperty("24h")
    HOURS_24("hours_24"),
    @JsonProperty("7d")
    DAYS_7("days_7"),
    @JsonProperty("30d")
    DAYS_30("days_30"),
    @JsonProperty("90d")
    DAYS_90("days_90"),
    @JsonProperty("never")
    NEVER("never");

    private final String wire;

    Expiration(String wire) {
      this.wire = wire;
    }

    /** Kinsta's name of the interval. */
    public String wire() {
      return wire;
    }
  }
}
