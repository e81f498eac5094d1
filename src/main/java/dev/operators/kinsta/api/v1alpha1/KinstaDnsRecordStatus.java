package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the operator observed of a {@link KinstaDnsRecord}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class KinstaDnsRecordStatus extends KinstaObjectStatus {
  @JsonPropertyDescription("Kinsta id of the zone.")
  public @Nullable String domainId;

  @JsonPropertyDescription("The zone's domain name.")
  public @Nullable String domain;

  @JsonPropertyDescription("The record's full name, as Kinsta names it.")
  public @Nullable String fqdn;

  @JsonPropertyDescription("Time to live, as Kinsta has it.")
  public @Nullable Integer ttl;

  @JsonPropertyDescription("The values, as Kinsta has them.")
  public @Nullable List<String> values;

  @JsonPropertyDescription(
      "Whether the record existed before this resource and was adopted (true) or was created by"
          + " it (false); absent until the resource manages a record.")
  public @Nullable Boolean adopted;

  @JsonPropertyDescription(
      "The creation the operator asked Kinsta for, until it is confirmed: a record with the spec's"
          + " content found after a crash or a lost answer is then known to be this resource's.")
  public @Nullable CreationIntent creation;

  @JsonPropertyDescription("The site the zone belongs to, if any.")
  public @Nullable String siteId;

  @JsonPropertyDescription(
      "True for the apex and `www` records Kinsta keeps for a site's domain: they are deleted only"
          + " when spec.deletionPolicy says Delete.")
  public @Nullable Boolean siteRecord;
}
