package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** What a {@link KinstaCompany} shows of the company its credentials belong to. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class KinstaCompanySpec extends KinstaSpec {
  static final String DEFAULT_KEY_EXPIRY_WARNING = "14d";

  @Default("false")
  @JsonPropertyDescription(
      "Show the users' e-mail addresses in status. Off by default: a status is readable by"
          + " everyone who may read the resource.")
  public @Nullable Boolean showUserEmails;

  @Default(DEFAULT_KEY_EXPIRY_WARNING)
  @Pattern("^[1-9][0-9]{0,2}[hd]$")
  @JsonPropertyDescription(
      "How long before an active API key of the company expires the KeyExpiring condition turns"
          + " True (and a Warning event is recorded), e.g. `14d` or `72h`.")
  public @Nullable String keyExpiryWarning;

  @JsonPropertyDescription(
      "Import the company into Git: every site, database, application, static site, pipeline and"
          + " DNS record set of the company that no resource manages is written as a ready-to-apply manifest"
          + " (managementPolicy Observe, deletionPolicy Retain, no secret values) into a ConfigMap"
          + " of this namespace, one key per object.")
  public @Nullable Export export;

  /** Where the company's unmanaged objects are written as manifests. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class Export {
    @Required
    @Pattern("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$")
    @JsonPropertyDescription(
        "The ConfigMap the operator writes (and owns); one that exists and is not this"
            + " KinstaCompany's is left alone.")
    public @Nullable String configMapName;
  }

  /** The warning window as written, e.g. {@code 14d} when the field is left out. */
  @JsonIgnore
  public String keyExpiryWarningText() {
    return keyExpiryWarning == null ? DEFAULT_KEY_EXPIRY_WARNING : keyExpiryWarning;
  }

  /** The warning window; 14 days when the field is left out. */
  @JsonIgnore
  public Duration keyExpiryWarningOrDefault() {
    String value = keyExpiryWarningText();
    long amount = Long.parseLong(value.substring(0, value.length() - 1));
    return value.endsWith("h") ? Duration.ofHours(amount) : Duration.ofDays(amount);
  }
}
