package dev.operators.kinsta.hosting.client;

import dev.operators.kinsta.hosting.client.dto.Deployment;
import dev.operators.kinsta.hosting.client.dto.DeploymentLogLine;
import dev.operators.kinsta.hosting.client.dto.Promotion;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Sevalla's v3 calls on an application's deployments: start, follow, roll back, cancel, logs,
 * promotion.
 */
public interface Deployments {
  /** {@code POST /applications/{id}/deployments}: a branch, an image, or the default branch. */
  Deployment createDeployment(
      String applicationId, @Nullable String branch, @Nullable String dockerImage);

  /** {@code GET /applications/{id}/deployments/{deployment_id}}. */
  Deployment getDeployment(String applicationId, String deploymentId);

  /** The newest deployment of {@code GET /applications/{id}/deployments} (one item). */
  Optional<Deployment> latestDeployment(String applicationId);

  /**
   * {@code POST /pipelines/{id}/promote}: deploys the source's build onto each target; answers the
   * deployment started on each.
   */
  List<Promotion> promote(
      String pipelineId, String sourceApplicationId, List<String> targetApplicationIds);

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
}
