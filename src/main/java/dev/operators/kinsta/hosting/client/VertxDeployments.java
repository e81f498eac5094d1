package dev.operators.kinsta.hosting.client;

import dev.operators.kinsta.hosting.client.dto.Deployment;
import dev.operators.kinsta.hosting.client.dto.DeploymentLogLine;
import dev.operators.kinsta.hosting.client.dto.Promotion;
import dev.operators.kinsta.transport.KinstaCredentials;
import dev.operators.kinsta.transport.KinstaRequest;
import dev.operators.kinsta.transport.KinstaTransport;
import dev.operators.kinsta.transport.budget.Lane;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** {@link Deployments} over the Vert.x transport. */
final class VertxDeployments extends HostingEndpoints implements Deployments {
  VertxDeployments(KinstaTransport transport, KinstaCredentials credentials) {
    super(transport, credentials);
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
}
