package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The company as the operator last read it; every list is bounded. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class KinstaCompanyStatus extends KinstaStatus {
  @JsonPropertyDescription("The Kinsta company id the credentials belong to.")
  public @Nullable String companyId;

  @JsonPropertyDescription("When Kinsta was last read (RFC 3339).")
  public @Nullable String checkedAt;

  @JsonPropertyDescription("Regions the company may create sites in.")
  public @Nullable List<RegionStatus> regions;

  @JsonPropertyDescription(
      "The company's users (at most 100). Kinsta's API does not report their roles.")
  public @Nullable List<UserStatus> users;

  @JsonPropertyDescription("How many users the company has.")
  public @Nullable Integer userCount;

  @JsonPropertyDescription("The company's API keys (at most 50), never the keys themselves.")
  public @Nullable List<ApiKeyStatus> apiKeys;

  @JsonPropertyDescription("WordPress sites in Kinsta, and how many of them resources manage.")
  public @Nullable Inventory sites;

  @JsonPropertyDescription("Applications in Kinsta, and how many of them resources manage.")
  public @Nullable Inventory applications;

  @JsonPropertyDescription("Databases in Kinsta, and how many of them resources manage.")
  public @Nullable Inventory databases;

  @JsonPropertyDescription("Static sites in Kinsta, and how many of them resources manage.")
  public @Nullable Inventory staticSites;

  @JsonPropertyDescription(
      "The company's Sevalla projects (no resource manages a project, so all are listed as"
          + " unmanaged).")
  public @Nullable Inventory projects;

  @JsonPropertyDescription(
      "The name of the API key in the credentials Secret, as MyKinsta shows it.")
  public @Nullable String keyName;

  @JsonPropertyDescription(
      "The newest entries of the company's activity log (at most 10), newest first. Each new entry"
          + " also becomes an event: on the resource that manages its site, else on this resource.")
  public @Nullable List<ActivityStatus> recentActivity;

  @JsonPropertyDescription(
      "How far the activity log has been told as events, so that no entry is told twice, across"
          + " restarts.")
  public @Nullable ActivityCursor activityCursor;

  @JsonPropertyDescription(
      "Parts Kinsta would not show with these credentials (e.g. the key lacks the permission),"
          + " with Kinsta's status code.")
  public @Nullable List<String> unavailable;

  /** A region, by code and Kinsta's name. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyDescription(
      "The company's Kinsta DNS zones (at most 50) with their record sets (at most 100 each).")
  public @Nullable List<DnsZoneStatus> dnsZones;

  /** A Kinsta DNS zone of the company. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class DnsZoneStatus {
    /** At most this many zones, and records per zone, are listed. */
    public static final int MAX_ZONES = 50;

    public static final int MAX_RECORDS = 100;

    @JsonPropertyDescription("Kinsta's id of the zone, as KinstaDnsRecord's domain takes it.")
    public @Nullable String id;

    @JsonPropertyDescription("The domain name.")
    public @Nullable String name;

    @JsonPropertyDescription("The site Kinsta made the zone for, if any.")
    public @Nullable String siteId;

    @JsonPropertyDescription("Whether Kinsta serves the zone.")
    public @Nullable Boolean active;

    @JsonPropertyDescription("Its record sets, by name and type.")
    public @Nullable List<DnsRecordStatus> records;
  }

  /** A record set of a zone. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class DnsRecordStatus {
    @JsonPropertyDescription("`A`, `CNAME`, `TXT`, ….")
    public @Nullable String type;

    @JsonPropertyDescription("The fully qualified name.")
    public @Nullable String name;

    @JsonPropertyDescription("Time to live in seconds.")
    public @Nullable Integer ttl;

    @JsonPropertyDescription("Its values.")
    public @Nullable List<String> values;

    @JsonPropertyDescription("Whether a KinstaDnsRecord manages it.")
    public @Nullable Boolean managed;
  }

  @JsonPropertyDescription("What the last export wrote (spec.export).")
  public @Nullable ExportStatus export;

  /** The manifests written for spec.export. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class ExportStatus {
    @JsonPropertyDescription("The ConfigMap written.")
    public @Nullable String configMapName;

    @JsonPropertyDescription("Manifests in it, one per object no resource manages.")
    public @Nullable Integer manifests;

    @JsonPropertyDescription(
        "Objects left out because the ConfigMap reached its size limit (1 MiB); manage some of"
            + " the exported ones to make room.")
    public @Nullable Integer leftOut;

    @JsonPropertyDescription("Why nothing was written, when it was not.")
    public @Nullable String problem;
  }

  public static class RegionStatus {
    @JsonPropertyDescription("The region's code, as `region` in a KinstaSite, e.g. `us-central1`.")
    public @Nullable String region;

    @JsonPropertyDescription("Kinsta's name for it, e.g. `Iowa (us-central1)`.")
    public @Nullable String name;

    public RegionStatus() {}

    public RegionStatus(String region, String name) {
      this.region = region;
      this.name = name;
    }
  }

  /** A user: id and name, the e-mail address only when the spec asks for it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class UserStatus {
    @JsonPropertyDescription("Kinsta's id of the user.")
    public @Nullable String id;

    @JsonPropertyDescription("The user's full name.")
    public @Nullable String fullName;

    @JsonPropertyDescription("The e-mail address, only when spec.showUserEmails is true.")
    public @Nullable String email;

    @JsonPropertyDescription("The link to the user's profile picture, as Kinsta gives it.")
    public @Nullable String image;
  }

  /** An API key as Kinsta lists it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class ApiKeyStatus {
    @JsonPropertyDescription("Kinsta's id of the key (not the key).")
    public @Nullable String id;

    @JsonPropertyDescription("The key's name in MyKinsta.")
    public @Nullable String name;

    @JsonPropertyDescription("active, revoked or expired.")
    public @Nullable String status;

    @JsonPropertyDescription("When the key expires (RFC 3339); absent when it never does.")
    public @Nullable String expiresAt;
  }

  /** An entry of the company's activity log. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class ActivityStatus {
    @JsonPropertyDescription("When it happened (RFC 3339).")
    public @Nullable String at;

    @JsonPropertyDescription("Kinsta's type of the entry, e.g. `deleteSite`.")
    public @Nullable String type;

    @JsonPropertyDescription("The site it concerns, if any.")
    public @Nullable String siteId;

    @JsonPropertyDescription("Who did it: a user's name, or `API key <name>`.")
    public @Nullable String by;

    @JsonPropertyDescription("Kinsta's description of it.")
    public @Nullable String description;

    @JsonPropertyDescription("True when it failed.")
    public @Nullable Boolean failed;
  }

  /** The newest activity-log entries already told: their time, and their ids at that time. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class ActivityCursor {
    @JsonPropertyDescription("The time of the newest entry told (RFC 3339, milliseconds).")
    public @Nullable String seenUntil;

    @JsonPropertyDescription("The ids of the entries told that have exactly that time.")
    public @Nullable List<Long> idsAtSeenUntil;
  }

  /** Objects of one kind in Kinsta against those resources manage. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class Inventory {
    @JsonPropertyDescription("How many the company has in Kinsta.")
    public @Nullable Integer inKinsta;

    @JsonPropertyDescription("How many of them a resource in this cluster manages.")
    public @Nullable Integer managed;

    @JsonPropertyDescription("How many no resource manages.")
    public @Nullable Integer unmanagedCount;

    @JsonPropertyDescription(
        "The ones no resource manages (at most 100), by id and name, ready to adopt.")
    public @Nullable List<UnmanagedObject> unmanaged;
  }

  /** An object in Kinsta no resource manages. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class UnmanagedObject {
    @JsonPropertyDescription("Kinsta's id, for a resource's adoption field.")
    public @Nullable String id;

    @JsonPropertyDescription("Its display name in MyKinsta.")
    public @Nullable String name;

    public UnmanagedObject() {}

    public UnmanagedObject(String id, String name) {
      this.id = id;
      this.name = name;
    }
  }
}
