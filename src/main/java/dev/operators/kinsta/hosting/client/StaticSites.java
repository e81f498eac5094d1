package dev.operators.kinsta.hosting.client;

import dev.operators.kinsta.hosting.client.dto.ApplicationMetric;
import dev.operators.kinsta.hosting.client.dto.ApplicationSummary;
import dev.operators.kinsta.hosting.client.dto.CreateStaticSiteRequest;
import dev.operators.kinsta.hosting.client.dto.StaticSite;
import dev.operators.kinsta.hosting.client.dto.StaticSiteDeployment;
import dev.operators.kinsta.hosting.client.dto.StaticSiteSettings;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/** Sevalla's v3 calls on static sites and their deployments. */
public interface StaticSites {
  /** {@code GET /static-sites/{id}/metrics/…}, as {@link Applications#applicationMetric}. */
  OptionalDouble staticSiteMetric(
      String staticSiteId, ApplicationMetric metric, Instant start, Instant end);

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
}
