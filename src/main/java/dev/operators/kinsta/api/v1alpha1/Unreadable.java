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
  @Override
  public String toString() {
    return field + ": " + problem;
  }
}
