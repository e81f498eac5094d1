package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** What a {@link KinstaDnsRecord} should be. Zone, type and name say which record it is. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "has(self.domain) != has(self.domainId)",
    message = "set exactly one of domain or domainId")
@ValidationRule(
    value =
        "!has(self.type) || !has(self.values) || self.type != 'CNAME' || size(self.values) == 1",
    message = "a CNAME record has exactly one value",
    fieldPath = ".values")
@ValidationRule(
    value = "!has(self.type) || !has(self.name) || self.type != 'CNAME' || self.name != '@'",
    message = "the zone's apex cannot be a CNAME",
    fieldPath = ".name")
public class KinstaDnsRecordSpec extends KinstaObjectSpec {
  /** A DNS name of one or more labels, lower case, without the trailing dot. */
  static final String DOMAIN =
      "^([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\\.)+[a-z][-a-z0-9]{0,61}[a-z0-9]$";

  @Size(max = 253)
  @Pattern(DOMAIN)
  @ValidationRule(value = "self == oldSelf", message = "domain is immutable")
  @JsonPropertyDescription("The Kinsta DNS zone, by its domain name, e.g. `shop.example.com`.")
  public @Nullable String domain;

  @Pattern(Ids.UUID)
  @ValidationRule(value = "self == oldSelf", message = "domainId is immutable")
  @JsonPropertyDescription("The Kinsta DNS zone, by its Kinsta id.")
  public @Nullable String domainId;

  @Required
  @ValidationRule(value = "self == oldSelf", message = "type is immutable")
  @JsonPropertyDescription("Record type; immutable.")
  public @Nullable RecordType type;

  @Required
  @Size(max = 190)
  @Pattern(
      "^(@|(\\*\\.)?[A-Za-z0-9_]([-A-Za-z0-9_]{0,61}[A-Za-z0-9_])?(\\.[A-Za-z0-9_]([-A-Za-z0-9_]{0,61}[A-Za-z0-9_])?)*|\\*)$")
  @ValidationRule(value = "self == oldSelf", message = "name is immutable")
  @JsonPropertyDescription(
      "The record's name inside the zone: `@` for the zone's apex, else the part before the"
          + " domain, e.g. `www`, `_dmarc` or `mail.eu`; immutable.")
  public @Nullable String name;

  @Min(300)
  @Max(604800)
  @Default("3600")
  @JsonPropertyDescription("Time to live in seconds, 300 (Kinsta's minimum) to 604800.")
  public @Nullable Integer ttl;

  @Required
  @Size(min = 1, max = 50)
  @JsonPropertyDescription(
      "The record's values, as MyKinsta shows them: an address for A and AAAA, a host name for"
          + " CNAME and NS, `<priority> <host>` for MX, the text for TXT, `<priority> <weight>"
          + " <port> <target>` for SRV, `<flags> <tag> \"<value>\"` for CAA. Order does not matter.")
  public @Nullable List<@Size(min = 1, max = 1024) String> values;

  @JsonPropertyDescription(
      "Manage a record of this type and name that already exists (made in MyKinsta, or Kinsta's"
          + " own for a site's domain). Without it, an existing record is left alone and reported."
          + " Adopted records default to deletionPolicy Retain.")
  public @Nullable Boolean adopt;

  @JsonPropertyDescription(
      "Delete (the default for created records) removes the record from the zone with the"
          + " resource; Retain (the default for adopted ones) leaves it. The apex and `www` records"
          + " of a site's domain are only ever deleted when this says Delete.")
  public @Nullable DeletionPolicy deletionPolicy;

  /** The record's full name in a zone, as Kinsta names it. */
  public String fqdnIn(String zone) {
    String relative = Objects.requireNonNull(name, "spec.name");
    return "@".equals(relative) ? zone : relative.toLowerCase(Locale.ROOT) + "." + zone;
  }

  @JsonIgnore
  public boolean adopts() {
    return Boolean.TRUE.equals(adopt);
  }

  @JsonIgnore
  public int ttlOrDefault() {
    return ttl == null ? 3600 : ttl;
  }

  /** The record types Kinsta DNS offers. */
  public enum RecordType {
    A,
    AAAA,
    CNAME,
    MX,
    TXT,
    SRV,
    CAA,
    NS
  }
}
