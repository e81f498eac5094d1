package dev.operators.kinsta.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OpenAPI 3.1 contract (Kinsta's or Sevalla's v2 document) used to route and check requests: the
 * path and method must exist, required parameters must be there with the right types, and the JSON
 * body must match the request schema. Response bodies can be checked the same way, which is how
 * tests prove the simulator answers in the contract's shapes.
 */
final class OpenApiContract {
  private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

  /** One operation of the contract. */
  record Route(
      String method, String template, String[] segments, int literals, JsonNode operation) {
    String key() {
      return method + " " + template;
    }
  }

  /** A request matched to a route, with its path parameters. */
  record Match(Route route, Map<String, String> pathParameters) {}

  private final String name;
  private final ObjectMapper json;
  private final JsonNode components;
  private final List<Route> routes = new ArrayList<>();
  private final SchemaRegistry registry =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  private OpenApiContract(String name, JsonNode document, ObjectMapper json) {
    this.name = name;
    this.json = json;
    this.components = nullableReferences(document.path("components").deepCopy());
    Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      String[] segments = split(path.getKey());
      int literals =
          (int) java.util.Arrays.stream(segments).filter(segment -> !isParameter(segment)).count();
      path.getValue()
          .fields()
          .forEachRemaining(
              method -> {
                if (METHODS.contains(method.getKey())) {
                  routes.add(
                      new Route(
                          method.getKey().toUpperCase(java.util.Locale.ROOT),
                          path.getKey(),
                          segments,
                          literals,
                          method.getValue()));
                }
              });
    }
    routes.sort(Comparator.comparingInt(Route::literals).reversed());
  }

  /**
   * Kinsta's generator writes a nullable object as {@code allOf: [{$ref}, {type: [object, null]}]},
   * which JSON Schema reads as never null (the reference alone must hold); its intent, and Kinsta's
   * answers, are {@code null} or the referenced object, so such an {@code allOf} is read as that.
   */
  private static JsonNode nullableReferences(JsonNode node) {
    if (node instanceof ObjectNode object) {
      JsonNode allOf = object.path("allOf");
      if (allOf.isArray()
          && allOf.size() == 2
          && allOf.get(0).has("$ref")
          && allOf.get(1).path("type").toString().contains("\"null\"")) {
        object.remove("allOf");
        ArrayNode anyOf = object.putArray("anyOf");
        anyOf.add(allOf.get(0));
        anyOf.addObject().put("type", "null");
      }
      object.fields().forEachRemaining(field -> nullableReferences(field.getValue()));
    } else if (node.isArray()) {
      node.forEach(OpenApiContract::nullableReferences);
    }
    return node;
  }

  static OpenApiContract load(String resource, ObjectMapper json) {
    try (InputStream in = OpenApiContract.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("contract not on the classpath: " + resource);
      }
      return new OpenApiContract(resource, json.readTree(in), json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String name() {
    return name;
  }

  List<Route> routes() {
    return List.copyOf(routes);
  }

  /** The most specific route for the path and method, if the contract has one. */
  Optional<Match> match(String method, String path) {
    String[] segments = split(path);
    for (Route route : routes) {
      if (route.method().equals(method)) {
        Map<String, String> parameters = bind(route.segments(), segments);
        if (parameters != null) {
          return Optional.of(new Match(route, parameters));
        }
      }
    }
    return Optional.empty();
  }

  /** Every way the request breaks the contract; empty when it conforms. */
  List<String> validateRequest(Match match, Map<String, String> query, JsonNode body) {
    List<String> problems = new ArrayList<>();
    for (JsonNode parameter : match.route().operation().path("parameters")) {
      String in = parameter.path("in").asText();
      String parameterName = parameter.path("name").asText();
      String value =
          switch (in) {
            case "query" -> query.get(parameterName);
            case "path" -> match.pathParameters().get(parameterName);
            default -> null;
          };
      if (value == null) {
        if (parameter.path("required").asBoolean(false)
            && ("query".equals(in) || "path".equals(in))) {
          problems.add("missing required " + in + " parameter '" + parameterName + "'");
        }
        continue;
      }
      typeProblem(parameter.path("schema"), value)
          .ifPresent(problem -> problems.add(in + " parameter '" + parameterName + "' " + problem));
    }
    JsonNode requestBody = match.route().operation().path("requestBody");
    if (!requestBody.isMissingNode()) {
      JsonNode schema = requestBody.path("content").path("application/json").path("schema");
      if (body == null || body.isMissingNode()) {
        if (requestBody.path("required").asBoolean(false)) {
          problems.add("a JSON request body is required");
        }
      } else if (!schema.isMissingNode()) {
        schema(match.route().key() + " request", schema)
            .validate(body)
            .forEach(error -> problems.add("body " + describe(error)));
      }
    } else if (body != null
        && !body.isMissingNode()
        && !body.isNull()
        && !(body.isObject() && body.isEmpty())) {
      problems.add("this endpoint takes no request body");
    }
    return problems;
  }

  /**
   * Every way a response body breaks the contract for that route and status; empty when it
   * conforms.
   */
  List<String> validateResponse(Route route, int status, JsonNode body) {
    JsonNode response = route.operation().path("responses").path(String.valueOf(status));
    if (response.isMissingNode()) {
      return status == 429
              || status == 404
              || status == 400
              || status == 401
              || status == 500
              || status == 503
          ? List.of()
          : List.of(route.key() + " has no documented " + status + " answer");
    }
    JsonNode content = response.path("content");
    if (!content.fields().hasNext()) {
      return List.of();
    }
    JsonNode schema = content.fields().next().getValue().path("schema");
    if (schema.isMissingNode()) {
      return List.of();
    }
    List<String> problems = new ArrayList<>();
    schema(route.key() + " " + status, schema)
        .validate(body)
        .forEach(error -> problems.add(route.key() + " " + status + " answer " + describe(error)));
    return problems;
  }

  private Schema schema(String cacheKey, JsonNode schema) {
    return schemas.computeIfAbsent(
        cacheKey,
        ignored -> {
          // The schema lives inside a document that carries the contract's components, so that
          // "#/components/schemas/…" references resolve in place.
          ObjectNode document = json.createObjectNode();
          document.put("$schema", "https://json-schema.org/draft/2020-12/schema");
          document.setAll((ObjectNode) schema.deepCopy());
          document.set("components", components);
          return registry.getSchema(document);
        });
  }

  private static Optional<String> typeProblem(JsonNode schema, String value) {
    List<String> types = new ArrayList<>();
    JsonNode type = schema.path("type");
    if (type.isArray()) {
      type.forEach(t -> types.add(t.asText()));
    } else if (type.isTextual()) {
      types.add(type.asText());
    }
    if (types.isEmpty() || types.contains("string")) {
      JsonNode allowed = schema.path("enum");
      if (allowed.isArray() && !value.isEmpty()) {
        for (JsonNode option : allowed) {
          if (option.asText().equals(value)) {
            return Optional.empty();
          }
        }
        return Optional.of("must be one of " + allowed + ", got '" + value + "'");
      }
      return Optional.empty();
    }
    if (types.contains("boolean") && ("true".equals(value) || "false".equals(value))) {
      return Optional.empty();
    }
    if ((types.contains("number") || types.contains("integer"))
        && value.matches("-?\\d+(\\.\\d+)?")) {
      return Optional.empty();
    }
    return Optional.of("must be of type " + types + ", got '" + value + "'");
  }

  private static String describe(Error error) {
    String at = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
    return (at.isEmpty() || "$".equals(at) ? "" : at + ": ") + error.getMessage();
  }

  private static Map<String, String> bind(String[] template, String[] actual) {
    if (template.length != actual.length) {
      return null;
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    for (int i = 0; i < template.length; i++) {
      if (isParameter(template[i])) {
        if (actual[i].isEmpty()) {
          return null;
        }
        parameters.put(
            template[i].substring(1, template[i].length() - 1),
            java.net.URLDecoder.decode(actual[i], java.nio.charset.StandardCharsets.UTF_8));
      } else if (!template[i].equals(actual[i])) {
        return null;
      }
    }
    return parameters;
  }

  private static boolean isParameter(String segment) {
    return segment.startsWith("{") && segment.endsWith("}");
  }

  private static String[] split(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    if (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
  }
}
