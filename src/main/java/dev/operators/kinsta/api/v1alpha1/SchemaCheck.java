package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * What the API server checks on a resource of one kind, checked again by the operator: the OpenAPI
 * schema of the CRD in {@code crds/} (unknown fields rejected, as structural schemas prune them)
 * and its CEL rules. An API server that does not enforce them (CRDs older than the operator, a
 * server without CEL) then changes nothing: an invalid spec is reported, never sent to Kinsta.
 * Transition rules ({@code oldSelf}) need the previous object, which only the API server has; the
 * operator checks none of them.
 */
public final class SchemaCheck {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  // Absent and null are the same in a spec: a field left out is not managed.
  private static final ObjectMapper SPEC_WRITER =
      JsonMapper.builder()
          .defaultPropertyInclusion(
              JsonInclude.Value.construct(
                  JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
          .build();
  private static final CelCompiler CEL =
      CelCompilerFactory.standardCelCompilerBuilder()
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .addVar("self", SimpleType.DYN)
          .addVar("oldSelf", SimpleType.DYN)
          .build();
  private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();
  private static final Map<String, CelRuntime.Program> PROGRAMS = new ConcurrentHashMap<>();
  private static final Map<Class<?>, SchemaCheck> BY_KIND = new ConcurrentHashMap<>();
  private static final AtomicBoolean WARMED_UP = new AtomicBoolean();

  private final JsonNode openApi;
  private final Schema jsonSchema;

  private SchemaCheck(JsonNode openApi) {
    this.openApi = openApi;
    this.jsonSchema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
            .getSchema(toJsonSchema(openApi.deepCopy()));
  }

  /**
   * The check of a kind, from the CRD the operator's jar carries. The first call also compiles
   * every kind's rules on a thread of its own, so the first resource of each other kind does not
   * wait for them; an operator with nothing to check never loads the schema and CEL libraries.
   */
  public static SchemaCheck of(Class<? extends HasMetadata> kind) {
    warmUp();
    return BY_KIND.computeIfAbsent(
        kind,
        k -> {
          String file =
              "crds/" + HasMetadata.getPlural(k) + "." + HasMetadata.getGroup(k) + "-v1.yml";
          try (InputStream in = SchemaCheck.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
              throw new IllegalStateException(file + " is not on the class path");
            }
            return fromCrd(YAML.readTree(in), HasMetadata.getVersion(k));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /**
   * Loads and compiles every kind's check on a thread of its own, once: the operator calls it at
   * start when there are resources to check, so that the first reconciles do not wait for it.
   */
  public static void warmUp() {
    if (WARMED_UP.compareAndSet(false, true)) {
      Thread warmUp =
          new Thread(
              () -> ApiGroup.KINDS.forEach(other -> of(other).precompile()),
              "kinsta-schema-warm-up");
      warmUp.setDaemon(true);
      warmUp.start();
    }
  }

  /** Compiles every CEL rule of the schema now, not when a resource first needs it. */
  public SchemaCheck precompile() {
    precompile(openApi);
    return this;
  }

  private static void precompile(JsonNode schema) {
    for (JsonNode rule : schema.path("x-kubernetes-validations")) {
      program(rule.path("rule").asText());
    }
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      precompile(property.getValue());
    }
    if (schema.has("items")) {
      precompile(schema.path("items"));
    }
  }

  private static CelRuntime.@Nullable Program program(String expression) {
    CelRuntime.Program program = PROGRAMS.get(expression);
    if (program == null) {
      try {
        program = RUNTIME.createProgram(CEL.compile(expression).getAst());
      } catch (CelValidationException | CelEvaluationException broken) {
        return null;
      }
      PROGRAMS.put(expression, program);
    }
    return program;
  }

  /** The check of one version of a CRD. */
  public static SchemaCheck fromCrd(JsonNode crd, String version) {
    for (JsonNode served : crd.path("spec").path("versions")) {
      if (version.equals(served.path("name").asText())) {
        return new SchemaCheck(served.path("schema").path("openAPIV3Schema"));
      }
    }
    throw new IllegalArgumentException("the CRD has no version " + version);
  }

  /** Every problem with a spec, each naming its field. */
  public List<FieldProblem> checkSpec(KinstaSpec spec) {
    return checkSpecTree(SPEC_WRITER.valueToTree(spec));
  }

  /** Every problem with a spec as stored, when the model could not read it. */
  public List<FieldProblem> checkSpec(Unreadable spec) {
    return checkSpecTree(spec.source());
  }

  private List<FieldProblem> checkSpecTree(JsonNode spec) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.set("spec", spec);
    return check(body, null);
  }

  /**
   * Every problem the API server would report when the object ({@code spec} and {@code status};
   * apiVersion, kind and metadata are ignored) is created, or updated from {@code old}.
   */
  public List<FieldProblem> check(JsonNode object, @Nullable JsonNode old) {
    ObjectNode body = object.deepCopy();
    body.remove(List.of("apiVersion", "kind", "metadata"));
    List<FieldProblem> problems = new ArrayList<>();
    for (Error error : jsonSchema.validate(body)) {
      problems.add(schemaProblem(error));
    }
    ObjectNode oldBody = null;
    if (old != null) {
      oldBody = old.deepCopy();
      oldBody.remove(List.of("apiVersion", "kind", "metadata"));
    }
    celRules(openApi, body, oldBody, "", problems);
    return problems;
  }

  private static FieldProblem schemaProblem(Error error) {
    StringBuilder field = new StringBuilder();
    NodePath location = error.getInstanceLocation();
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      if (element instanceof Number index) {
        field.append('[').append(index).append(']');
      } else {
        field.append(field.length() == 0 ? "" : ".").append(element);
      }
    }
    String property = error.getProperty();
    if (property != null
        && ("additionalProperties".equals(error.getKeyword())
            || "required".equals(error.getKeyword()))) {
      field.append(field.length() == 0 ? "" : ".").append(property);
    }
    String message = error.getMessage();
    String prefix = location + ": ";
    if (message.startsWith(prefix)) {
      message = message.substring(prefix.length());
    }
    return new FieldProblem(field.length() == 0 ? "<root>" : field.toString(), message);
  }

  private static void celRules(
      JsonNode schema,
      @Nullable JsonNode value,
      @Nullable JsonNode old,
      String path,
      List<FieldProblem> problems) {
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
        String field = path + rule.path("fieldPath").asText("");
        problems.add(
            new FieldProblem(
                field.isEmpty() ? "<root>" : field.substring(1),
                rule.path("message").asText(expression)));
      }
    }
    if (value.isObject()) {
      for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
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
        // The API server correlates list items with their
        // old values only for map lists; these are atomic.
        celRules(schema.path("items"), value.get(i), null, path + "[" + i + "]", problems);
      }
    }
  }

  /** A list-type map (x-kubernetes-list-map-keys) holds each key once, as the API server checks. */
  private static void duplicateKeys(
      JsonNode schema, JsonNode list, String path, List<FieldProblem> problems) {
    if (!"map".equals(schema.path("x-kubernetes-list-type").asText())) {
      return;
    }
    Set<List<String>> seen = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      List<String> key = new ArrayList<>();
      for (JsonNode field : schema.path("x-kubernetes-list-map-keys")) {
        key.add(list.get(i).path(field.asText()).asText());
      }
      if (!seen.add(key)) {
        problems.add(new FieldProblem(path.substring(1) + "[" + i + "]", "Duplicate value"));
      }
    }
  }

  private static boolean evaluate(String expression, JsonNode self, @Nullable JsonNode oldSelf) {
    CelRuntime.Program program = program(expression);
    if (program == null) {
      // A rule the API server could not compile either rejects every object there.
      return false;
    }
    try {
      Map<String, Object> variables = new LinkedHashMap<>();
      variables.put("self", toCel(self));
      if (oldSelf != null) {
        variables.put("oldSelf", toCel(oldSelf));
      }
      return Boolean.TRUE.equals(program.eval(name -> Optional.ofNullable(variables.get(name))));
    } catch (CelEvaluationException e) {
      // A rule the API server would also fail to evaluate rejects the object there too.
      return false;
    }
  }

  private static Object toCel(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.properties().forEach(e -> map.put(e.getKey(), toCel(e.getValue())));
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
      object.properties().forEach(e -> toJsonSchema(e.getValue()));
    } else if (node.isArray()) {
      node.forEach(SchemaCheck::toJsonSchema);
    }
    return node;
  }
}
