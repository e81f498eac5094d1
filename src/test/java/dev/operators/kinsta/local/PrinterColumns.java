package dev.operators.kinsta.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders custom resources as a {@code meta.k8s.io/v1} Table from their CRD's {@code
 * additionalPrinterColumns}, as the real API server does for {@code kubectl get}. Column paths are
 * the simple JSONPath CRDs use: dotted fields, and {@code [?(@.field=="value")]} filters on lists.
 */
final class PrinterColumns {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern FILTER =
      Pattern.compile("\\[\\?\\(@\\.([A-Za-z0-9_]+)==[\"']([^\"']*)[\"']\\)\\]");

  private PrinterColumns() {}

  static ObjectNode table(JsonNode columns, List<JsonNode> objects, String resourceVersion) {
    ObjectNode table = NODES.objectNode().put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
    table.putObject("metadata").put("resourceVersion", resourceVersion);
    ArrayNode definitions = table.putArray("columnDefinitions");
    definitions.add(column("Name", "string", "name", 0));
    for (JsonNode column : columns) {
      definitions.add(
          column(
              column.path("name").asText(),
              column.path("type").asText("string"),
              column.path("format").asText(""),
              column.path("priority").asInt(0)));
    }
    ArrayNode rows = table.putArray("rows");
    Instant now = Instant.now();
    for (JsonNode object : objects) {
      ObjectNode row = rows.addObject();
      ArrayNode cells = row.putArray("cells");
      cells.add(object.path("metadata").path("name").asText());
      for (JsonNode column : columns) {
        JsonNode value = evaluate(object, column.path("jsonPath").asText());
        cells.add(cell(value, column.path("type").asText("string"), now));
      }
      ObjectNode partial = row.putObject("object");
      partial.put("kind", "PartialObjectMetadata").put("apiVersion", "meta.k8s.io/v1");
      partial.set("metadata", object.path("metadata"));
    }
    return table;
  }

  /** The value at a CRD column path, or a missing node. */
  static JsonNode evaluate(JsonNode object, String path) {
    JsonNode current = object;
    String rest = path.startsWith(".") ? path.substring(1) : path;
    while (!rest.isEmpty() && !current.isMissingNode()) {
      Matcher filter = FILTER.matcher(rest);
      if (filter.lookingAt()) {
        current = firstMatching(current, filter.group(1), filter.group(2));
        rest = rest.substring(filter.end());
      } else {
        int end = nextSeparator(rest);
        current = current.path(rest.substring(0, end));
        rest = rest.substring(end);
      }
      if (rest.startsWith(".")) {
        rest = rest.substring(1);
      }
    }
    return current;
  }

  private static JsonNode firstMatching(JsonNode list, String field, String value) {
    for (JsonNode element : list) {
      if (value.equals(element.path(field).asText())) {
        return element;
      }
    }
    return NODES.missingNode();
  }

  private static int nextSeparator(String rest) {
    int dot = rest.indexOf('.');
    int bracket = rest.indexOf('[');
    int end = rest.length();
    if (dot >= 0) {
      end = Math.min(end, dot);
    }
    if (bracket >= 0) {
      end = Math.min(end, bracket);
    }
    return end;
  }

  private static JsonNode cell(JsonNode value, String type, Instant now) {
    if (value.isMissingNode() || value.isNull()) {
      return NODES.textNode("");
    }
    if ("date".equals(type)) {
      try {
        return NODES.textNode(age(Duration.between(Instant.parse(value.asText()), now)));
      } catch (DateTimeParseException notADate) {
        return NODES.textNode(value.asText());
      }
    }
    return value.isValueNode() ? value : NODES.textNode(value.toString());
  }

  /** kubectl's short age format: 45s, 12m, 3h, 5d. */
  static String age(Duration age) {
    long seconds = Math.max(0, age.getSeconds());
    if (seconds < 120) {
      return seconds + "s";
    }
    if (seconds < 7200) {
      return seconds / 60 + "m";
    }
    if (seconds < 172_800) {
      return seconds / 3600 + "h";
    }
    return seconds / 86_400 + "d";
  }

  private static ObjectNode column(String name, String type, String format, int priority) {
    ObjectNode column =
        NODES
            .objectNode()
            .put("name", name)
            .put("type", type)
            .put("format", format)
            .put("description", "")
            .put("priority", priority);
    return column;
  }
}
