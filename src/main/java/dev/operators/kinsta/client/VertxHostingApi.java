package dev.operators.kinsta.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.operators.kinsta.client.dto.AppProcess;
import dev.operators.kinsta.client.dto.Application;
import dev.operators.kinsta.client.dto.ApplicationMetric;
import dev.operators.kinsta.client.dto.ApplicationSettings;
import dev.operators.kinsta.client.dto.ApplicationSummary;
import dev.operators.kinsta.client.dto.CreateDatabaseRequest;
import dev.operators.kinsta.client.dto.CreateDeploymentRequest;
import dev.operators.kinsta.client.dto.Database;
import dev.operators.kinsta.client.dto.DatabaseSummary;
import dev.operators.kinsta.client.dto.Deployment;
import dev.operators.kinsta.client.dto.InternalConnectionTarget;
import dev.operators.kinsta.client.dto.Promotion;
import dev.operators.kinsta.client.dto.StaticSite;
import dev.operators.kinsta.client.dto.StaticSiteDeployment;
import dev.operators.kinsta.client.dto.StaticSiteSettings;
import dev.operators.kinsta.client.dto.UpdateProcessRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** {@link HostingApi} over the Vert.x transport. */
final class VertxHostingApi implements HostingApi {
  /** Kinsta's list pages default to 10 items; larger pages mean fewer calls against the budget. */
  static final int PAGE_SIZE = 100;

  private static final int MAX_PAGES = 1_000;

  private final KinstaTransport transport;
  private final KinstaCredentials credentials;

  VertxHostingApi(KinstaTransport transport, KinstaCredentials credentials) {
    this.transport = transport;
    this.credentials = credentials;
  }

  @Override
  public List<DatabaseSummary> listDatabases() {
    // The spec answers {databases:{items}}, while an unused
    // schema wraps it in company; accept both.
    return pages(
        "/databases",
        answer -> {
          JsonNode items = answer.at("/databases/items");
          return items.isMissingNode() ? answer.at("/company/databases/items") : items;
        },
        DatabaseSummary.class);
  }

  @Override
  public Database getDatabase(String idOrName) {
    KinstaRequest request =
        KinstaRequest.get("/databases/{id}", idOrName)
            .query("internal", true)
            .query("external", true);
    return WireReader.read(request.endpoint(), call(request), "/database", Database.class);
  }

  @Override
  public String createDatabase(CreateDatabaseRequest body) {
    KinstaRequest request = KinstaRequest.post("/databases").body(body);
    return WireReader.required(request.endpoint(), call(request), "/database/id").asText();
  }

  @Override
  public void updateDatabase(
      String databaseId, @Nullable String resourceType, @Nullable String displayName) {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    if (resourceType != null) {
      body.put("resource_type", resourceType);
    }
    if (displayName != null) {
      body.put("display_name", displayName);
    }
    call(KinstaRequest.put("/databases/{id}", databaseId).body(body));
  }

  @Override
  public void deleteDatabase(String databaseId) {
    call(KinstaRequest.delete("/databases/{id}", databaseId));
  }

  @Override
  public List<ApplicationSummary> listApplications() {
    return pages(
        "/applications", answer -> answer.at("/company/apps/items"), ApplicationSummary.class);
  }

  @Override
  public Application getApplication(String idOrName) {
    KinstaRequest request = KinstaRequest.get("/applications/{id}", idOrName);
    return WireReader.read(request.endpoint(), call(request), "/app", Application.class);
  }

  @Override
  public ApplicationSettings updateApplication(String applicationId, ApplicationSettings settings) {
    KinstaRequest request = KinstaRequest.put("/applications/{id}", applicationId).body(settings);
    return WireReader.read(request.endpoint(), call(request), "/app", ApplicationSettings.class);
  }

  @Override
  public void deleteApplication(String applicationId) {
    call(KinstaRequest.delete("/applications/{id}", applicationId));
  }

  @Override
  public String createDeployment(CreateDeploymentRequest body) {
    KinstaRequest request = KinstaRequest.post("/applications/deployments").body(body);
    return WireReader.required(request.endpoint(), call(request), "/deployment/id").asText();
  }

  @Override
  public Deployment getDeployment(String deploymentId) {
    KinstaRequest request =
        KinstaRequest.get("/applications/deployments/{deployment_id}", deploymentId);
    return WireReader.read(request.endpoint(), call(request), "/deployment", Deployment.class);
  }

  @Override
  public AppProcess getProcess(String processId) {
    KinstaRequest request = KinstaRequest.get("/applications/processes/{id}", processId);
    return WireReader.read(request.endpoint(), call(request), "/process", AppProcess.class);
  }

  @Override
  public AppProcess updateProcess(String processId, UpdateProcessRequest body) {
    KinstaRequest request = KinstaRequest.put("/applications/processes/{id}", processId).body(body);
    return WireReader.read(request.endpoint(), call(request), "/process", AppProcess.class);
  }

  @Override
  public boolean toggleCdn(String applicationId) {
    KinstaRequest request =
        KinstaRequest.post("/applications/{id}/cdn/toggle-status", applicationId);
    return WireReader.required(request.endpoint(), call(request), "/isTurnedOn").asBoolean();
  }

  @Override
  public boolean toggleEdgeCache(String applicationId) {
    KinstaRequest request =
        KinstaRequest.post("/applications/{id}/edge-cache/toggle-status", applicationId);
    return WireReader.required(request.endpoint(), call(request), "/isTurnedOn").asBoolean();
  }

  @Override
  public void clearApplicationCache(String applicationId) {
    call(KinstaRequest.post("/applications/{id}/clear-cache", applicationId));
  }

  @Override
  public void createInternalConnection(
      String applicationId, InternalConnectionTarget targetType, String targetId) {
    call(
        KinstaRequest.post("/applications/{id}/internal-connections", applicationId)
            .body(Map.of("target_type", targetType.wireName(), "target_id", targetId)));
  }

  @Override
  public List<ApplicationSummary> listStaticSites() {
    return pages(
        "/static-sites",
        answer -> answer.at("/company/static_sites/items"),
        ApplicationSummary.class);
  }

  @Override
  public StaticSite getStaticSite(String staticSiteId) {
    KinstaRequest request = KinstaRequest.get("/static-sites/{id}", staticSiteId);
    return WireReader.read(request.endpoint(), call(request), "/static_site", StaticSite.class);
  }

  @Override
  public void updateStaticSite(String staticSiteId, StaticSiteSettings settings) {
    call(KinstaRequest.put("/static-sites/{id}", staticSiteId).body(settings));
  }

  @Override
  public void deleteStaticSite(String staticSiteId) {
    call(KinstaRequest.delete("/static-sites/{id}", staticSiteId));
  }

  @Override
  public StaticSiteDeployment deployStaticSite(String staticSiteId, @Nullable String branch) {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("static_site_id", staticSiteId);
    if (branch != null) {
      body.put("branch", branch);
    }
    KinstaRequest request = KinstaRequest.post("/static-sites/deployments").body(body);
    return WireReader.read(
        request.endpoint(), call(request), "/deployment", StaticSiteDeployment.class);
  }

  @Override
  public StaticSiteDeployment redeployStaticSite(
      String staticSiteId, @Nullable String deploymentId) {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("static_site_id", staticSiteId);
    if (deploymentId != null) {
      body.put("deployment_id", deploymentId);
    }
    KinstaRequest request = KinstaRequest.post("/static-sites/deployments/redeploy").body(body);
    return WireReader.read(
        request.endpoint(), call(request), "/deployment", StaticSiteDeployment.class);
  }

  @Override
  public StaticSiteDeployment getStaticSiteDeployment(String deploymentId) {
    KinstaRequest request =
        KinstaRequest.get("/static-sites/deployments/{deployment_id}", deploymentId);
    return WireReader.read(
        request.endpoint(), call(request), "/deployment", StaticSiteDeployment.class);
  }

  @Override
  public List<Promotion> promote(String sourceApplicationId, List<String> targetApplicationIds) {
    KinstaRequest request =
        KinstaRequest.post("/applications/promote")
            .body(
                Map.of(
                    "source_app_id", sourceApplicationId,
                    "target_app_ids", targetApplicationIds));
    return WireReader.readList(request.endpoint(), call(request), "/promote", Promotion.class);
  }

  @Override
  public ApplicationSummary createPreviewApp(
      String pipelineId, String branch, @Nullable Integer pullRequestNumber) {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("branch", branch);
    if (pullRequestNumber != null) {
      body.put("pull_request_number", pullRequestNumber);
    }
    KinstaRequest request =
        KinstaRequest.post("/pipelines/{id}/create-preview-app", pipelineId).body(body);
    // This answer spells displayName in camel case, unlike the rest of the API.
    JsonNode app = WireReader.required(request.endpoint(), call(request), "/app");
    return new ApplicationSummary(
        app.path("id").asText(),
        app.path("name").asText(),
        app.path("displayName").asText(app.path("display_name").asText()),
        null);
  }

  @Override
  public OptionalDouble applicationMetric(
      String applicationId, ApplicationMetric metric, Instant start, Instant end) {
    long seconds = Math.max(60, Duration.between(start, end).toSeconds());
    KinstaRequest request =
        VertxKinstaApi.report(
            KinstaRequest.get("/applications/{id}/metrics/" + metric.path, applicationId)
                .query("interval_in_seconds", seconds)
                .query("timeframe_start", start.toString())
                .query("timeframe_end", end.toString()));
    JsonNode app = call(request).path("app");
    List<JsonNode> series = new ArrayList<>();
    if (metric.perProcess) {
      app.path("processes").forEach(process -> series.add(process.at("/metrics/" + metric.series)));
    } else if (metric == ApplicationMetric.BUILD_TIME) {
      // One series per resource type; the newest build is the newest point of any.
      ArrayNode points = JsonNodeFactory.instance.arrayNode();
      app.at("/metrics/build_time").forEach(type -> type.path("data").forEach(points::add));
      return newest(points);
    } else {
      series.add(app.at("/metrics/" + metric.series));
    }
    OptionalDouble total = OptionalDouble.empty();
    for (JsonNode points : series) {
      OptionalDouble value = metric.summed ? sum(points) : newest(points);
      if (value.isPresent()) {
        total = OptionalDouble.of(total.orElse(0) + value.getAsDouble());
      }
    }
    return total;
  }

  private static OptionalDouble sum(JsonNode points) {
    OptionalDouble sum = OptionalDouble.empty();
    for (JsonNode point : points) {
      if (!point.path("value").asText("").isBlank()) {
        sum = OptionalDouble.of(sum.orElse(0) + point.path("value").asDouble());
      }
    }
    return sum;
  }

  private static OptionalDouble newest(JsonNode points) {
    OptionalDouble newest = OptionalDouble.empty();
    long newestTime = Long.MIN_VALUE;
    for (JsonNode point : points) {
      long time = point.path("time").asLong(Long.MIN_VALUE);
      if (time >= newestTime && !point.path("value").asText("").isBlank()) {
        newestTime = time;
        newest = OptionalDouble.of(point.path("value").asDouble());
      }
    }
    return newest;
  }

  private JsonNode call(KinstaRequest request) {
    return transport.call(credentials.apiKey(), credentials.companyId(), request);
  }

  /** Kinsta's lists give no total: read pages until one comes back short. */
  private <T> List<T> pages(String template, Function<JsonNode, JsonNode> items, Class<T> type) {
    List<T> all = new ArrayList<>();
    for (int page = 0; page < MAX_PAGES; page++) {
      KinstaRequest request =
          KinstaRequest.get(template)
              .query("company", credentials.companyId())
              .query("limit", PAGE_SIZE)
              .query("offset", page * PAGE_SIZE);
      JsonNode answer = call(request);
      List<T> batch = WireReader.readList(request.endpoint(), items.apply(answer), "", type);
      all.addAll(batch);
      if (batch.size() < PAGE_SIZE) {
        break;
      }
    }
    return all;
  }
}
