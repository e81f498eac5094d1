package dev.operators.kinsta.hosting.client;

import dev.operators.kinsta.hosting.client.dto.Application;
import dev.operators.kinsta.hosting.client.dto.ApplicationMetric;
import dev.operators.kinsta.hosting.client.dto.ApplicationSettings;
import dev.operators.kinsta.hosting.client.dto.ApplicationSummary;
import dev.operators.kinsta.hosting.client.dto.CreateApplicationRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Sevalla's v3 calls on applications: list, read, create, settings, delete, CDN and cache, metrics,
 * deployment hook.
 */
public interface Applications {
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

  /** {@code POST /applications/{id}/cdn/toggle}: flips the CDN and answers whether it is on. */
  boolean toggleCdn(String applicationId);

  /** {@code POST /applications/{id}/purge-cache}. */
  void purgeApplicationCache(String applicationId);

  /** {@code GET /applications/{id}/deployment-hook}: the hook's URL; empty when there is none. */
  Optional<String> deploymentHook(String applicationId);

  /** {@code POST /applications/{id}/deployment-hook}: the hook's URL (the existing one if any). */
  String enableDeploymentHook(String applicationId);

  /** {@code PUT /applications/{id}/deployment-hook}: a new URL; the old one stops working. */
  String rotateDeploymentHook(String applicationId);

  /** {@code DELETE /applications/{id}/deployment-hook}. */
  void disableDeploymentHook(String applicationId);

  /**
   * {@code GET /applications/{id}/metrics/…} over {@code [start, end]}, on the usage lane; empty
   * when Sevalla reports no point.
   */
  OptionalDouble applicationMetric(
      String applicationId, ApplicationMetric metric, Instant start, Instant end);
}
