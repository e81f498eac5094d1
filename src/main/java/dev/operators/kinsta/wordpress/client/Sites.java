package dev.operators.kinsta.wordpress.client;

import dev.operators.kinsta.wordpress.client.dto.CloneSiteRequest;
import dev.operators.kinsta.wordpress.client.dto.CreatePlainSiteRequest;
import dev.operators.kinsta.wordpress.client.dto.CreateSiteRequest;
import dev.operators.kinsta.wordpress.client.dto.OperationRef;
import dev.operators.kinsta.wordpress.client.dto.Site;
import dev.operators.kinsta.wordpress.client.dto.SiteUsage;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The Kinsta API's calls on sites: list, read, create (new, plain, cloned), delete, reset, PHP
 * allocation, usage.
 */
public interface Sites {
  /** {@code GET /sites/{site_id}/usage/…/this-month}: one usage figure, on the usage lane. */
  double siteUsageThisMonth(String siteId, SiteUsage usage);

  /**
   * {@code GET /sites/environments/{env_id}/analytics/diskspace}: the newest disk-space figure of
   * the last seven days, on the usage lane; empty when Kinsta has none.
   */
  OptionalDouble diskSpace(String environmentId);

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

  /** {@code POST /sites/{site_id}/reset-site}: wipes the site, with a new admin password. */
  OperationRef resetSite(String siteId, String adminPassword);
}
