package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What the operator knows about a {@link KinstaSite}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class KinstaSiteStatus extends KinstaObjectStatus {
  @JsonPropertyDescription("Kinsta's id of the site.")
  public @Nullable String siteId;

  @JsonPropertyDescription(
      "A creation sent without its answer seen yet; resolved by looking for the site.")
  public @Nullable CreationIntent creation;

  @JsonPropertyDescription(
      "True when the site was adopted (spec.siteId or spec.adoptByDisplayName), not created: its"
          + " deletionPolicy then defaults to Retain.")
  public @Nullable Boolean adopted;

  @JsonPropertyDescription("Kinsta's internal name of the site.")
  public @Nullable String siteName;

  @JsonPropertyDescription("The site's environments as Kinsta last reported them.")
  public List<EnvironmentStatus> environments = new ArrayList<>();

  @JsonPropertyDescription("Id of the staging environment the operator created.")
  public @Nullable String stagingEnvironmentId;

  @JsonPropertyDescription("The site-wide PHP allocation the operator last applied.")
  public EnvironmentSettings.@Nullable PhpAllocation appliedPhpAllocation;

  @JsonPropertyDescription("The premium staging PHP allocation the operator last applied.")
  public EnvironmentSettings.@Nullable PhpAllocation appliedStagingPhpAllocation;

  @JsonPropertyDescription(
      "The SFTP/SSH settings Kinsta cannot report (password authentication, password expiration)"
          + " as the operator last applied them, by environment (`live`, `staging`).")
  public @Nullable Map<String, AppliedSsh> appliedSsh;

  @JsonPropertyDescription(
      "Where the password of each additional SFTP account the operator added came from (Secret,"
          + " key and resourceVersion; never the password), by environment and username: a new"
          + " version replaces the account.")
  public @Nullable Map<String, Map<String, String>> appliedSftpPasswords;

  @JsonPropertyDescription(
      "The create-only fields the site was created with (field path to value; Secret "
          + "references, never Secret contents), so that later changes can be reported.")
  public @Nullable Map<String, String> createdWith;

  /** One environment as Kinsta reports it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class EnvironmentStatus {
    @JsonPropertyDescription("Kinsta's name of the environment, `live` for the live one.")
    public @Nullable String name;

    @JsonPropertyDescription("Kinsta's id of the environment.")
    public @Nullable String id;

    @JsonPropertyDescription("Display name in MyKinsta.")
    public @Nullable String displayName;

    @JsonPropertyDescription("Whether it is a premium staging environment.")
    public @Nullable Boolean premium;

    @JsonPropertyDescription("The primary domain.")
    public @Nullable String primaryDomain;

    @JsonPropertyDescription("Every domain of the environment.")
    public List<String> domains = new ArrayList<>();

    @JsonPropertyDescription("PHP version, e.g. `8.3`.")
    public @Nullable String phpVersion;

    @JsonPropertyDescription("WordPress version, absent on sites without WordPress.")
    public @Nullable String wordpressVersion;

    @JsonPropertyDescription("Whether edge caching is on.")
    public @Nullable Boolean edgeCaching;

    @JsonPropertyDescription("CDN image optimisation mode.")
    public @Nullable String imageOptimization;

    @JsonPropertyDescription("The web root subfolder.")
    public @Nullable String webRoot;

    @JsonPropertyDescription(
        "The DNS records each of the environment's own domains needs (Kinsta's `*.kinsta.cloud`"
            + " domains aside), to publish where the domain's DNS is: `verification` records prove"
            + " ownership for the certificate, `pointing` records point the domain at the site."
            + " Read from Kinsta once per domain; at most "
            + EnvironmentStatus.MAX_RECORDED_DOMAINS
            + " domains.")
    public @Nullable List<DomainDnsRecord> domainRecords;

    @JsonPropertyDescription(
        "SFTP/SSH access as Kinsta reports it, when the spec manages it: on or off, the allowed"
            + " addresses, and how to connect (no password).")
    public @Nullable SshStatus ssh;

    @JsonPropertyDescription(
        "Additional SFTP accounts as Kinsta reports them, when the spec manages them: the port to"
            + " connect to and each account, with the Secret that holds its password.")
    public @Nullable SftpAccountsStatus sftpAccounts;

    @JsonPropertyDescription(
        "What the environment runs, read with the usage reports (every KINSTA_USAGE_INTERVAL):"
            + " plugins and themes with their updates, the newest backups.")
    public @Nullable Contents contents;

    /** Domains whose records are kept in status, so that it stays small. */
    public static final int MAX_RECORDED_DOMAINS = 20;
  }

  /** What an environment runs; every list is bounded. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class Contents {
    /** At most this many plugins, and half as many themes, are listed. */
    public static final int MAX_PLUGINS = 100;

    /** The newest backups listed. */
    public static final int MAX_BACKUPS = 5;

    /** At most this many denied addresses and redirect rules are listed. */
    public static final int MAX_RULES = 100;

    @JsonPropertyDescription("Installed plugins (at most 100), by name.")
    public @Nullable List<Component> plugins;

    @JsonPropertyDescription("Installed themes (at most 50), by name.")
    public @Nullable List<Component> themes;

    @JsonPropertyDescription("How many plugins and themes have an update available.")
    public @Nullable Integer updatesAvailable;

    @JsonPropertyDescription("The newest backups (at most 5), newest first.")
    public @Nullable List<BackupEntry> backups;

    @JsonPropertyDescription("How many downloadable backups exist.")
    public @Nullable Integer downloadableBackups;

    @JsonPropertyDescription(
        "The downloadable backups (at most 5), newest first; their download links stay in MyKinsta"
            + " (anyone holding one downloads the site).")
    public @Nullable List<DownloadableEntry> downloadable;

    @JsonPropertyDescription(
        "Addresses denied access to the environment (at most 100), whether or not the spec manages"
            + " them.")
    public @Nullable List<String> deniedIps;

    @JsonPropertyDescription(
        "The environment's redirect rules (at most 100), whether or not the spec manages them.")
    public @Nullable List<RedirectEntry> redirects;

    @JsonPropertyDescription("When Kinsta was read for this (RFC 3339).")
    public @Nullable String readAt;
  }

  /** A backup made ready to download. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class DownloadableEntry {
    @JsonPropertyDescription("Kinsta's id.")
    public @Nullable String id;

    @JsonPropertyDescription("When it was made (RFC 3339).")
    public @Nullable String createdAt;

    @JsonPropertyDescription("When its download link expires (RFC 3339).")
    public @Nullable String expiresAt;

    @JsonPropertyDescription("Whether Kinsta is still making it.")
    public @Nullable Boolean generating;
  }

  /** A redirect rule of an environment. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class RedirectEntry {
    @JsonPropertyDescription("The domain it applies to; absent for every domain.")
    public @Nullable String domain;

    @JsonPropertyDescription("The path redirected.")
    public @Nullable String from;

    @JsonPropertyDescription("Where it goes.")
    public @Nullable String to;

    @JsonPropertyDescription("`301` or `302`, as Kinsta reports it.")
    public @Nullable String type;
  }

  /** A plugin or theme. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class Component {
    @JsonPropertyDescription("Its slug, e.g. `woocommerce`.")
    public @Nullable String name;

    @JsonPropertyDescription("Installed version.")
    public @Nullable String version;

    @JsonPropertyDescription("`active` or `inactive`, as Kinsta reports it.")
    public @Nullable String status;

    @JsonPropertyDescription("The version an update would bring; absent when none is available.")
    public @Nullable String updateVersion;
  }

  /** A backup of an environment. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class BackupEntry {
    @JsonPropertyDescription("Kinsta's id, for a restore action's backupId.")
    public @Nullable Long id;

    @JsonPropertyDescription("`manual`, `daily`, `hourly`, `system`, …, as Kinsta names it.")
    public @Nullable String type;

    @JsonPropertyDescription("When it was made (RFC 3339).")
    public @Nullable String createdAt;

    @JsonPropertyDescription("Its tag or note, if any.")
    public @Nullable String tag;
  }

  /** SFTP/SSH access of an environment. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class SshStatus {
    @JsonPropertyDescription("Whether SFTP/SSH is on.")
    public @Nullable Boolean enabled;

    @JsonPropertyDescription("Addresses allowed to connect; empty allows all.")
    public @Nullable List<String> allowedIps;

    @JsonPropertyDescription("Host to connect to.")
    public @Nullable String host;

    @JsonPropertyDescription("Port to connect to.")
    public @Nullable String port;

    @JsonPropertyDescription("User name to connect as.")
    public @Nullable String user;
  }

  /** An environment's additional SFTP accounts. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class SftpAccountsStatus {
    @JsonPropertyDescription("Whether the environment's additional SFTP accounts are on.")
    public @Nullable Boolean enabled;

    @JsonPropertyDescription("Port the accounts connect to.")
    public @Nullable String port;

    @JsonPropertyDescription("The accounts.")
    public List<SftpAccountStatus> accounts = new ArrayList<>();
  }

  /** One additional SFTP account, as Kinsta reports it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class SftpAccountStatus {
    @JsonPropertyDescription("Kinsta's id of the account.")
    public @Nullable String id;

    @JsonPropertyDescription("User name.")
    public @Nullable String username;

    @JsonPropertyDescription("The directory the account is confined to.")
    public @Nullable String rootDirectory;

    @JsonPropertyDescription("read or write.")
    public @Nullable String permission;

    @JsonPropertyDescription("Whether the account can log in.")
    public @Nullable Boolean active;

    @JsonPropertyDescription("The Secret that holds its password, when the spec lists it.")
    public @Nullable String passwordSecret;
  }

  /** The SFTP/SSH settings of one environment the operator last applied. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class AppliedSsh {
    @JsonPropertyDescription("Password authentication as last applied.")
    public @Nullable Boolean passwordAuthentication;

    @JsonPropertyDescription("Password expiration as last applied.")
    public SshSettings.@Nullable Expiration passwordExpiration;
  }

  /** One DNS record a domain of the environment needs. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class DomainDnsRecord {
    @JsonPropertyDescription("The environment's domain the record is for.")
    public @Nullable String domain;

    @JsonPropertyDescription(
        "`verification` (proves ownership, for the certificate) or `pointing` (points the domain"
            + " at the site).")
    public @Nullable String purpose;

    @JsonPropertyDescription("Record type, e.g. `CNAME` or `A`.")
    public @Nullable String type;

    @JsonPropertyDescription("Record name, as Kinsta gives it.")
    public @Nullable String name;

    @JsonPropertyDescription("Record value.")
    public @Nullable String value;

    public DomainDnsRecord() {}

    public DomainDnsRecord(String domain, String purpose, String type, String name, String value) {
      this.domain = domain;
      this.purpose = purpose;
      this.type = type;
      this.name = name;
      this.value = value;
    }
  }
}
