package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Map;

/**
 * A CRD generator customizer (build time only) that adds the JSON in {@code input} to a class's
 * generated schema, object by object: for what no annotation says, such as list-type maps and
 * descriptions of inherited fields.
 */
public final class SchemaAddition implements SchemaCustomizer.Customizer {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public JSONSchemaProps apply(
      JSONSchemaProps schema, String input, KubernetesSerialization serialization) {
    try {
      ObjectNode target = JSON.valueToTree(schema);
      merge(target, JSON.readTree(input));
      return JSON.treeToValue(target, JSONSchemaProps.class);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("not JSON: " + input, e);
    }
  }

  private static void merge(ObjectNode target, JsonNode addition) {
    for (Map.Entry<String, JsonNode> field : addition.properties()) {
      JsonNode existing = target.get(field.getKey());
      if (existing instanceof ObjectNode object && field.getValue().isObject()) {
        merge(object, field.getValue());
      } else {
        target.set(field.getKey(), field.getValue());
      }
    }
  }
}
