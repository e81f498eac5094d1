package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import java.time.Duration;

/** What a {@link KinstaCompany} shows of the company its credentials belong to. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class KinstaCompanySpec extends KinstaSpec {
  static final String DEFAULT_KEY_EXPIRY_WARNING = "14d";

  @Default("false")
  @JsonPropertyDescription(
      "Show the users' e-mail addresses in status. Off by default: a status is readable by"
          + " everyone who may read the resource.")
  public Boolean showUserEmails;

  @Default(DEFAULT_KEY_EXPIRY_WARNING)
  @Pattern("^[1-9][0-9]{0,2}[hd]$")
  @JsonPropertyDescription(
      "How long before an active API key of the company expires the KeyExpiring condition turns"
          + " True (and a Warning event is recorded), e.g. `14d` or `72h`.")
  public String keyExpiryWarning;

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
