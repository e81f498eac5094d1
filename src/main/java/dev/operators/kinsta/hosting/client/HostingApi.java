package dev.operators.kinsta.hosting.client;

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
import dev.operators.kinsta.transport.budget.RateBudgets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * Sevalla's v3 API (applications, databases, static sites), bound to one company's API key. There
 * are no operation ids: progress shows in each object's {@code status} and in deployments. Lists
 * are read to their last page.
 */
public interface HostingApi {

  /**
   * Takes one of the company's creation permits (Sevalla's 20 an hour) before a creation is
   * prepared, so that creations waiting for the tier do not each list the company again at every
   * refusal; closing the hold gives it back unless the create call used it.
   */
  RateBudgets.CreationHold holdCreation();

  // ---- reference data

  /** {@code GET /resources/clusters}: the data centres, by region code. */
  List<Cluster> listClusters();

  /** {@code GET /resources/database-resource-types}: database sizes by name ({@code db1}…). */
  List<ResourceType> listDatabaseResourceTypes();

  /** {@code GET /projects}, every page. */
  List<Project> listProjects();

  // ---- databases

  /** {@code GET /databases}, every page. */
  List<DatabaseSummary> listDatabases();

  /** {@code GET /databases/{id}}. */
  Database getDatabase(String databaseId);

  /** {@code POST /databases}: answers the new database, {@code creating} at first. */
  DatabaseSummary createDatabase(CreateDatabaseRequest request);

  /** {@code PATCH /databases/{id}}: size (by resource type id) and display name. */
  void updateDatabase(
      String databaseId, @Nullable String resourceTypeId, @Nullable String displayName);

  /** {@code POST /databases/{id}/reset-password}: the status goes through passwordChange. */
  void resetDatabasePassword(String databaseId, String newPassword);

  /** {@code DELETE /databases/{id}}; the database disappears (404) some time later. */
  void deleteDatabase(String databaseId);

  /** {@code GET /databases/{id}/internal-connections}: where it is the source or the target. */
  List<InternalConnection> listInternalConnections(String databaseId);

  /** {@code POST /databases/{id}/internal-connections}: answers the connection's id. */
  String createInternalConnection(
      String databaseId, InternalConnectionTarget targetType, String targetId);

  /** {@code DELETE /databases/{id}/internal-connections/{connection_id}}. */
  void deleteInternalConnection(String databaseId, String connectionId);

  // ---- registry credentials

  /** {@code GET /docker-registries}, every page. */
  List<RegistryCredential> listRegistryCredentials();

  /** {@code POST /docker-registries}: answers the new credential's id. */
  String createRegistryCredential(String name, String registry, String username, String secret);

  /** {@code PATCH /docker-registries/{id}}: a new login for it. */
  void updateRegistryCredential(String credentialId, String username, String secret);

  /** {@code DELETE /docker-registries/{id}}. */
  void deleteRegistryCredential(String credentialId);

  // ---- applications

  /** {@code GET /applications}, every page. */
  List<ApplicationSummary> listApplications();

  /** {@code GET /applications/{id}}. */
  Application getApplication(String applicationId);

  /** {@code POST /applications}: no deployment starts until one is asked for. */
  Application createApplication(CreateApplicationRequest request);

  /** {@code PATCH /applications/{id}}: the settings given are changed, the rest left alone. */
  Application updateApplication(String applicationId, ApplicationSettings settings);

  /** {@code DELETE /applications/{id}}. */
  void deleteApplication(String applicationId);

  /** {@code GET /applications/{id}/processes}, every page. */
  List<AppProcess> listProcesses(String applicationId);

  /** {@code PATCH /applications/{id}/processes/{process_id}}. */
  AppProcess updateProcess(String applicationId, String processId, UpdateProcessRequest request);

  /** {@code POST /applications/{id}/deployments}: a branch, an image, or the default branch. */
  Deployment createDeployment(
      String applicationId, @Nullable String branch, @Nullable String dockerImage);

  /** {@code GET /applications/{id}/deployments/{deployment_id}}. */
  Deployment getDeployment(String applicationId, String deploymentId);

  /** The newest deployment of {@code GET /applications/{id}/deployments} (one item). */
  Optional<Deployment> latestDeployment(String applicationId);

  /** {@code POST /applications/{id}/cdn/toggle}: flips the CDN and answers whether it is on. */
  boolean toggleCdn(String applicationId);

  /** {@code POST /applications/{id}/purge-cache}. */
  void purgeApplicationCache(String applicationId);

  /**
   * {@code POST /pipelines/{id}/promote}: deploys the source's build onto each target; answers the
   * deployment started on each.
   */
  List<Promotion> promote(
      String pipelineId, String sourceApplicationId, List<String> targetApplicationIds);

  /** {@code GET /applications/{id}/deployment-hook}: the hook's URL; empty when there is none. */
  Optional<String> deploymentHook(String applicationId);

  /** {@code POST /applications/{id}/deployment-hook}: the hook's URL (the existing one if any). */
  String enableDeploymentHook(String applicationId);

  /** {@code PUT /applications/{id}/deployment-hook}: a new URL; the old one stops working. */
  String rotateDeploymentHook(String applicationId);

  /** {@code DELETE /applications/{id}/deployment-hook}. */
  void disableDeploymentHook(String applicationId);

  // ---- pipelines

  /** {@code GET /pipelines}, every page: stages without their branch or settings. */
  List<Pipeline> listPipelines();

  /** {@code GET /pipelines/{id}}: every stage with its branch and preview settings. */
  Pipeline getPipeline(String pipelineId);

  /**
   * {@code POST /pipelines} on the creation lane; Sevalla gives the new pipeline the stages Dev and
   * Production.
   */
  Pipeline createPipeline(CreatePipelineRequest body);

  /** {@code PATCH /pipelines/{id}} with the display name and type; null ones are not sent. */
  void updatePipeline(String pipelineId, @Nullable String displayName, @Nullable String type);

  /** {@code PATCH /pipelines/{id}} with {@code stage_order}: each stage id and its place. */
  void orderPipelineStages(String pipelineId, List<String> stageIdsInOrder);

  /** {@code DELETE /pipelines/{id}}: unlinks its applications and queues its preview apps. */
  void deletePipeline(String pipelineId);

  /** {@code POST /pipelines/{id}/stages}: a stage at {@code insertBefore}; answers it. */
  PipelineStage addPipelineStage(
      String pipelineId, String displayName, int insertBefore, @Nullable String branch);

  /** {@code DELETE /pipelines/{id}/stages/{stage_id}}. */
  void deletePipelineStage(String pipelineId, String stageId);

  /** {@code POST /pipelines/{id}/stages/{stage_id}/apps}. */
  void addApplicationToStage(String pipelineId, String stageId, String applicationId);

  /** {@code DELETE /pipelines/{id}/stages/{stage_id}/apps/{app_id}}. */
  void removeApplicationFromStage(String pipelineId, String stageId, String applicationId);

  /** {@code POST /pipelines/{id}/preview/enable}. */
  void enablePreviews(String pipelineId, PreviewSettings settings);

  /** {@code PUT /pipelines/{id}/preview}. */
  void updatePreviews(String pipelineId, PreviewSettings settings);

  /** {@code POST /pipelines/{id}/preview/disable}: Sevalla queues the preview apps for deletion. */
  void disablePreviews(String pipelineId);

  /**
   * {@code GET /applications/{id}/metrics/…} over {@code [start, end]}, on the usage lane; empty
   * when Sevalla reports no point.
   */
  OptionalDouble applicationMetric(
      String applicationId, ApplicationMetric metric, Instant start, Instant end);

  /** {@code GET /static-sites/{id}/metrics/…}, as {@link #applicationMetric}. */
  OptionalDouble staticSiteMetric(
      String staticSiteId, ApplicationMetric metric, Instant start, Instant end);

  // ---- static sites

  /** {@code GET /static-sites}, every page. */
  List<ApplicationSummary> listStaticSites();

  /** {@code GET /static-sites/{id}}. */
  StaticSite getStaticSite(String staticSiteId);

  /** {@code POST /static-sites}: Sevalla starts the first deployment itself. */
  StaticSite createStaticSite(CreateStaticSiteRequest request);

  /** {@code PATCH /static-sites/{id}}: the settings given (the others are left as they are). */
  void updateStaticSite(String staticSiteId, StaticSiteSettings settings);

  /** {@code DELETE /static-sites/{id}}. */
  void deleteStaticSite(String staticSiteId);

  /**
   * {@code POST /static-sites/{id}/deployments}: a branch (the default one when null), or a former
   * deployment again when {@code deploymentId} is given.
   */
  StaticSiteDeployment deployStaticSite(
      String staticSiteId, @Nullable String branch, @Nullable String deploymentId);

  /** {@code GET /static-sites/{id}/deployments/{deployment_id}}. */
  StaticSiteDeployment getStaticSiteDeployment(String staticSiteId, String deploymentId);

  /** The newest deployment of {@code GET /static-sites/{id}/deployments} (one item). */
  Optional<StaticSiteDeployment> latestStaticSiteDeployment(String staticSiteId);

  /** {@code POST /static-sites/{id}/pretty-url/toggle}: flips pretty URLs, answers the state. */
  boolean togglePrettyUrls(String staticSiteId);

  // ---- what applications, static sites and databases share

  /** {@code GET …/{id}/env-vars}, every page (values decrypted). */
  List<EnvVariable> listEnvVariables(HostedService service, String serviceId);

  /** {@code POST …/{id}/env-vars}. */
  void createEnvVariable(HostedService service, String serviceId, EnvVariable variable);

  /** {@code PUT …/{id}/env-vars/{env_var_id}}. */
  void updateEnvVariable(
      HostedService service, String serviceId, String variableId, EnvVariable variable);

  /** {@code DELETE …/{id}/env-vars/{env_var_id}}. */
  void deleteEnvVariable(HostedService service, String serviceId, String variableId);

  /** {@code GET …/{id}/domains}, every page: Sevalla's own domain and the custom ones. */
  List<HostedDomain> listDomains(HostedService service, String serviceId);

  /** {@code POST …/{id}/domains}. */
  HostedDomain addDomain(HostedService service, String serviceId, String name, boolean wildcard);

  /** {@code DELETE …/{id}/domains/{domain_id}}. */
  void deleteDomain(HostedService service, String serviceId, String domainId);

  /** {@code POST …/{id}/domains/{domain_id}/set-primary}. */
  void setPrimaryDomain(HostedService service, String serviceId, String domainId);

  /** {@code GET …/{id}/ip-restriction} (applications and databases). */
  IpRestrictionState getIpRestriction(HostedService service, String serviceId);

  /** {@code PUT …/{id}/ip-restriction}. */
  void putIpRestriction(HostedService service, String serviceId, IpRestrictionState restriction);

  /** {@code POST …/{id}/suspend} (applications and databases). */
  void suspend(HostedService service, String serviceId);

  /** {@code POST …/{id}/activate}: the service starts again, some time later. */
  void activate(HostedService service, String serviceId);

  // ---- more of applications

  /** {@code GET /resources/process-resource-types}: process sizes by name. */
  List<ResourceType> listProcessResourceTypes();

  /** {@code POST /applications/{id}/processes}: takes effect at the next deployment. */
  AppProcess createProcess(String applicationId, CreateProcessRequest request);

  /** {@code DELETE /applications/{id}/processes/{process_id}} (not the web process). */
  void deleteProcess(String applicationId, String processId);

  /** {@code GET /applications/{id}/private-ports}, every page. */
  List<ProcessPortState> listPrivatePorts(String applicationId);

  /** {@code POST /applications/{id}/private-ports}. */
  void createPrivatePort(String applicationId, String processId, int port);

  /** {@code DELETE /applications/{id}/private-ports/{private_port_id}}. */
  void deletePrivatePort(String applicationId, String portId);

  /** {@code GET /applications/{id}/tcp-proxies}, every page. */
  List<ProcessPortState> listTcpProxies(String applicationId);

  /** {@code POST /applications/{id}/tcp-proxies}. */
  void createTcpProxy(String applicationId, String processId, int port);

  /** {@code DELETE /applications/{id}/tcp-proxies/{tcp_proxy_id}}. */
  void deleteTcpProxy(String applicationId, String proxyId);

  /**
   * {@code POST /applications/{id}/deployments/rollback}: deploys the newest successful
   * deployment's build again; answers the new deployment.
   */
  Deployment rollback(String applicationId);

  /** {@code POST /applications/{id}/deployments/{deployment_id}/cancel}. */
  void cancelDeployment(String applicationId, String deploymentId);

  /**
   * {@code GET /applications/{id}/deployments/{deployment_id}/logs}: the last {@code limit} lines.
   */
  List<DeploymentLogLine> deploymentLogs(String applicationId, String deploymentId, int limit);

  // ---- more of databases

  /** {@code POST /databases/{id}/external-connection/toggle}: flips it, some time later. */
  void toggleExternalConnection(String databaseId);
}
