package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A domain as Sevalla reports it, with what it still needs. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DomainStatus {
  @JsonPropertyDescription("The host name.")
  public @Nullable String name;

  @JsonPropertyDescription("Sevalla's id of the domain.")
  public @Nullable String id;

  @JsonPropertyDescription("SYSTEM (Sevalla's own) or CUSTOM.")
  public @Nullable String type;

  @JsonPropertyDescription("Verification state: VERIFICATION, POINTING, ACTIVE, TIMED_OUT….")
  public @Nullable String status;

  @JsonPropertyDescription("True for the primary domain.")
  public @Nullable Boolean primary;

  @JsonPropertyDescription(
      "The DNS records to create for the domain, while Sevalla still waits for them.")
  public @Nullable List<DnsRecordNeeded> dnsRecords;

  @JsonPropertyDescription("What Sevalla reports wrong with the domain, if anything.")
  public @Nullable String errors;

  /** One DNS record a domain needs. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class DnsRecordNeeded {
    @JsonPropertyDescription("Record type, e.g. CNAME or TXT.")
    public @Nullable String type;

    @JsonPropertyDescription("Record name.")
    public @Nullable String name;

    @JsonPropertyDescription("Record value.")
    public @Nullable String value;
  }
}
