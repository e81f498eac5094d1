package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** A domain as Sevalla reports it, with what it still needs. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DomainStatus {
  @JsonPropertyDescription("The host name.")
  public String name;

  @JsonPropertyDescription("Sevalla's id of the domain.")
  public String id;

  @JsonPropertyDescription("SYSTEM (Sevalla's own) or CUSTOM.")
  public String type;

  @JsonPropertyDescription("Verification state: VERIFICATION, POINTING, ACTIVE, TIMED_OUT….")
  public String status;

  @JsonPropertyDescription("True for the primary domain.")
  public Boolean primary;

  @JsonPropertyDescription(
      "The DNS records to create for the domain, while Sevalla still waits for them.")
  public List<DnsRecordNeeded> dnsRecords;

  @JsonPropertyDescription("What Sevalla reports wrong with the domain, if anything.")
  public String errors;

  /** One DNS record a domain needs. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class DnsRecordNeeded {
    @JsonPropertyDescription("Record type, e.g. CNAME or TXT.")
    public String type;

    @JsonPropertyDescription("Record name.")
    public String name;

    @JsonPropertyDescription("Record value.")
    public String value;
  }
}
