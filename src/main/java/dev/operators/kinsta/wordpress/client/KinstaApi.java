package dev.operators.kinsta.wordpress.client;

import dev.operators.kinsta.transport.budget.RateBudgets;
import dev.operators.kinsta.wordpress.client.dto.ActivityEntry;
import dev.operators.kinsta.wordpress.client.dto.AddDomainRequest;
import dev.operators.kinsta.wordpress.client.dto.ApiKeyInfo;
import dev.operators.kinsta.wordpress.client.dto.Backup;
import dev.operators.kinsta.wordpress.client.dto.CloneSiteRequest;
import dev.operators.kinsta.wordpress.client.dto.CompanyApiKey;
import dev.operators.kinsta.wordpress.client.dto.CompanyUser;
import dev.operators.kinsta.wordpress.client.dto.CreateEnvironmentRequest;
import dev.operators.kinsta.wordpress.client.dto.CreatePlainSiteRequest;
import dev.operators.kinsta.wordpress.client.dto.CreateSiteRequest;
import dev.operators.kinsta.wordpress.client.dto.DnsRecord;
import dev.operators.kinsta.wordpress.client.dto.DnsZone;
import dev.operators.kinsta.wordpress.client.dto.DomainDnsRecords;
import dev.operators.kinsta.wordpress.client.dto.Environment;
import dev.operators.kinsta.wordpress.client.dto.OperationRef;
import dev.operators.kinsta.wordpress.client.dto.OperationStatus;
import dev.operators.kinsta.wordpress.client.dto.PushEnvironmentRequest;
import dev.operators.kinsta.wordpress.client.dto.RedirectRule;
import dev.operators.kinsta.wordpress.client.dto.Region;
import dev.operators.kinsta.wordpress.client.dto.SftpAccounts;
import dev.operators.kinsta.wordpress.client.dto.Site;
import dev.operators.kinsta.wordpress.client.dto.SiteDomain;
import dev.operators.kinsta.wordpress.client.dto.SiteUsage;
import dev.operators.kinsta.wordpress.client.dto.SshConfig;
import dev.operators.kinsta.wordpress.client.dto.WordPressComponent;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Kinsta's WordPress API ({@code https://api.kinsta.com/v2}), bound to one company's credentials.
 * Methods that return an {@link OperationRef} start an asynchronous operation: poll it with {@link
 * #getOperation}. Every failure is a {@link KinstaApiException}.
 */
public interface KinstaApi {

  /**
   * Takes one of the company's creation permits ahead of a creation call this thread is about to
   * prepare; throws {@link KinstaApiException.RateLimited} with the time until one is there.
   * Closing the hold gives the permit back unless a creation call used it.
   */
  RateBudgets.CreationHold holdCreation();

  /** {@code GET /validate}: the key's company, status and expiry. */
  ApiKeyInfo validate();

  /** {@code GET /company/{id}/available-regions}. */
  List<Region> regions();

  /** {@code GET /company/{id}/users}. */
  List<CompanyUser> companyUsers();

  /** {@code GET /sites/{site_id}/usage/…/this-month}: one usage figure, on the usage lane. */
  double siteUsageThisMonth(String siteId, SiteUsage usage);

  /**
   * {@code GET /sites/environments/{env_id}/analytics/diskspace}: the newest disk-space figure of
   * the last seven days, on the usage lane; empty when Kinsta has none.
   */
  OptionalDouble diskSpace(String environmentId);

  /** {@code GET /sites/environments/{env_id}/downloadable-backups}: how many there are. */
  int downloadableBackupCount(String environmentId);

  /** {@code GET /company/{id}/api-keys}: names, status and expiry of the company's keys. */
  List<CompanyApiKey> apiKeys();

  /**
   * {@code GET /company/{id}/activity-logs}: a page of the company's activity log, newest first.
   */
  List<ActivityEntry> activityLog(int limit, int offset);

  /**
   * {@code GET /operations/{operation_id}}: 202 running, 200 done, 500 failed, 404 unknown (yet).
   */
  OperationStatus getOperation(String operationId);

  /** {@code GET /sites?company=}: every site of the company, with environments when asked. */
  List<Site> listSites(boolean includeEnvironments);

  /** {@code GET /sites/{site_id}}. */
  Site getSite(String siteId);

  /** {@code POST /sites}: create a site with WordPress. */
  OperationRef createSite(CreateSiteRequest request);

  /** {@code POST /sites/plain}: create a site without WordPress. */
  OperationRef createPlainSite(CreatePlainSiteRequest request);

  /** {@code POST /sites/clone}: create a site from another site's environment. */
  OperationRef cloneSite(CloneSiteRequest request);

  /** {@code DELETE /sites/{site_id}}. */
  OperationRef deleteSite(String siteId);

  /**
   * {@code POST /sites/{site_id}/change-site-php-allocation}: PHP threads and memory of live and
   * standard staging.
   */
  OperationRef changeSitePhpAllocation(String siteId, int threadCount, int threadMemory);

  /** {@code GET /sites/{site_id}/environments}. */
  List<Environment> listEnvironments(String siteId);

  /** {@code POST /sites/{site_id}/environments}: a staging environment with WordPress. */
  OperationRef createEnvironment(String siteId, CreateEnvironmentRequest request);

  /** {@code POST /sites/{site_id}/environments/plain}: an empty staging environment. */
  OperationRef createPlainEnvironment(String siteId, String displayName, boolean premium);

  /**
   * {@code POST /sites/{site_id}/environments/clone}: a staging environment copied from another
   * one.
   */
  OperationRef cloneEnvironment(
      String siteId, String displayName, boolean premium, String sourceEnvironmentId);

  /** {@code PUT /sites/{site_id}/environments}: push one environment onto another. */
  OperationRef pushEnvironment(String siteId, PushEnvironmentRequest request);

  /** {@code DELETE /sites/environments/{env_id}}. */
  OperationRef deleteEnvironment(String environmentId);

  /**
   * {@code POST /sites/environments/{env_id}/change-environment-php-allocation} (premium staging).
   */
  OperationRef changeEnvironmentPhpAllocation(
      String environmentId, int threadCount, int threadMemory);

  /** {@code POST /sites/environments/{env_id}/change-webroot-subfolder}; {@code ""} resets it. */
  OperationRef changeWebrootSubfolder(String environmentId, String subfolder);

  /** {@code POST /sites/tools/clear-cache}. */
  OperationRef clearCache(String environmentId);

  /** {@code POST /sites/tools/restart-php}. */
  OperationRef restartPhp(String environmentId);

  /** {@code PUT /sites/tools/modify-php-version}. */
  OperationRef modifyPhpVersion(String environmentId, String phpVersion);

  /** {@code GET /sites/tools/denied-ips}. */
  List<String> getDeniedIps(String environmentId);

  /** {@code PUT /sites/tools/denied-ips}: synchronous. */
  void updateDeniedIps(String environmentId, List<String> ipList);

  /** {@code POST /sites/edge-caching/clear}; {@code url} may be null for the whole environment. */
  OperationRef clearEdgeCache(String environmentId, boolean clearSubdirectories, String url);

  /** {@code PUT /sites/edge-caching/status}. */
  OperationRef setEdgeCaching(String environmentId, boolean enabled);

  /** {@code POST /sites/cdn/clear-cache}. */
  OperationRef clearCdnCache(String environmentId, String cdnCacheId);

  /** {@code PUT /sites/cdn/image-optimization}: {@code off}, {@code lossy} or {@code lossless}. */
  OperationRef setImageOptimization(String environmentId, String type);

  /** {@code GET /sites/environments/{env_id}/ssh/get-status}: whether SFTP/SSH is on. */
  boolean sshEnabled(String environmentId);

  /** {@code POST /sites/environments/{env_id}/ssh/set-status} (synchronous). */
  void setSshEnabled(String environmentId, boolean enabled);

  /** {@code POST /sites/environments/{env_id}/ssh/set-password-status} (synchronous). */
  void setSshPasswordAuthentication(String environmentId, boolean enabled);

  /**
   * {@code GET /sites/environments/{env_id}/ssh/get-allowed-ips}: the addresses allowed to connect
   * (empty: any).
   */
  List<String> sshAllowedIps(String environmentId);

  /** {@code POST /sites/environments/{env_id}/ssh/set-allowed-ips} (synchronous). */
  void setSshAllowedIps(String environmentId, List<String> addresses);

  /**
   * {@code POST /sites/environments/{env_id}/ssh/change-expiration-interval}: {@code hours_24},
   * {@code days_7}, {@code days_30}, {@code days_90} or {@code never}.
   */
  void setSshExpiration(String environmentId, String interval);

  /** {@code GET /sites/{site_id}/environments/{env_id}/ssh/config}. */
  SshConfig sshConfig(String siteId, String environmentId);

  /** {@code GET /sites/environments/{env_id}/redirect-rules}, every page. */
  List<RedirectRule> redirectRules(String environmentId);

  /** {@code POST /sites/environments/{env_id}/redirect-rules}, action {@code NEW} (synchronous). */
  void addRedirectRule(String environmentId, RedirectRule rule);

  /**
   * {@code POST /sites/environments/{env_id}/redirect-rules}, action {@code DELETE} (synchronous).
   */
  void deleteRedirectRule(String environmentId, RedirectRule rule);

  /**
   * {@code PUT /sites/environments/{env_id}/additional-sftp-accounts/toggle-status}: the
   * environment's additional SFTP accounts on or off.
   */
  OperationRef setSftpAccountsEnabled(String environmentId, boolean enabled);

  /** {@code GET /sites/environments/{env_id}/additional-sftp-accounts}. */
  SftpAccounts sftpAccounts(String environmentId);

  /**
   * {@code POST /sites/environments/{env_id}/additional-sftp-accounts}; the password (16 characters
   * or more) is redacted from every log and error.
   */
  OperationRef addSftpAccount(
      String environmentId,
      String username,
      String password,
      String rootDirectory,
      String permission);

  /** {@code DELETE /sites/environments/additional-sftp-accounts/{sftp_account_id}}. */
  OperationRef deleteSftpAccount(String accountId);

  /** {@code GET /domains?company=}: the company's zones in Kinsta DNS. */
  List<DnsZone> listDnsZones();

  /** {@code GET /domains/{domain_id}/dns-records}. */
  List<DnsRecord> listDnsRecords(String domainId);

  /** {@code POST /domains/{domain_id}/dns-records}: a new record set (type and name). */
  OperationRef createDnsRecord(String domainId, DnsRecord record);

  /**
   * {@code PUT /domains/{domain_id}/dns-records}: the record set of that type and name, its TTL and
   * the values to add and to remove.
   */
  OperationRef updateDnsRecord(
      String domainId, String type, String name, int ttl, List<String> added, List<String> removed);

  /** {@code DELETE /domains/{domain_id}/dns-records} (type and name in the body). */
  OperationRef deleteDnsRecord(String domainId, String type, String name);

  /** {@code GET /sites/environments/{env_id}/domains}. */
  List<SiteDomain> listDomains(String environmentId);

  /**
   * {@code GET /sites/environments/domains/{site_domain_id}/verification-records}: the DNS records
   * a domain of a site needs.
   */
  DomainDnsRecords domainDnsRecords(String siteDomainId);

  /** {@code POST /sites/environments/{env_id}/domains}. */
  OperationRef addDomain(String environmentId, AddDomainRequest request);

  /** {@code DELETE /sites/environments/{env_id}/domains} (ids in the body). */
  OperationRef deleteDomains(String environmentId, List<String> domainIds);

  /** {@code PUT /sites/environments/{env_id}/change-primary-domain}. */
  OperationRef changePrimaryDomain(
      String environmentId, String domainId, boolean runSearchAndReplace);

  /** {@code GET /sites/environments/{env_id}/backups}. */
  List<Backup> listBackups(String environmentId);

  /** {@code POST /sites/environments/{env_id}/manual-backups}. */
  OperationRef createManualBackup(String environmentId, String tag);

  /** {@code POST /sites/environments/{target_env_id}/backups/restore}. */
  OperationRef restoreBackup(String targetEnvironmentId, long backupId, String notifiedUserId);

  /** {@code DELETE /sites/environments/backups/{backup_id}}. */
  OperationRef deleteBackup(long backupId);

  /** {@code POST /sites/{site_id}/reset-site}: wipes the site, with a new admin password. */
  OperationRef resetSite(String siteId, String adminPassword);

  /** {@code GET /sites/environments/{env_id}/plugins}. */
  List<WordPressComponent> listPlugins(String environmentId);

  /** {@code GET /sites/environments/{env_id}/themes}. */
  List<WordPressComponent> listThemes(String environmentId);

  /** {@code PUT /sites/environments/{env_id}/plugins}: update one plugin to a version. */
  OperationRef updatePlugin(String environmentId, String name, String version);

  /** {@code PUT /sites/environments/{env_id}/themes}: update one theme to a version. */
  OperationRef updateTheme(String environmentId, String name, String version);

  /** {@code PUT /sites/environments/{env_id}/plugins/bulk-update}. */
  OperationRef bulkUpdatePlugins(String environmentId, List<String> names);

  /** {@code PUT /sites/environments/{env_id}/themes/bulk-update}. */
  OperationRef bulkUpdateThemes(String environmentId, List<String> names);

  /**
   * {@code POST /sites/environments/{env_id}/run-wp-cli-command}; the output arrives in the
   * operation's data.
   */
  OperationRef runWpCliCommand(String environmentId, String command);

  /**
   * {@code GET /sites/environments/{env_id}/logs}: {@code error}, {@code access} or {@code
   * kinsta-cache-perf}.
   */
  String getLogs(String environmentId, String fileName, int lines);
}
