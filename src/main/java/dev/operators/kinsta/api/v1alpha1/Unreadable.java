package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Part of a resource (its spec or status) that the Java model cannot hold: a value of the wrong
 * type, an unknown enum value or an unknown field, as an API server that enforces no schema lets
 * through. The resource is kept with an empty part and this description, so that one bad resource
 * is reported on itself instead of stopping the informer that reads every resource of its kind.
 *
 * @param field the path of the offending value, e.g. {@code spec.environments.live.phpVersion}
 * @param problem what is wrong with it, with the value (shortened)
 * @param source the part as the API server holds it, for what can still be read from it
 */
public record Unreadable(String field, String problem, JsonNode source) {
  /** Whether the part as stored has this condition, e.g. one the operator wrote about it. */
  public boolean recordsCondition(String type, String reason, String message) {
    for (JsonNode condition : source.path("conditions")) {
      if (type.equals(condition.path("type").asText())
          && "True".equals(condition.path("status").asText())
          && reason.equals(condition.path("reason").asText())
          && message.equals(condition.path("message").asText())) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return field + ": " + problem;
  }
}
