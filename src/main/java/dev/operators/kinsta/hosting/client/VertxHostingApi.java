package dev.operators.kinsta.hosting.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.operators.kinsta.hosting.client.dto.AppProcess;
import dev.operators.kinsta.hosting.client.dto.Application;
import dev.operators.kinsta.hosting.client.dto.ApplicationMetric;
import dev.operators.kinsta.hosting.client.dto.ApplicationSettings;
import dev.operators.kinsta.hosting.client.dto.ApplicationSummary;
import dev.operators.kinsta.hosting.client.dto.Cluster;
import dev.operators.kinsta.hosting.client.dto.CreateApplicationRequest;
import dev.operators.kinsta.hosting.client.dto.CreateDatabaseRequest;
import dev.operators.kinsta.hosting.client.dto.CreatePipelineRequest;
import dev.operators.kinsta.hosting.client.dto.CreateProcessRequest;
import dev.operators.kinsta.hosting.client.dto.CreateStaticSiteRequest;
import dev.operators.kinsta.hosting.client.dto.Database;
import dev.operators.kinsta.hosting.client.dto.DatabaseSummary;
import dev.operators.kinsta.hosting.client.dto.Deployment;
import dev.operators.kinsta.hosting.client.dto.DeploymentLogLine;
import dev.operators.kinsta.hosting.client.dto.EnvVariable;
import dev.operators.kinsta.hosting.client.dto.HostedDomain;
import dev.operators.kinsta.hosting.client.dto.InternalConnection;
import dev.operators.kinsta.hosting.client.dto.InternalConnectionTarget;
import dev.operators.kinsta.hosting.client.dto.IpRestrictionState;
import dev.operators.kinsta.hosting.client.dto.Pipeline;
import dev.operators.kinsta.hosting.client.dto.PipelineStage;
import dev.operators.kinsta.hosting.client.dto.PreviewSettings;
import dev.operators.kinsta.hosting.client.dto.ProcessPortState;
import dev.operators.kinsta.hosting.client.dto.Project;
import dev.operators.kinsta.hosting.client.dto.Promotion;
import dev.operators.kinsta.hosting.client.dto.RegistryCredential;
import dev.operators.kinsta.hosting.client.dto.ResourceType;
import dev.operators.kinsta.hosting.client.dto.StaticSite;
import dev.operators.kinsta.hosting.client.dto.StaticSiteDeployment;
import dev.operators.kinsta.hosting.client.dto.StaticSiteSettings;
import dev.operators.kinsta.hosting.client.dto.UpdateProcessRequest;
import dev.operators.kinsta.transport.JsonEndpoints;
import dev.operators.kinsta.transport.KinstaApiException;
import dev.operators.kinsta.transport.KinstaCredentials;
import dev.operators.kinsta.transport.KinstaRequest;
import dev.operators.kinsta.transport.KinstaTransport;
import dev.operators.kinsta.transport.WireReader;
import dev.operators.kinsta.transport.budget.Lane;
import dev.operators.kinsta.transport.budget.RateBudgets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * {@link HostingApi} over the Vert.x transport, in Sevalla v3's shapes: bare objects, pages of
 * {@code {data, total, offset, limit}}. Each call goes on the lane of Sevalla's tier for it:
 * creations, changes to one service (mutations and deployments), other writes, reads.
 */
public final class VertxHostingApi extends JsonEndpoints implements HostingApi {
  /** Sevalla's largest page; fewer pages mean fewer calls against the read tier. */
  static final int PAGE_SIZE = 100;

  /** Sevalla pages no further than offset 10000. */
  private static final int MAX_OFFSET = 10_000;

  private final KinstaTransport transport;
  private final KinstaCredentials credentials;

  public VertxHostingApi(KinstaTransport transport, KinstaCredentials credentials) {
    this.transport = transport;
    this.credentials = credentials;
  }

  @Override
  public RateBudgets.CreationHold holdCreation() {
    return transport.holdCreation(credentials.companyId());
  }

  // ---- reference data

  @Override
  public List<Cluster> listClusters() {
    return readList(KinstaRequest.get("/resources/clusters"), "", Cluster.class);
  }

  @Override
  public List<ResourceType> listDatabaseResourceTypes() {
    return readList(
        KinstaRequest.get("/resources/database-resource-types"), "", ResourceType.class);
  }

  @Override
  public List<Project> listProjects() {
    return pages("/projects", Project.class);
  }

  // ---- databases

  @Override
  public List<DatabaseSummary> listDatabases() {
    return pages("/databases", DatabaseSummary.class);
  }

  @Override
  public Database getDatabase(String databaseId) {
    return read(KinstaRequest.get("/databases/{id}", databaseId), "", Database.class);
  }

  @Override
  public DatabaseSummary createDatabase(CreateDatabaseRequest body) {
    return read(
        KinstaRequest.post("/databases").body(body).lane(Lane.CREATION), "", DatabaseSummary.class);
  }

  @Override
  public void updateDatabase(
      String databaseId, @Nullable String resourceTypeId, @Nullable String displayName) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (resourceTypeId != null) {
      body.put("resource_type_id", resourceTypeId);
    }
    if (displayName != null) {
      body.put("display_name", displayName);
    }
    call(KinstaRequest.patch("/databases/{id}", databaseId).body(body).onService(databaseId));
  }

  @Override
  public void resetDatabasePassword(String databaseId, String newPassword) {
    call(
        KinstaRequest.post("/databases/{id}/reset-password", databaseId)
            .body(Map.of("new_password", newPassword))
            .onService(databaseId));
  }

  @Override
  public void deleteDatabase(String databaseId) {
    call(KinstaRequest.delete("/databases/{id}", databaseId).onService(databaseId));
  }

  @Override
  public List<InternalConnection> listInternalConnections(String databaseId) {
    return readList(
        KinstaRequest.get("/databases/{id}/internal-connections", databaseId),
        "",
        InternalConnection.class);
  }

  @Override
  public String createInternalConnection(
      String databaseId, InternalConnectionTarget targetType, String targetId) {
    return required(
            KinstaRequest.post("/databases/{id}/internal-connections", databaseId)
                .body(Map.of("target_type", targetType.wireName(), "target_id", targetId))
                .lane(Lane.WRITE),
            "/id")
        .asText();
  }

  @Override
  public void deleteInternalConnection(String databaseId, String connectionId) {
    call(
        KinstaRequest.delete(
                "/databases/{id}/internal-connections/{connection_id}", databaseId, connectionId)
            .lane(Lane.WRITE));
  }

  // ---- registry credentials

  @Override
  public List<RegistryCredential> listRegistryCredentials() {
    return pages("/docker-registries", RegistryCredential.class);
  }

  @Override
  public String createRegistryCredential(
      String name, String registry, String username, String secret) {
    return required(
            KinstaRequest.post("/docker-registries")
                .body(
                    Map.of(
                        "name", name, "registry", registry, "username", username, "secret", secret))
                .lane(Lane.WRITE),
            "/id")
        .asText();
  }

  @Override
  public void updateRegistryCredential(String credentialId, String username, String secret) {
    call(
        KinstaRequest.patch("/docker-registries/{id}", credentialId)
            .body(Map.of("username", username, "secret", secret))
            .lane(Lane.WRITE));
  }

  @Override
  public void deleteRegistryCredential(String credentialId) {
    call(KinstaRequest.delete("/docker-registries/{id}", credentialId).lane(Lane.WRITE));
  }

  // ---- applications

  @Override
  public List<ApplicationSummary> listApplications() {
    return pages("/applications", ApplicationSummary.class);
  }

  @Override
  public Application getApplication(String applicationId) {
    return read(KinstaRequest.get("/applications/{id}", applicationId), "", Application.class);
  }

  @Override
  public Application createApplication(CreateApplicationRequest body) {
    return read(
        KinstaRequest.post("/applications").body(body).lane(Lane.CREATION), "", Application.class);
  }

  @Override
  public Application updateApplication(String applicationId, ApplicationSettings settings) {
    return read(
        KinstaRequest.patch("/applications/{id}", applicationId)
            .body(settings)
            .onService(applicationId),
        "",
        Application.class);
  }

  @Override
  public void deleteApplication(String applicationId) {
    call(KinstaRequest.delete("/applications/{id}", applicationId).onService(applicationId));
  }

  @Override
  public List<AppProcess> listProcesses(String applicationId) {
    return pages(
        () -> KinstaRequest.get("/applications/{id}/processes", applicationId), AppProcess.class);
  }

  @Override
  public AppProcess updateProcess(
      String applicationId, String processId, UpdateProcessRequest body) {
    return read(
        KinstaRequest.patch("/applications/{id}/processes/{process_id}", applicationId, processId)
            .body(body)
            .onService(applicationId),
        "",
        AppProcess.class);
  }

  @Override
  public Deployment createDeployment(
      String applicationId, @Nullable String branch, @Nullable String dockerImage) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (branch != null) {
      body.put("branch", branch);
    }
    if (dockerImage != null) {
      body.put("docker_image", dockerImage);
    }
    return read(
        KinstaRequest.post("/applications/{id}/deployments", applicationId)
            .body(body)
            .onService(applicationId),
        "",
        Deployment.class);
  }

  @Override
  public Deployment getDeployment(String applicationId, String deploymentId) {
    return read(
        KinstaRequest.get(
            "/applications/{id}/deployments/{deployment_id}", applicationId, deploymentId),
        "",
        Deployment.class);
  }

  @Override
  public Optional<Deployment> latestDeployment(String applicationId) {
    return readList(
            KinstaRequest.get("/applications/{id}/deployments", applicationId).query("limit", 1),
            "/data",
            Deployment.class)
        .stream()
        .findFirst();
  }

  @Override
  public boolean toggleCdn(String applicationId) {
    return required(
            KinstaRequest.post("/applications/{id}/cdn/toggle", applicationId)
                .onService(applicationId),
            "/is_turned_on")
        .asBoolean();
  }

  @Override
  public void purgeApplicationCache(String applicationId) {
    call(KinstaRequest.post("/applications/{id}/purge-cache", applicationId).lane(Lane.WRITE));
  }

  @Override
  public List<Promotion> promote(
      String pipelineId, String sourceApplicationId, List<String> targetApplicationIds) {
    return readList(
        KinstaRequest.post("/pipelines/{id}/promote", pipelineId)
            .body(
                Map.of(
                    "source_app_id", sourceApplicationId, "target_app_ids", targetApplicationIds))
            .lane(Lane.WRITE),
        "",
        Promotion.class);
  }

  @Override
  public Optional<String> deploymentHook(String applicationId) {
    try {
      KinstaRequest request =
          KinstaRequest.get("/applications/{id}/deployment-hook", applicationId);
      return Optional.of(hookUrl(request));
    } catch (KinstaApiException.NotFound none) {
      return Optional.empty();
    }
  }

  @Override
  public String enableDeploymentHook(String applicationId) {
    return hookUrl(
        KinstaRequest.post("/applications/{id}/deployment-hook", applicationId).lane(Lane.WRITE));
  }

  @Override
  public String rotateDeploymentHook(String applicationId) {
    return hookUrl(
        KinstaRequest.put("/applications/{id}/deployment-hook", applicationId).lane(Lane.WRITE));
  }

  @Override
  public void disableDeploymentHook(String applicationId) {
    call(
        KinstaRequest.delete("/applications/{id}/deployment-hook", applicationId).lane(Lane.WRITE));
  }

  private String hookUrl(KinstaRequest request) {
    return read(request, "", DeploymentHookUrl.class).url();
  }

  /** The answer of the deployment-hook calls. */
  private record DeploymentHookUrl(String url) {}

  // ---- pipelines

  @Override
  public List<Pipeline> listPipelines() {
    return pages("/pipelines", Pipeline.class);
  }

  @Override
  public Pipeline getPipeline(String pipelineId) {
    return read(KinstaRequest.get("/pipelines/{id}", pipelineId), "", Pipeline.class);
  }

  @Override
  public Pipeline createPipeline(CreatePipelineRequest body) {
    // Sevalla's "service creation" tier covers "other resources" too.
    return read(
        KinstaRequest.post("/pipelines").body(body).lane(Lane.CREATION), "", Pipeline.class);
  }

  @Override
  public void updatePipeline(
      String pipelineId, @Nullable String displayName, @Nullable String type) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (displayName != null) {
      body.put("display_name", displayName);
    }
    if (type != null) {
      body.put("type", type);
    }
    call(KinstaRequest.patch("/pipelines/{id}", pipelineId).body(body).onService(pipelineId));
  }

  @Override
  public void orderPipelineStages(String pipelineId, List<String> stageIdsInOrder) {
    List<Map<String, Object>> order = new ArrayList<>();
    for (int i = 0; i < stageIdsInOrder.size(); i++) {
      order.add(Map.of("stage_id", stageIdsInOrder.get(i), "order", i));
    }
    call(
        KinstaRequest.patch("/pipelines/{id}", pipelineId)
            .body(Map.of("stage_order", order))
            .onService(pipelineId));
  }

  @Override
  public void deletePipeline(String pipelineId) {
    call(KinstaRequest.delete("/pipelines/{id}", pipelineId).onService(pipelineId));
  }

  @Override
  public PipelineStage addPipelineStage(
      String pipelineId, String displayName, int insertBefore, @Nullable String branch) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("display_name", displayName);
    body.put("insert_before", insertBefore);
    if (branch != null) {
      body.put("branch", branch);
    }
    return read(
        KinstaRequest.post("/pipelines/{id}/stages", pipelineId).body(body).lane(Lane.WRITE),
        "",
        PipelineStage.class);
  }

  @Override
  public void deletePipelineStage(String pipelineId, String stageId) {
    call(
        KinstaRequest.delete("/pipelines/{id}/stages/{stage_id}", pipelineId, stageId)
            .lane(Lane.WRITE));
  }

  @Override
  public void addApplicationToStage(String pipelineId, String stageId, String applicationId) {
    call(
        KinstaRequest.post("/pipelines/{id}/stages/{stage_id}/apps", pipelineId, stageId)
            .body(Map.of("app_id", applicationId))
            .lane(Lane.WRITE));
  }

  @Override
  public void removeApplicationFromStage(String pipelineId, String stageId, String applicationId) {
    call(
        KinstaRequest.delete(
                "/pipelines/{id}/stages/{stage_id}/apps/{app_id}",
                pipelineId,
                stageId,
                applicationId)
            .lane(Lane.WRITE));
  }

  @Override
  public void enablePreviews(String pipelineId, PreviewSettings settings) {
    call(
        KinstaRequest.post("/pipelines/{id}/preview/enable", pipelineId)
            .body(settings)
            .lane(Lane.WRITE));
  }

  @Override
  public void updatePreviews(String pipelineId, PreviewSettings settings) {
    call(KinstaRequest.put("/pipelines/{id}/preview", pipelineId).body(settings).lane(Lane.WRITE));
  }

  @Override
  public void disablePreviews(String pipelineId) {
    call(KinstaRequest.post("/pipelines/{id}/preview/disable", pipelineId).lane(Lane.WRITE));
  }

  @Override
  public OptionalDouble applicationMetric(
      String applicationId, ApplicationMetric metric, Instant start, Instant end) {
    return metric(
        KinstaRequest.get("/applications/{id}/metrics/" + metric.path, applicationId),
        metric,
        start,
        end);
  }

  @Override
  public OptionalDouble staticSiteMetric(
      String staticSiteId, ApplicationMetric metric, Instant start, Instant end) {
    return metric(
        KinstaRequest.get("/static-sites/{id}/metrics/" + metric.path, staticSiteId),
        metric,
        start,
        end);
  }

  private OptionalDouble metric(
      KinstaRequest base, ApplicationMetric metric, Instant start, Instant end) {
    long seconds = Math.max(60, Duration.between(start, end).toSeconds());
    KinstaRequest request =
        base.query("from", start.toString())
            .query("to", end.toString())
            .query("interval_in_seconds", seconds)
            .asReport();
    JsonNode answer = call(request);
    return switch (metric) {
      case RESPONSE_TIME_AVERAGE -> {
        JsonNode average = answer.path("average_response_time_ms");
        yield average.isNumber() ? OptionalDouble.of(average.asDouble()) : OptionalDouble.empty();
      }
      case REQUESTS_PER_MINUTE -> newest(answer);
    };
  }

  /** The newest point of a series of {@code {time, value}} (ISO times sort as text). */
  private static OptionalDouble newest(JsonNode points) {
    OptionalDouble newest = OptionalDouble.empty();
    String newestTime = "";
    for (JsonNode point : points) {
      String time = point.path("time").asText("");
      if (time.compareTo(newestTime) >= 0 && point.path("value").isNumber()) {
        newestTime = time;
        newest = OptionalDouble.of(point.path("value").asDouble());
      }
    }
    return newest;
  }

  // ---- static sites

  @Override
  public List<ApplicationSummary> listStaticSites() {
    return pages("/static-sites", ApplicationSummary.class);
  }

  @Override
  public StaticSite getStaticSite(String staticSiteId) {
    return read(KinstaRequest.get("/static-sites/{id}", staticSiteId), "", StaticSite.class);
  }

  @Override
  public StaticSite createStaticSite(CreateStaticSiteRequest body) {
    return read(
        KinstaRequest.post("/static-sites").body(body).lane(Lane.CREATION), "", StaticSite.class);
  }

  @Override
  public void updateStaticSite(String staticSiteId, StaticSiteSettings settings) {
    call(
        KinstaRequest.patch("/static-sites/{id}", staticSiteId)
            .body(settings)
            .onService(staticSiteId));
  }

  @Override
  public void deleteStaticSite(String staticSiteId) {
    call(KinstaRequest.delete("/static-sites/{id}", staticSiteId).onService(staticSiteId));
  }

  @Override
  public StaticSiteDeployment deployStaticSite(
      String staticSiteId, @Nullable String branch, @Nullable String deploymentId) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (deploymentId != null) {
      body.put("deployment_id", deploymentId);
    } else if (branch != null) {
      body.put("branch", branch);
    }
    return read(
        KinstaRequest.post("/static-sites/{id}/deployments", staticSiteId)
            .body(body)
            .onService(staticSiteId),
        "",
        StaticSiteDeployment.class);
  }

  @Override
  public StaticSiteDeployment getStaticSiteDeployment(String staticSiteId, String deploymentId) {
    return read(
        KinstaRequest.get(
            "/static-sites/{id}/deployments/{deployment_id}", staticSiteId, deploymentId),
        "",
        StaticSiteDeployment.class);
  }

  @Override
  public Optional<StaticSiteDeployment> latestStaticSiteDeployment(String staticSiteId) {
    return readList(
            KinstaRequest.get("/static-sites/{id}/deployments", staticSiteId).query("limit", 1),
            "/data",
            StaticSiteDeployment.class)
        .stream()
        .findFirst();
  }

  @Override
  public boolean togglePrettyUrls(String staticSiteId) {
    return required(
            KinstaRequest.post("/static-sites/{id}/pretty-url/toggle", staticSiteId)
                .onService(staticSiteId),
            "/is_turned_on")
        .asBoolean();
  }

  // ---- what applications, static sites and databases share

  @Override
  public List<EnvVariable> listEnvVariables(HostedService service, String serviceId) {
    return pages(() -> sub(KinstaRequest::get, service, "/env-vars", serviceId), EnvVariable.class);
  }

  @Override
  public void createEnvVariable(HostedService service, String serviceId, EnvVariable variable) {
    call(sub(KinstaRequest::post, service, "/env-vars", serviceId).body(variable).lane(Lane.WRITE));
  }

  @Override
  public void updateEnvVariable(
      HostedService service, String serviceId, String variableId, EnvVariable variable) {
    call(
        sub(KinstaRequest::put, service, "/env-vars/{env_var_id}", serviceId, variableId)
            .body(variable)
            .lane(Lane.WRITE));
  }

  @Override
  public void deleteEnvVariable(HostedService service, String serviceId, String variableId) {
    call(
        sub(KinstaRequest::delete, service, "/env-vars/{env_var_id}", serviceId, variableId)
            .lane(Lane.WRITE));
  }

  @Override
  public List<HostedDomain> listDomains(HostedService service, String serviceId) {
    return pages(() -> sub(KinstaRequest::get, service, "/domains", serviceId), HostedDomain.class);
  }

  @Override
  public HostedDomain addDomain(
      HostedService service, String serviceId, String name, boolean wildcard) {
    return read(
        sub(KinstaRequest::post, service, "/domains", serviceId)
            .body(Map.of("domain_name", name, "is_wildcard", wildcard))
            .lane(Lane.WRITE),
        "",
        HostedDomain.class);
  }

  @Override
  public void deleteDomain(HostedService service, String serviceId, String domainId) {
    call(
        sub(KinstaRequest::delete, service, "/domains/{domain_id}", serviceId, domainId)
            .lane(Lane.WRITE));
  }

  @Override
  public void setPrimaryDomain(HostedService service, String serviceId, String domainId) {
    call(
        sub(KinstaRequest::post, service, "/domains/{domain_id}/set-primary", serviceId, domainId)
            .lane(Lane.WRITE));
  }

  @Override
  public IpRestrictionState getIpRestriction(HostedService service, String serviceId) {
    return read(
        sub(KinstaRequest::get, service, "/ip-restriction", serviceId),
        "",
        IpRestrictionState.class);
  }

  @Override
  public void putIpRestriction(
      HostedService service, String serviceId, IpRestrictionState restriction) {
    call(
        sub(KinstaRequest::put, service, "/ip-restriction", serviceId)
            .body(restriction)
            .onService(serviceId));
  }

  @Override
  public void suspend(HostedService service, String serviceId) {
    call(sub(KinstaRequest::post, service, "/suspend", serviceId).onService(serviceId));
  }

  @Override
  public void activate(HostedService service, String serviceId) {
    call(sub(KinstaRequest::post, service, "/activate", serviceId).onService(serviceId));
  }

  /** A path under one service, e.g. {@code /applications/{id}/domains}. */
  private static KinstaRequest sub(
      Verb verb, HostedService service, String below, Object... pathArgs) {
    return verb.request(service.collection + "/{id}" + below, pathArgs);
  }

  /** One of KinstaRequest's constructors by method. */
  @FunctionalInterface
  private interface Verb {
    KinstaRequest request(String template, Object... pathArgs);
  }

  // ---- more of applications

  @Override
  public List<ResourceType> listProcessResourceTypes() {
    return readList(KinstaRequest.get("/resources/process-resource-types"), "", ResourceType.class);
  }

  @Override
  public AppProcess createProcess(String applicationId, CreateProcessRequest body) {
    return read(
        KinstaRequest.post("/applications/{id}/processes", applicationId)
            .body(body)
            .lane(Lane.WRITE),
        "",
        AppProcess.class);
  }

  @Override
  public void deleteProcess(String applicationId, String processId) {
    call(
        KinstaRequest.delete("/applications/{id}/processes/{process_id}", applicationId, processId)
            .onService(applicationId));
  }

  @Override
  public List<ProcessPortState> listPrivatePorts(String applicationId) {
    return pages(
        () -> KinstaRequest.get("/applications/{id}/private-ports", applicationId),
        ProcessPortState.class);
  }

  @Override
  public void createPrivatePort(String applicationId, String processId, int port) {
    call(
        KinstaRequest.post("/applications/{id}/private-ports", applicationId)
            .body(Map.of("process_id", processId, "port", port))
            .lane(Lane.WRITE));
  }

  @Override
  public void deletePrivatePort(String applicationId, String portId) {
    call(
        KinstaRequest.delete(
                "/applications/{id}/private-ports/{private_port_id}", applicationId, portId)
            .lane(Lane.WRITE));
  }

  @Override
  public List<ProcessPortState> listTcpProxies(String applicationId) {
    return pages(
        () -> KinstaRequest.get("/applications/{id}/tcp-proxies", applicationId),
        ProcessPortState.class);
  }

  @Override
  public void createTcpProxy(String applicationId, String processId, int port) {
    call(
        KinstaRequest.post("/applications/{id}/tcp-proxies", applicationId)
            .body(Map.of("process_id", processId, "port", port))
            .lane(Lane.WRITE));
  }

  @Override
  public void deleteTcpProxy(String applicationId, String proxyId) {
    call(
        KinstaRequest.delete(
                "/applications/{id}/tcp-proxies/{tcp_proxy_id}", applicationId, proxyId)
            .lane(Lane.WRITE));
  }

  @Override
  public Deployment rollback(String applicationId) {
    return read(
        KinstaRequest.post("/applications/{id}/deployments/rollback", applicationId)
            .onService(applicationId),
        "",
        Deployment.class);
  }

  @Override
  public void cancelDeployment(String applicationId, String deploymentId) {
    call(
        KinstaRequest.post(
                "/applications/{id}/deployments/{deployment_id}/cancel",
                applicationId,
                deploymentId)
            .onService(applicationId));
  }

  @Override
  public List<DeploymentLogLine> deploymentLogs(
      String applicationId, String deploymentId, int limit) {
    return readList(
        KinstaRequest.get(
                "/applications/{id}/deployments/{deployment_id}/logs", applicationId, deploymentId)
            .query("limit", limit),
        "",
        DeploymentLogLine.class);
  }

  // ---- more of databases

  @Override
  public void toggleExternalConnection(String databaseId) {
    call(
        KinstaRequest.post("/databases/{id}/external-connection/toggle", databaseId)
            .onService(databaseId));
  }

  // ---- plumbing

  @Override
  protected JsonNode call(KinstaRequest request) {
    return transport.call(credentials.apiKey(), credentials.companyId(), request);
  }

  private <T> List<T> pages(String template, Class<T> type) {
    return pages(() -> KinstaRequest.get(template), type);
  }

  /** Every page: offsets advance by the page size until {@code total} items are read. */
  private <T> List<T> pages(Supplier<KinstaRequest> list, Class<T> type) {
    List<T> all = new ArrayList<>();
    for (int offset = 0; offset <= MAX_OFFSET; offset += PAGE_SIZE) {
      KinstaRequest request = list.get().query("limit", PAGE_SIZE).query("offset", offset);
      JsonNode answer = call(request);
      List<T> batch = WireReader.readList(request.endpoint(), answer, "/data", type);
      all.addAll(batch);
      long total = answer.path("total").asLong(all.size());
      if (batch.isEmpty() || all.size() >= total) {
        break;
      }
    }
    return all;
  }
}
