package dev.operators.kinsta.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.operators.kinsta.simulator.Exchange.Reply;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Sevalla's rate-limit tiers (SEVALLA-V3.md §2.4): service creation 20 an hour per company, changes
 * and deployments of one service 10 a minute, other writes 30 a minute, reads 400 a minute.
 */
record SevallaTier(String key, int limit, Duration window) {
  private static final Set<String> CREATIONS =
      Set.of("POST /applications", "POST /databases", "POST /static-sites", "POST /pipelines");

  /** Changes of one existing service: the service's id is the path's {@code id}. */
  private static final Set<String> SERVICE_CHANGES =
      Set.of(
          "PATCH /applications/{id}",
          "DELETE /applications/{id}",
          "PATCH /applications/{id}/processes/{process_id}",
          "POST /applications/{id}/deployments",
          "POST /applications/{id}/cdn/toggle",
          "PATCH /databases/{id}",
          "PATCH /pipelines/{id}",
          "DELETE /pipelines/{id}",
          "DELETE /databases/{id}",
          "POST /databases/{id}/reset-password",
          "PATCH /static-sites/{id}",
          "DELETE /static-sites/{id}",
          "POST /static-sites/{id}/deployments",
          "POST /static-sites/{id}/pretty-url/toggle");

  static SevallaTier reads(String company) {
    return new SevallaTier("sevalla-read:" + company, 400, Duration.ofMinutes(1));
  }

  /**
   * The tier of a request; {@code roomy} multiplies every limit by 100 (functional tests, local
   * mode's fast simulator), as the Kinsta limits are raised there.
   */
  static SevallaTier of(
      OpenApiContract.Route route,
      Map<String, String> pathParameters,
      String company,
      boolean roomy) {
    SevallaTier tier = of(route, pathParameters, company);
    return roomy ? new SevallaTier(tier.key, tier.limit * 100, tier.window) : tier;
  }

  private static SevallaTier of(
      OpenApiContract.Route route, Map<String, String> pathParameters, String company) {
    String endpoint = route.key();
    if ("GET".equals(route.method())) {
      return reads(company);
    }
    if (CREATIONS.contains(endpoint)) {
      return new SevallaTier("sevalla-create:" + company, 20, Duration.ofHours(1));
    }
    if (SERVICE_CHANGES.contains(endpoint)) {
      return new SevallaTier(
          "sevalla-service:" + company + ":" + pathParameters.get("id"), 10, Duration.ofMinutes(1));
    }
    return new SevallaTier("sevalla-write:" + company, 30, Duration.ofMinutes(1));
  }

  /**
   * Sevalla's error envelope: {@code {message, status, data: {code, message}}}, where the shared
   * error helper writes Kinsta's {@code data: null}.
   */
  static Reply sevallaShape(Reply answer) {
    JsonNode body = answer.body();
    if (answer.status() < 400 || !(body instanceof ObjectNode object) || !object.has("data")) {
      return answer;
    }
    if (object.get("data").isNull()) {
      ObjectNode copy = object.deepCopy();
      copy.putObject("data")
          .put("code", "err-sim-" + answer.status())
          .put("message", "If you need assistance, please contact support.");
      return new Reply(answer.status(), copy);
    }
    return answer;
  }
}
