package dev.operators.kinsta.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;

/**
 * One authenticated, contract-checked request as an endpoint handler sees it, and what the handler
 * answers.
 */
final class Exchange {
  /** An endpoint of the simulated API. Runs under the simulator's lock. */
  @FunctionalInterface
  interface Handler {
    Reply handle(Exchange exchange);
  }

  /** An answer: status and JSON body. */
  record Reply(int status, JsonNode body) {
    static Reply ok(JsonNode body) {
      return new Reply(200, body);
    }

    /** Kinsta's error envelope: {@code {status, message, data: null}}. */
    static Reply error(int status, String message) {
      ObjectNode body = JsonNodeFactory.instance.objectNode();
      body.put("status", status);
      body.put("message", message);
      body.putNull("data");
      return new Reply(status, body);
    }

    static Reply notFound() {
      return error(404, "Could not find data or the user does not have permissions to retrieve it");
    }

    static Reply badRequest(String message) {
      return error(400, message);
    }
  }

  final String company;
  final String methodAndPath;
  final Map<String, String> pathParameters;
  final Map<String, String> query;
  final JsonNode body;
  final Instant now;

  Exchange(
      String company,
      String methodAndPath,
      Map<String, String> pathParameters,
      Map<String, String> query,
      JsonNode body,
      Instant now) {
    this.company = company;
    this.methodAndPath = methodAndPath;
    this.pathParameters = pathParameters;
    this.query = query;
    this.body = body == null ? MissingNode.getInstance() : body;
    this.now = now;
  }

  /**
   * A path parameter. Kinsta and Sevalla name a few differently ({@code {id}} and {@code
   * {process_id}}), so a route with a single parameter answers it under any name.
   */
  String path(String name) {
    String value = pathParameters.get(name);
    if (value == null && pathParameters.size() == 1) {
      return pathParameters.values().iterator().next();
    }
    return value;
  }

  String text(String field) {
    JsonNode value = body.path(field);
    return value.isMissingNode() || value.isNull() ? null : value.asText();
  }

  boolean flag(String field, boolean fallback) {
    JsonNode value = body.path(field);
    return value.isBoolean() ? value.asBoolean() : fallback;
  }

  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }
}
