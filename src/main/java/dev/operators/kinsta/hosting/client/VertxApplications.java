package dev.operators.kinsta.hosting.client;

import dev.operators.kinsta.hosting.client.dto.Application;
import dev.operators.kinsta.hosting.client.dto.ApplicationMetric;
import dev.operators.kinsta.hosting.client.dto.ApplicationSettings;
import dev.operators.kinsta.hosting.client.dto.ApplicationSummary;
import dev.operators.kinsta.hosting.client.dto.CreateApplicationRequest;
import dev.operators.kinsta.transport.KinstaApiException;
import dev.operators.kinsta.transport.KinstaCredentials;
import dev.operators.kinsta.transport.KinstaRequest;
import dev.operators.kinsta.transport.KinstaTransport;
import dev.operators.kinsta.transport.budget.Lane;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** {@link Applications} over the Vert.x transport. */
final class VertxApplications extends HostingEndpoints implements Applications {
  VertxApplications(KinstaTransport transport, KinstaCredentials credentials) {
    super(transport, credentials);
  }

  /** The answer of the deployment-hook calls. */
  private record DeploymentHookUrl(String url) {}

  private String hookUrl(KinstaRequest request) {
    return read(request, "", DeploymentHookUrl.class).url();
  }

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

  @Override
  public OptionalDouble applicationMetric(
      String applicationId, ApplicationMetric metric, Instant start, Instant end) {
    return metric(
        KinstaRequest.get("/applications/{id}/metrics/" + metric.path, applicationId),
        metric,
        start,
        end);
  }
}
