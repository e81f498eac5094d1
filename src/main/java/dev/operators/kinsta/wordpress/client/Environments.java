package dev.operators.kinsta.wordpress.client;

import dev.operators.kinsta.wordpress.client.dto.AddDomainRequest;
import dev.operators.kinsta.wordpress.client.dto.CreateEnvironmentRequest;
import dev.operators.kinsta.wordpress.client.dto.DomainDnsRecords;
import dev.operators.kinsta.wordpress.client.dto.Environment;
import dev.operators.kinsta.wordpress.client.dto.OperationRef;
import dev.operators.kinsta.wordpress.client.dto.PushEnvironmentRequest;
import dev.operators.kinsta.wordpress.client.dto.SiteDomain;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The Kinsta API's calls on a site's environments and their settings: create, clone, push, delete,
 * PHP, caches, CDN, webroot, domains.
 */
public interface Environments {
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

  /** {@code POST /sites/edge-caching/clear}; {@code url} may be null for the whole environment. */
  OperationRef clearEdgeCache(
      String environmentId, boolean clearSubdirectories, @Nullable String url);

  /** {@code PUT /sites/edge-caching/status}. */
  OperationRef setEdgeCaching(String environmentId, boolean enabled);

  /** {@code POST /sites/cdn/clear-cache}. */
  OperationRef clearCdnCache(String environmentId, String cdnCacheId);

  /** {@code PUT /sites/cdn/image-optimization}: {@code off}, {@code lossy} or {@code lossless}. */
  OperationRef setImageOptimization(String environmentId, String type);

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
}
