package dev.operators.kinsta.wordpress.client;

import dev.operators.kinsta.wordpress.client.dto.ActivityEntry;
import dev.operators.kinsta.wordpress.client.dto.ApiKeyInfo;
import dev.operators.kinsta.wordpress.client.dto.CompanyApiKey;
import dev.operators.kinsta.wordpress.client.dto.CompanyUser;
import dev.operators.kinsta.wordpress.client.dto.Region;
import java.util.List;

/**
 * The Kinsta API's calls on the company behind the key: the key itself, regions, users, API keys,
 * activity.
 */
public interface Company {
  /** {@code GET /validate}: the key's company, status and expiry. */
  ApiKeyInfo validate();

  /** {@code GET /company/{id}/available-regions}. */
  List<Region> regions();

  /** {@code GET /company/{id}/users}. */
  List<CompanyUser> companyUsers();

  /** {@code GET /company/{id}/api-keys}: names, status and expiry of the company's keys. */
  List<CompanyApiKey> apiKeys();

  /**
   * {@code GET /company/{id}/activity-logs}: a page of the company's activity log, newest first.
   */
  List<ActivityEntry> activityLog(int limit, int offset);
}
