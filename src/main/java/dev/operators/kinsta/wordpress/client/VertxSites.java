package dev.operators.kinsta.wordpress.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.operators.kinsta.transport.KinstaCredentials;
import dev.operators.kinsta.transport.KinstaRequest;
import dev.operators.kinsta.transport.KinstaTransport;
import dev.operators.kinsta.transport.budget.Lane;
import dev.operators.kinsta.wordpress.client.dto.CloneSiteRequest;
import dev.operators.kinsta.wordpress.client.dto.CreatePlainSiteRequest;
import dev.operators.kinsta.wordpress.client.dto.CreateSiteRequest;
import dev.operators.kinsta.wordpress.client.dto.OperationRef;
import dev.operators.kinsta.wordpress.client.dto.Site;
import dev.operators.kinsta.wordpress.client.dto.SiteUsage;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** {@link Sites} over the Vert.x transport. */
final class VertxSites extends KinstaEndpoints implements Sites {
  VertxSites(KinstaTransport transport, KinstaCredentials credentials, boolean reporting) {
    super(transport, credentials, reporting);
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
}
