package dev.operators.kinsta.wordpress.client;

import dev.operators.kinsta.transport.KinstaCredentials;
import dev.operators.kinsta.transport.KinstaRequest;
import dev.operators.kinsta.transport.KinstaTransport;
import dev.operators.kinsta.transport.budget.Lane;
import dev.operators.kinsta.wordpress.client.dto.AddDomainRequest;
import dev.operators.kinsta.wordpress.client.dto.CreateEnvironmentRequest;
import dev.operators.kinsta.wordpress.client.dto.DomainDnsRecords;
import dev.operators.kinsta.wordpress.client.dto.Environment;
import dev.operators.kinsta.wordpress.client.dto.OperationRef;
import dev.operators.kinsta.wordpress.client.dto.PushEnvironmentRequest;
import dev.operators.kinsta.wordpress.client.dto.SiteDomain;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@link Environments} over the Vert.x transport. */
final class VertxEnvironments extends KinstaEndpoints implements Environments {
  VertxEnvironments(KinstaTransport transport, KinstaCredentials credentials, boolean reporting) {
    super(transport, credentials, reporting);
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
  public OperationRef clearEdgeCache(
      String environmentId, boolean clearSubdirectories, @Nullable String url) {
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
}
