package dev.operators.kinsta.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a real API server would check on a custom resource, which the mock API server does not: the
 * CRD's OpenAPI schema (with unknown fields rejected, as structural schemas prune them) and its CEL
 * rules, including transition rules against an old object. Each problem is reported with the path
 * of the offending value.
 */
public final class CrdSchema {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final CelCompiler CEL =
      CelCompilerFactory.standardCelCompilerBuilder()
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .addVar("self", SimpleType.DYN)
          .addVar("oldSelf", SimpleType.DYN)
          .build();
  private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

  private final JsonNode openApi;
  private final Schema jsonSchema;

  private CrdSchema(JsonNode openApi) {
    this.openApi = openApi;
    this.jsonSchema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
            .getSchema(toJsonSchema(openApi.deepCopy()));
  }

  /** The v1alpha1 schema of a CRD file in {@code crds/}. */
  public static CrdSchema load(String crdFile) {
    JsonNode crd = readYaml(Path.of("crds", crdFile)).get(0);
    for (JsonNode version : crd.path("spec").path("versions")) {
      if ("v1alpha1".equals(version.path("name").asText())) {
        return new CrdSchema(version.path("schema").path("openAPIV3Schema"));
      }
    }
    throw new IllegalArgumentException("no v1alpha1 in " + crdFile);
  }

  public static List<JsonNode> readYaml(Path file) {
    try {
      List<JsonNode> documents = new ArrayList<>();
      YAML.readValues(YAML.getFactory().createParser(Files.readString(file)), JsonNode.class)
          .forEachRemaining(
              node -> {
                if (node != null && !node.isNull()) {
                  documents.add(node);
                }
              });
      return documents;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
  }

  /** Every problem a real API server would report when the object is created. */
  /** The files of {@code examples/} that hold a resource of {@code kind}. */
  public static java.util.stream.Stream<Path> examplesOf(String kind) throws java.io.IOException {
    return java.nio.file.Files.list(Path.of("examples"))
        .filter(p -> p.toString().endsWith(".yaml"))
        .sorted()
        .filter(p -> readYaml(p).stream().anyMatch(d -> kind.equals(d.path("kind").asText())));
  }

  /** The invalid samples in {@code src/test/resources/schema/<directory>}. */
  public static java.util.stream.Stream<Path> invalidSamples(String directory)
      throws java.io.IOException {
    return java.nio.file.Files.list(Path.of("src/test/resources/schema", directory)).sorted();
  }

  /** Checks that every resource of {@code kind} in {@code file} passes the schema. */
  public void assertValid(Path file, String kind) {
    for (JsonNode resource : readYaml(file)) {
      if (kind.equals(resource.path("kind").asText())) {
        org.junit.jupiter.api.Assertions.assertEquals(
            List.of(), problems(resource), file.toString());
      }
    }
  }

  /** Checks that the sample is rejected with every message its {@code # expect:} lines name. */
  public void assertRejected(Path file) throws java.io.IOException {
    List<String> expected =
        java.nio.file.Files.readAllLines(file).stream()
            .filter(l -> l.startsWith("# expect: "))
            .map(l -> l.substring("# expect: ".length()))
            .toList();
    org.junit.jupiter.api.Assertions.assertFalse(
        expected.isEmpty(), file + " says what it expects");
    List<String> problems = problems(readYaml(file).get(0));
    for (String message : expected) {
      org.junit.jupiter.api.Assertions.assertTrue(
          problems.stream().anyMatch(p -> p.contains(message)),
          file + ": expected '" + message + "' in " + problems);
    }
  }

  public List<String> problems(JsonNode object) {
    return problems(object, null);
  }

  /** Every problem a real API server would report when {@code old} is updated to {@code object}. */
  public List<String> problems(JsonNode object, JsonNode old) {
    ObjectNode body = object.deepCopy();
    body.remove(List.of("apiVersion", "kind", "metadata"));
    List<String> problems = new ArrayList<>();
    jsonSchema.validate(body).forEach(error -> problems.add(error.toString()));
    ObjectNode oldBody = null;
    if (old != null) {
      oldBody = old.deepCopy();
      oldBody.remove(List.of("apiVersion", "kind", "metadata"));
    }
    celRules(openApi, body, oldBody, "", problems);
    return problems;
  }

  private static void celRules(
      JsonNode schema, JsonNode value, JsonNode old, String path, List<String> problems) {
    if (value == null || value.isMissingNode() || value.isNull()) {
      return;
    }
    for (JsonNode rule : schema.path("x-kubernetes-validations")) {
      String expression = rule.path("rule").asText();
      boolean transition = expression.contains("oldSelf");
      if (transition && (old == null || old.isMissingNode() || old.isNull())) {
        continue;
      }
      if (!evaluate(expression, value, old)) {
        problems.add(
            (path.isEmpty() ? "<root>" : path)
                + rule.path("fieldPath").asText("")
                + ": "
                + rule.path("message").asText(expression));
      }
    }
    if (value.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
      while (properties.hasNext()) {
        Map.Entry<String, JsonNode> property = properties.next();
        celRules(
            property.getValue(),
            value.get(property.getKey()),
            old == null ? null : old.get(property.getKey()),
            path + "." + property.getKey(),
            problems);
      }
    } else if (value.isArray()) {
      duplicateKeys(schema, value, path, problems);
      for (int i = 0; i < value.size(); i++) {
        // Kubernetes correlates list items with their old
        // values only for map lists; these are atomic lists.
        celRules(schema.path("items"), value.get(i), null, path + "[" + i + "]", problems);
      }
    }
  }

  /** A list-type map (x-kubernetes-list-map-keys) holds each key once, as the API server checks. */
  private static void duplicateKeys(
      JsonNode schema, JsonNode list, String path, List<String> problems) {
    if (!"map".equals(schema.path("x-kubernetes-list-type").asText())) {
      return;
    }
    java.util.Set<List<String>> seen = new java.util.HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      List<String> key = new ArrayList<>();
      for (JsonNode field : schema.path("x-kubernetes-list-map-keys")) {
        key.add(list.get(i).path(field.asText()).asText());
      }
      if (!seen.add(key)) {
        String pointer = (path + "[" + i + "]").replaceAll("\\[(\\d+)]", "/$1").replace('.', '/');
        problems.add(pointer + ": Duplicate value");
      }
    }
  }

  private static boolean evaluate(String expression, JsonNode self, JsonNode oldSelf) {
    try {
      var ast = CEL.compile(expression).getAst();
      Map<String, Object> variables = new LinkedHashMap<>();
      variables.put("self", toCel(self));
      if (oldSelf != null) {
        variables.put("oldSelf", toCel(oldSelf));
      }
      Object result =
          RUNTIME.createProgram(ast).eval(name -> Optional.ofNullable(variables.get(name)));
      return Boolean.TRUE.equals(result);
    } catch (CelValidationException | CelEvaluationException e) {
      throw new IllegalStateException("CEL rule does not evaluate: " + expression, e);
    }
  }

  private static Object toCel(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.fields().forEachRemaining(e -> map.put(e.getKey(), toCel(e.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(item -> list.add(toCel(item)));
      return list;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.longValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    return node.asText();
  }

  /** OpenAPI v3 (Kubernetes flavour) to JSON Schema draft 4, strict about unknown fields. */
  private static JsonNode toJsonSchema(JsonNode node) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      object.remove("x-kubernetes-validations");
      if (object.path("x-kubernetes-int-or-string").asBoolean(false)) {
        object.remove("x-kubernetes-int-or-string");
        ArrayNode anyOf = object.putArray("anyOf");
        anyOf.addObject().put("type", "integer");
        anyOf.addObject().put("type", "string");
      }
      if (object.path("nullable").asBoolean(false) && object.has("type")) {
        ArrayNode types =
            JsonNodeFactory.instance.arrayNode().add(object.get("type").asText()).add("null");
        object.set("type", types);
      }
      object.remove("nullable");
      boolean preserve = object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
      if ("object".equals(object.path("type").asText())
          && !preserve
          && !object.has("additionalProperties")) {
        object.put("additionalProperties", false);
        if (!object.has("properties")) {
          object.putObject("properties");
        }
      }
      object.fields().forEachRemaining(e -> toJsonSchema(e.getValue()));
    } else if (node.isArray()) {
      node.forEach(CrdSchema::toJsonSchema);
    }
    return node;
  }
}
