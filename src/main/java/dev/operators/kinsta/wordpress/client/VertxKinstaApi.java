package dev.operators.kinsta.wordpress.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.operators.kinsta.transport.JsonEndpoints;
import dev.operators.kinsta.transport.KinstaCredentials;
import dev.operators.kinsta.transport.KinstaRequest;
import dev.operators.kinsta.transport.KinstaTransport;
import dev.operators.kinsta.transport.WireReader;
import dev.operators.kinsta.transport.budget.Lane;
import dev.operators.kinsta.transport.budget.Priority;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/** {@link KinstaApi} over the Vert.x transport. */
public final class VertxKinstaApi extends JsonEndpoints implements KinstaApi {
  private static final Set<Integer> OPERATION_ANSWERS = Set.of(404, 500);
  private static final int REDIRECT_PAGE = 100;

  private final KinstaTransport transport;
  private final KinstaCredentials credentials;
  private final boolean reporting;

  public VertxKinstaApi(KinstaTransport transport, KinstaCredentials credentials) {
    this(transport, credentials, false);
  }

  /** With {@code reporting}, every read goes on the usage lane at reporting priority. */
  public VertxKinstaApi(
      KinstaTransport transport, KinstaCredentials credentials, boolean reporting) {
    this.transport = transport;
    this.credentials = credentials;
    this.reporting = reporting;
  }

  @Override
  public RateBudgets.CreationHold holdCreation() {
    return transport.holdCreation(credentials.companyId());
  }

  @Override
  public ApiKeyInfo validate() {
    return read(KinstaRequest.get("/validate"), "", ApiKeyInfo.class);
  }

  @Override
  public List<Region> regions() {
    return readList(
        KinstaRequest.get("/company/{id}/available-regions", credentials.companyId()),
        "/company/available_regions",
        Region.class);
  }

  @Override
  public List<CompanyUser> companyUsers() {
    KinstaRequest request = KinstaRequest.get("/company/{id}/users", credentials.companyId());
    JsonNode users = call(request).at("/company/users");
    List<CompanyUser> result = new ArrayList<>();
    users.forEach(
        entry ->
            result.add(WireReader.read(request.endpoint(), entry, "/user", CompanyUser.class)));
    return result;
  }

  @Override
  public List<CompanyApiKey> apiKeys() {
    return readList(
        KinstaRequest.get("/company/{id}/api-keys", credentials.companyId()),
        "/api_keys",
        CompanyApiKey.class);
  }

  @Override
  public double siteUsageThisMonth(String siteId, SiteUsage usage) {
    return required(
            KinstaRequest.get("/sites/{site_id}/usage/" + usage.path + "/this-month", siteId)
                .asReport(),
            usage.pointer)
        .asDouble();
  }

  @Override
  public OptionalDouble diskSpace(String environmentId) {
    KinstaRequest request =
        KinstaRequest.get("/sites/environments/{env_id}/analytics/diskspace", environmentId)
            .query("company_id", credentials.companyId())
            .query("time_span", "7_days")
            .query("time_zone", "00:00")
            .asReport();
    JsonNode data = call(request).at("/analytics/analytics_response/data");
    OptionalDouble newest = OptionalDouble.empty();
    String newestKey = "";
    for (JsonNode series : data) {
      for (JsonNode point : series.path("dataset")) {
        String key = point.path("key").asText("");
        if (key.compareTo(newestKey) >= 0 && !point.path("value").asText("").isBlank()) {
          newestKey = key;
          newest = OptionalDouble.of(point.path("value").asDouble());
        }
      }
    }
    return newest;
  }

  @Override
  public OperationRef resetSite(String siteId, String adminPassword) {
    return operation(
        KinstaRequest.post("/sites/{site_id}/reset-site", siteId)
            .body(Map.of("admin_password", adminPassword)));
  }

  @Override
  public int downloadableBackupCount(String environmentId) {
    KinstaRequest request =
        KinstaRequest.get("/sites/environments/{env_id}/downloadable-backups", environmentId);
    return call(request).at("/environment/downloadable_backups").size();
  }

  /** A call for the metrics reports: on the usage lane, after everything else. */
  @Override
  public List<ActivityEntry> activityLog(int limit, int offset) {
    return readList(
        KinstaRequest.get("/company/{id}/activity-logs", credentials.companyId())
            .query("limit", limit)
            .query("offset", offset),
        "/company/activity_logs/items",
        ActivityEntry.class);
  }

  @Override
  public OperationStatus getOperation(String operationId) {
    KinstaRequest request =
        KinstaRequest.get("/operations/{operation_id}", operationId)
            .priority(Priority.OPERATION_POLL);
    KinstaTransport.Response response =
        transport.exchange(
            credentials.apiKey(), credentials.companyId(), request, OPERATION_ANSWERS);
    JsonNode body = response.body();
    // Kinsta documents HTTP 500 for a failed operation, but has also been seen answering HTTP 200
    // with
    // "status": 500 in the body; the body's status wins when present.
    int status =
        body.path("status").canConvertToInt() ? body.path("status").asInt() : response.status();
    OperationStatus.State state =
        switch (status) {
          case 200 -> OperationStatus.State.SUCCEEDED;
          case 404 -> OperationStatus.State.NOT_FOUND;
          case 202 -> OperationStatus.State.IN_PROGRESS;
          default ->
              status >= 400 ? OperationStatus.State.FAILED : OperationStatus.State.IN_PROGRESS;
        };
    String message = body.path("message").isTextual() ? body.path("message").asText() : null;
    JsonNode data = body.path("data").isMissingNode() ? null : body.path("data");
    return new OperationStatus(state, message, data);
  }

  @Override
  public List<Site> listSites(boolean includeEnvironments) {
    return readList(
        KinstaRequest.get("/sites")
            .query("company", credentials.companyId())
            .query("include_environments", includeEnvironments),
        "/company/sites",
        Site.class);
  }

  @Override
  public Site getSite(String siteId) {
    return read(KinstaRequest.get("/sites/{site_id}", siteId), "/site", Site.class);
  }

  @Override
  public OperationRef createSite(CreateSiteRequest body) {
    return operation(KinstaRequest.post("/sites").body(body).lane(Lane.CREATION));
  }

  @Override
  public OperationRef createPlainSite(CreatePlainSiteRequest body) {
    return operation(KinstaRequest.post("/sites/plain").body(body).lane(Lane.CREATION));
  }

  @Override
  public OperationRef cloneSite(CloneSiteRequest body) {
    return operation(KinstaRequest.post("/sites/clone").body(body).lane(Lane.CREATION));
  }

  @Override
  public OperationRef deleteSite(String siteId) {
    return operation(KinstaRequest.delete("/sites/{site_id}", siteId));
  }

  @Override
  public OperationRef changeSitePhpAllocation(String siteId, int threadCount, int threadMemory) {
    return operation(
        KinstaRequest.post("/sites/{site_id}/change-site-php-allocation", siteId)
            .body(Map.of("thread_count", threadCount, "thread_memory", threadMemory)));
  }

  @Override
  public List<Environment> listEnvironments(String siteId) {
    return readList(
        KinstaRequest.get("/sites/{site_id}/environments", siteId),
        "/site/environments",
        Environment.class);
  }

  @Override
  public OperationRef createEnvironment(String siteId, CreateEnvironmentRequest body) {
    return operation(
        KinstaRequest.post("/sites/{site_id}/environments", siteId).body(body).lane(Lane.CREATION));
  }

  @Override
  public OperationRef createPlainEnvironment(String siteId, String displayName, boolean premium) {
    return operation(
        KinstaRequest.post("/sites/{site_id}/environments/plain", siteId)
            .body(Map.of("display_name", displayName, "is_premium", premium))
            .lane(Lane.CREATION));
  }

  @Override
  public OperationRef cloneEnvironment(
      String siteId, String displayName, boolean premium, String sourceEnvId) {
    return operation(
        KinstaRequest.post("/sites/{site_id}/environments/clone", siteId)
            .body(
                Map.of(
                    "display_name",
                    displayName,
                    "is_premium",
                    premium,
                    "source_env_id",
                    sourceEnvId))
            .lane(Lane.CREATION));
  }

  @Override
  public OperationRef pushEnvironment(String siteId, PushEnvironmentRequest body) {
    return operation(KinstaRequest.put("/sites/{site_id}/environments", siteId).body(body));
  }

  @Override
  public OperationRef deleteEnvironment(String environmentId) {
    return operation(KinstaRequest.delete("/sites/environments/{env_id}", environmentId));
  }

  @Override
  public OperationRef changeEnvironmentPhpAllocation(
      String environmentId, int threadCount, int threadMemory) {
    return operation(
        KinstaRequest.post(
                "/sites/environments/{env_id}/change-environment-php-allocation", environmentId)
            .body(Map.of("thread_count", threadCount, "thread_memory", threadMemory)));
  }

  @Override
  public OperationRef changeWebrootSubfolder(String environmentId, String subfolder) {
    return operation(
        KinstaRequest.post("/sites/environments/{env_id}/change-webroot-subfolder", environmentId)
            .body(
                Map.of(
                    "web_root_subfolder",
                    subfolder,
                    "clear_all_cache",
                    true,
                    "refresh_plugins_and_themes",
                    true)));
  }

  @Override
  public OperationRef clearCache(String environmentId) {
    return operation(
        KinstaRequest.post("/sites/tools/clear-cache")
            .body(Map.of("environment_id", environmentId)));
  }

  @Override
  public OperationRef restartPhp(String environmentId) {
    return operation(
        KinstaRequest.post("/sites/tools/restart-php")
            .body(Map.of("environment_id", environmentId)));
  }

  @Override
  public OperationRef modifyPhpVersion(String environmentId, String phpVersion) {
    return operation(
        KinstaRequest.put("/sites/tools/modify-php-version")
            .body(Map.of("environment_id", environmentId, "php_version", phpVersion)));
  }

  @Override
  public List<String> getDeniedIps(String environmentId) {
    return readList(
        KinstaRequest.get("/sites/tools/denied-ips").query("environment_id", environmentId),
        "/environment/ip_list",
        String.class);
  }

  @Override
  public void updateDeniedIps(String environmentId, List<String> ipList) {
    call(
        KinstaRequest.put("/sites/tools/denied-ips")
            .body(Map.of("environment_id", environmentId, "ip_list", ipList)));
  }

  @Override
  public OperationRef clearEdgeCache(
      String environmentId, boolean clearSubdirectories, String url) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("environment_id", environmentId);
    body.put("clear_subdirectories", clearSubdirectories);
    if (url != null) {
      body.put("url", url);
    }
    return operation(KinstaRequest.post("/sites/edge-caching/clear").body(body));
  }

  @Override
  public OperationRef setEdgeCaching(String environmentId, boolean enabled) {
    return operation(
        KinstaRequest.put("/sites/edge-caching/status")
            .body(Map.of("environment_id", environmentId, "enabled", enabled)));
  }

  @Override
  public OperationRef clearCdnCache(String environmentId, String cdnCacheId) {
    return operation(
        KinstaRequest.post("/sites/cdn/clear-cache")
            .body(Map.of("environment_id", environmentId, "cdn_cache_id", cdnCacheId)));
  }

  @Override
  public OperationRef setImageOptimization(String environmentId, String type) {
    return operation(
        KinstaRequest.put("/sites/cdn/image-optimization")
            .body(Map.of("environment_id", environmentId, "image_optimization_type", type)));
  }

  @Override
  public boolean sshEnabled(String environmentId) {
    return read(
        KinstaRequest.get("/sites/environments/{env_id}/ssh/get-status", environmentId),
        "/environment/active_container/is_ssh_enabled",
        Boolean.class);
  }

  @Override
  public void setSshEnabled(String environmentId, boolean enabled) {
    call(
        KinstaRequest.post("/sites/environments/{env_id}/ssh/set-status", environmentId)
            .body(Map.of("is_enabled", enabled)));
  }

  @Override
  public void setSshPasswordAuthentication(String environmentId, boolean enabled) {
    call(
        KinstaRequest.post("/sites/environments/{env_id}/ssh/set-password-status", environmentId)
            .body(Map.of("is_enabled", enabled)));
  }

  @Override
  public List<String> sshAllowedIps(String environmentId) {
    KinstaRequest request =
        KinstaRequest.get("/sites/environments/{env_id}/ssh/get-allowed-ips", environmentId);
    // Kinsta spells the field "stfp".
    return WireReader.readList(
        request.endpoint(),
        call(request),
        "/environment/active_container/stfp_ip_allowlist",
        String.class);
  }

  @Override
  public void setSshAllowedIps(String environmentId, List<String> addresses) {
    call(
        KinstaRequest.post("/sites/environments/{env_id}/ssh/set-allowed-ips", environmentId)
            .body(Map.of("ip_allowlist", addresses)));
  }

  @Override
  public void setSshExpiration(String environmentId, String interval) {
    call(
        KinstaRequest.post(
                "/sites/environments/{env_id}/ssh/change-expiration-interval", environmentId)
            .body(Map.of("exp_interval", interval)));
  }

  @Override
  public SshConfig sshConfig(String siteId, String environmentId) {
    return read(
        KinstaRequest.get(
            "/sites/{site_id}/environments/{env_id}/ssh/config", siteId, environmentId),
        "",
        SshConfig.class);
  }

  @Override
  public List<RedirectRule> redirectRules(String environmentId) {
    List<RedirectRule> all = new ArrayList<>();
    while (true) {
      KinstaRequest request =
          KinstaRequest.get("/sites/environments/{env_id}/redirect-rules", environmentId)
              .query("limit", REDIRECT_PAGE)
              .query("offset", all.size());
      JsonNode answer = call(request);
      List<RedirectRule> page =
          WireReader.readList(
              request.endpoint(),
              answer,
              "/environment/container_info/redirect_rules/rules",
              RedirectRule.class);
      all.addAll(page);
      int count =
          WireReader.read(
              request.endpoint(),
              answer,
              "/environment/container_info/redirect_rules/redirect_rules_count",
              Integer.class);
      if (page.isEmpty() || all.size() >= count) {
        return all;
      }
    }
  }

  @Override
  public void addRedirectRule(String environmentId, RedirectRule rule) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("action_type", "NEW");
    body.put("new_value", wire(rule));
    call(
        KinstaRequest.post("/sites/environments/{env_id}/redirect-rules", environmentId)
            .body(body));
  }

  @Override
  public void deleteRedirectRule(String environmentId, RedirectRule rule) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("action_type", "DELETE");
    body.put("rules_to_update", List.of(wire(rule)));
    call(
        KinstaRequest.post("/sites/environments/{env_id}/redirect-rules", environmentId)
            .body(body));
  }

  /** Kinsta requires {@code domain} even when null (every domain): a JSON node keeps the null. */
  private static ObjectNode wire(RedirectRule rule) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    if (rule.domain() == null) {
      json.putNull("domain");
    } else {
      json.put("domain", rule.domain());
    }
    return json.put("from", rule.from()).put("to", rule.to()).put("type", rule.type());
  }

  @Override
  public List<DnsZone> listDnsZones() {
    return readList(
        KinstaRequest.get("/domains").query("company", credentials.companyId()),
        "/company/domains",
        DnsZone.class);
  }

  @Override
  public List<DnsRecord> listDnsRecords(String domainId) {
    return readList(
        KinstaRequest.get("/domains/{domain_id}/dns-records", domainId),
        "/domain/dns_records",
        DnsRecord.class);
  }

  @Override
  public OperationRef setSftpAccountsEnabled(String environmentId, boolean enabled) {
    return operation(
        KinstaRequest.put(
                "/sites/environments/{env_id}/additional-sftp-accounts/toggle-status",
                environmentId)
            .body(Map.of("enabled", enabled)));
  }

  @Override
  public SftpAccounts sftpAccounts(String environmentId) {
    KinstaRequest request =
        KinstaRequest.get("/sites/environments/{env_id}/additional-sftp-accounts", environmentId);
    JsonNode answer = call(request);
    List<SftpAccounts.Account> accounts =
        WireReader.readList(
            request.endpoint(),
            answer,
            "/environment/additional_sftp_accounts",
            SftpAccounts.Account.class);
    JsonNode port = answer.at("/environment/container_info/additional_sftp_accounts_port");
    return new SftpAccounts(accounts, port.isTextual() || port.isNumber() ? port.asText() : null);
  }

  @Override
  public OperationRef addSftpAccount(
      String environmentId,
      String username,
      String password,
      String rootDirectory,
      String permission) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("username", username);
    body.put("password", password);
    body.put("root_directory", rootDirectory);
    body.put("permission", permission);
    return operation(
        KinstaRequest.post("/sites/environments/{env_id}/additional-sftp-accounts", environmentId)
            .body(body));
  }

  @Override
  public OperationRef deleteSftpAccount(String accountId) {
    return operation(
        KinstaRequest.delete(
            "/sites/environments/additional-sftp-accounts/{sftp_account_id}", accountId));
  }

  @Override
  public OperationRef createDnsRecord(String domainId, DnsRecord record) {
    return operation(KinstaRequest.post("/domains/{domain_id}/dns-records", domainId).body(record));
  }

  @Override
  public OperationRef updateDnsRecord(
      String domainId,
      String type,
      String name,
      int ttl,
      List<String> added,
      List<String> removed) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("name", name);
    body.put("ttl", ttl);
    body.put("new_resource_records", added.stream().map(DnsRecord.Value::new).toList());
    body.put("removed_resource_records", removed.stream().map(DnsRecord.Value::new).toList());
    return operation(KinstaRequest.put("/domains/{domain_id}/dns-records", domainId).body(body));
  }

  @Override
  public OperationRef deleteDnsRecord(String domainId, String type, String name) {
    return operation(
        KinstaRequest.delete("/domains/{domain_id}/dns-records", domainId)
            .body(Map.of("type", type, "name", name)));
  }

  @Override
  public DomainDnsRecords domainDnsRecords(String siteDomainId) {
    return read(
        KinstaRequest.get(
            "/sites/environments/domains/{site_domain_id}/verification-records", siteDomainId),
        "/site_domain",
        DomainDnsRecords.class);
  }

  @Override
  public List<SiteDomain> listDomains(String environmentId) {
    return readList(
        KinstaRequest.get("/sites/environments/{env_id}/domains", environmentId),
        "/environment/site_domains",
        SiteDomain.class);
  }

  @Override
  public OperationRef addDomain(String environmentId, AddDomainRequest body) {
    return operation(
        KinstaRequest.post("/sites/environments/{env_id}/domains", environmentId).body(body));
  }

  @Override
  public OperationRef deleteDomains(String environmentId, List<String> domainIds) {
    return operation(
        KinstaRequest.delete("/sites/environments/{env_id}/domains", environmentId)
            .body(Map.of("domain_ids", domainIds)));
  }

  @Override
  public OperationRef changePrimaryDomain(
      String environmentId, String domainId, boolean runSearchAndReplace) {
    return operation(
        KinstaRequest.put("/sites/environments/{env_id}/change-primary-domain", environmentId)
            .body(Map.of("domain_id", domainId, "run_search_and_replace", runSearchAndReplace)));
  }

  @Override
  public List<Backup> listBackups(String environmentId) {
    return readList(
        KinstaRequest.get("/sites/environments/{env_id}/backups", environmentId),
        "/environment/backups",
        Backup.class);
  }

  @Override
  public OperationRef createManualBackup(String environmentId, String tag) {
    return operation(
        KinstaRequest.post("/sites/environments/{env_id}/manual-backups", environmentId)
            .body(Map.of("tag", tag == null ? "" : tag)));
  }

  @Override
  public OperationRef restoreBackup(
      String targetEnvironmentId, long backupId, String notifiedUserId) {
    return operation(
        KinstaRequest.post(
                "/sites/environments/{target_env_id}/backups/restore", targetEnvironmentId)
            .body(Map.of("backup_id", backupId, "notified_user_id", notifiedUserId)));
  }

  @Override
  public OperationRef deleteBackup(long backupId) {
    return operation(KinstaRequest.delete("/sites/environments/backups/{backup_id}", backupId));
  }

  @Override
  public List<WordPressComponent> listPlugins(String environmentId) {
    return readList(
        KinstaRequest.get("/sites/environments/{env_id}/plugins", environmentId),
        "/environment/container_info/wp_plugins/data",
        WordPressComponent.class);
  }

  @Override
  public List<WordPressComponent> listThemes(String environmentId) {
    return readList(
        KinstaRequest.get("/sites/environments/{env_id}/themes", environmentId),
        "/environment/container_info/wp_themes/data",
        WordPressComponent.class);
  }

  @Override
  public OperationRef updatePlugin(String environmentId, String name, String version) {
    return operation(
        KinstaRequest.put("/sites/environments/{env_id}/plugins", environmentId)
            .body(Map.of("name", name, "update_version", version)));
  }

  @Override
  public OperationRef updateTheme(String environmentId, String name, String version) {
    return operation(
        KinstaRequest.put("/sites/environments/{env_id}/themes", environmentId)
            .body(Map.of("name", name, "update_version", version)));
  }

  @Override
  public OperationRef bulkUpdatePlugins(String environmentId, List<String> names) {
    return operation(
        KinstaRequest.put("/sites/environments/{env_id}/plugins/bulk-update", environmentId)
            .body(Map.of("plugins", names.stream().map(name -> Map.of("name", name)).toList())));
  }

  @Override
  public OperationRef bulkUpdateThemes(String environmentId, List<String> names) {
    return operation(
        KinstaRequest.put("/sites/environments/{env_id}/themes/bulk-update", environmentId)
            .body(Map.of("themes", names.stream().map(name -> Map.of("name", name)).toList())));
  }

  @Override
  public OperationRef runWpCliCommand(String environmentId, String command) {
    return operation(
        KinstaRequest.post("/sites/environments/{env_id}/run-wp-cli-command", environmentId)
            .body(Map.of("wp_command", command)));
  }

  @Override
  public String getLogs(String environmentId, String fileName, int lines) {
    KinstaRequest request =
        KinstaRequest.get("/sites/environments/{env_id}/logs", environmentId)
            .query("file_name", fileName)
            .query("lines", lines)
            .lane(Lane.LOGS);
    return call(request).at("/environment/container_info/logs").asText("");
  }

  @Override
  protected JsonNode call(KinstaRequest request) {
    KinstaRequest sent = reporting && request.idempotent() ? request.asReport() : request;
    return transport.call(credentials.apiKey(), credentials.companyId(), sent);
  }

  private OperationRef operation(KinstaRequest request) {
    // Some endpoints document 200 but answer 202 with an
    // operation id; any 2xx with an id is asynchronous.
    JsonNode answer = call(request);
    String operationId = WireReader.required(request.endpoint(), answer, "/operation_id").asText();
    String message = answer.path("message").asText(null);
    return new OperationRef(operationId, message);
  }
}
