package dev.operators.kinsta.hosting.client;

import dev.operators.kinsta.hosting.client.dto.ApplicationMetric;
import dev.operators.kinsta.hosting.client.dto.ApplicationSummary;
import dev.operators.kinsta.hosting.client.dto.CreateStaticSiteRequest;
import dev.operators.kinsta.hosting.client.dto.StaticSite;
import dev.operators.kinsta.hosting.client.dto.StaticSiteDeployment;
import dev.operators.kinsta.hosting.client.dto.StaticSiteSettings;
import dev.operators.kinsta.transport.KinstaCredentials;
import dev.operators.kinsta.transport.KinstaRequest;
import dev.operators.kinsta.transport.KinstaTransport;
import dev.operators.kinsta.transport.budget.Lane;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/** {@link StaticSites} over the Vert.x transport. */
final class VertxStaticSites extends HostingEndpoints implements StaticSites {
  VertxStaticSites(KinstaTransport transport, KinstaCredentials credentials) {
    super(transport, credentials);
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
}
