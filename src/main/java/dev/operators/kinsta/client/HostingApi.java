package dev.operators.kinsta.client;

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
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * The application and database hosting API, bound to one company's credentials. Kinsta deprecated
 * these endpoints; Sevalla's v2 API serves them at the same paths, so the base URL is an operator
 * setting. These calls are synchronous: progress shows in the objects' {@code status}.
 */
public interface HostingApi {

  /** {@code GET /databases?company=} (all pages). */
  List<DatabaseSummary> listDatabases();

  /** {@code GET /databases/{id}} with internal and external connection details. */
  Database getDatabase(String idOrName);

  /**
   * {@code POST /databases}: answers the new id at once; the database then becomes {@code ready}.
   */
  String createDatabase(CreateDatabaseRequest request);

  /** {@code PUT /databases/{id}}: size and display name. */
  void updateDatabase(
      String databaseId, @Nullable String resourceType, @Nullable String displayName);

  /** {@code DELETE /databases/{id}}; the database disappears (404) some time later. */
  void deleteDatabase(String databaseId);

  /** {@code GET /applications?company=} (all pages). */
  List<ApplicationSummary> listApplications();

  /** {@code GET /static-sites}, every page: id, name, display name and status of each. */
  List<ApplicationSummary> listStaticSites();

  /** {@code GET /static-sites/{id}}. */
  StaticSite getStaticSite(String staticSiteId);

  /** {@code PUT /static-sites/{id}}: the settings given (the others are left as they are). */
  void updateStaticSite(String staticSiteId, StaticSiteSettings settings);

  /** {@code DELETE /static-sites/{id}}. */
  void deleteStaticSite(String staticSiteId);

  /** {@code POST /static-sites/deployments}: deploys a branch (the default one when null). */
  StaticSiteDeployment deployStaticSite(String staticSiteId, @Nullable String branch);

  /** {@code POST /static-sites/deployments/redeploy}: deploys a deployment again. */
  StaticSiteDeployment redeployStaticSite(String staticSiteId, @Nullable String deploymentId);

  /** {@code GET /static-sites/deployments/{deployment_id}}. */
  StaticSiteDeployment getStaticSiteDeployment(String deploymentId);

  /**
   * {@code POST /applications/promote}: deploys the source's current deployment onto each target;
   * answers the deployment started on each (synchronous, not an operation).
   */
  List<Promotion> promote(String sourceApplicationId, List<String> targetApplicationIds);

  /**
   * {@code POST /pipelines/{id}/create-preview-app}: a new application for a branch (and pull
   * request); answers its id, name and display name.
   */
  ApplicationSummary createPreviewApp(
      String pipelineId, String branch, @Nullable Integer pullRequestNumber);

  /**
   * {@code GET /applications/{id}/metrics/…} over {@code [start, end]}, as one number (see {@link
   * ApplicationMetric}), on the usage lane; empty when Kinsta reports no point.
   */
  OptionalDouble applicationMetric(
      String applicationId, ApplicationMetric metric, Instant start, Instant end);

  /** {@code GET /applications/{id}} (also by name). */
  Application getApplication(String idOrName);

  /** {@code PUT /applications/{id}}: the settings given are changed, the rest left alone. */
  ApplicationSettings updateApplication(String applicationId, ApplicationSettings settings);

  /** {@code DELETE /applications/{id}}. */
  void deleteApplication(String applicationId);

  /** {@code POST /applications/deployments}: answers the deployment id. */
  String createDeployment(CreateDeploymentRequest request);

  /** {@code GET /applications/deployments/{deployment_id}}. */
  Deployment getDeployment(String deploymentId);

  /** {@code GET /applications/processes/{id}}. */
  AppProcess getProcess(String processId);

  /** {@code PUT /applications/processes/{id}}. */
  AppProcess updateProcess(String processId, UpdateProcessRequest request);

  /**
   * {@code POST /applications/{id}/cdn/toggle-status}: flips the CDN and answers whether it is now
   * on.
   */
  boolean toggleCdn(String applicationId);

  /**
   * {@code POST /applications/{id}/edge-cache/toggle-status}: flips edge caching and answers
   * whether it is on.
   */
  boolean toggleEdgeCache(String applicationId);

  /** {@code POST /applications/{id}/clear-cache}. */
  void clearApplicationCache(String applicationId);

  /**
   * {@code POST /applications/{id}/internal-connections}: synchronous; Kinsta offers no way to
   * remove one.
   */
  void createInternalConnection(
      String applicationId, InternalConnectionTarget targetType, String targetId);
}
