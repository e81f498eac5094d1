package dev.operators.kinsta.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.time.Duration;

/**
 * {@code /_simulator/…}: the control API for people and scripts driving a standalone simulator:
 * make companies and applications, finish operations, inject faults, read the journal. Not part of
 * Kinsta's API.
 */
final class ControlEndpoints {
  private final KinstaSimulator simulator;
  private final ObjectMapper json;

  ControlEndpoints(KinstaSimulator simulator, ObjectMapper json) {
    this.simulator = simulator;
    this.json = json;
  }

  void register(Router router) {
    router
        .post("/_simulator/companies")
        .handler(
            ctx -> {
              KinstaSimulator.SeededCompany company =
                  simulator.addCompany(text(ctx, "name", "Example Agency"));
              send(
                  ctx,
                  201,
                  json.createObjectNode()
                      .put("company_id", company.companyId())
                      .put("api_key", company.apiKey())
                      .put("user_id", company.userId()));
            });
    router
        .post("/_simulator/applications")
        .handler(
            ctx -> {
              String id =
                  simulator.seedApplication(
                      text(ctx, "company_id", null), text(ctx, "display_name", "App"));
              send(ctx, 201, json.createObjectNode().put("id", id));
            });
    router
        .post("/_simulator/sites")
        .handler(
            ctx -> {
              String id =
                  simulator.seedSite(
                      text(ctx, "company_id", null), text(ctx, "display_name", "Site"));
              send(ctx, 201, json.createObjectNode().put("id", id));
            });
    router
        .post("/_simulator/complete")
        .handler(
            ctx -> {
              simulator.completeAll();
              send(ctx, 200, json.createObjectNode().put("result", "completed"));
            });
    router.post("/_simulator/faults").handler(this::addFault);
    router
        .delete("/_simulator/faults")
        .handler(
            ctx -> {
              simulator.clearFaults();
              send(ctx, 200, json.createObjectNode().put("result", "cleared"));
            });
    router
        .get("/_simulator/journal")
        .handler(
            ctx -> {
              ArrayNode entries = json.createArrayNode();
              simulator
                  .journal()
                  .entries()
                  .forEach(
                      entry ->
                          entries
                              .addObject()
                              .put("at", entry.at().toString())
                              .put("company", entry.company())
                              .put("method", entry.method())
                              .put("path", entry.path())
                              .put("endpoint", entry.endpoint())
                              .put("status", entry.status()));
              send(ctx, 200, entries);
            });
  }

  private void addFault(RoutingContext ctx) {
    String kind = text(ctx, "kind", "");
    String request = text(ctx, "request", ".*");
    int times = body(ctx).path("times").asInt(1);
    Fault fault =
        switch (kind) {
          case "status" -> Fault.status(request, body(ctx).path("status").asInt(503), times);
          case "latency" ->
              Fault.latency(
                  request, Duration.ofMillis(body(ctx).path("millis").asLong(1000)), times);
          case "drop" -> Fault.drop(request, times);
          case "rate-limit" ->
              Fault.rateLimit(
                  text(ctx, "company_id", null),
                  Duration.ofSeconds(body(ctx).path("retry_after_seconds").asLong(5)),
                  times);
          case "fail-operation" ->
              Fault.failOperation(request, text(ctx, "message", "Simulated failure"), times);
          default -> null;
        };
    if (fault == null) {
      send(
          ctx,
          400,
          json.createObjectNode()
              .put("message", "kind must be status, latency, drop, rate-limit or fail-operation"));
      return;
    }
    simulator.addFault(fault);
    send(ctx, 201, json.createObjectNode().put("result", "added"));
  }

  private JsonNode body(RoutingContext ctx) {
    try {
      return ctx.body() == null || ctx.body().buffer() == null || ctx.body().length() <= 0
          ? json.createObjectNode()
          : json.readTree(ctx.body().buffer().getBytes());
    } catch (IOException notJson) {
      return json.createObjectNode();
    }
  }

  private String text(RoutingContext ctx, String field, String fallback) {
    JsonNode value = body(ctx).path(field);
    return value.isTextual() ? value.asText() : fallback;
  }

  private void send(RoutingContext ctx, int status, JsonNode body) {
    try {
      ctx.response()
          .setStatusCode(status)
          .putHeader("Content-Type", "application/json")
          .end(io.vertx.core.buffer.Buffer.buffer(json.writeValueAsBytes(body)));
    } catch (IOException e) {
      ctx.response().setStatusCode(500).end();
    }
  }
}
