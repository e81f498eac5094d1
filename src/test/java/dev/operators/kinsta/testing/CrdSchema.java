package dev.operators.kinsta.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.operators.kinsta.api.v1alpha1.FieldProblem;
import dev.operators.kinsta.api.v1alpha1.SchemaCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;

/**
 * What a real API server would check on a custom resource, which the mock API server does not: the
 * CRD's OpenAPI schema and its CEL rules, including transition rules against an old object, as the
 * operator's {@link SchemaCheck} reads them from {@code crds/}. Each problem is reported as {@code
 * field: message}.
 */
public final class CrdSchema {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final SchemaCheck check;

  private CrdSchema(SchemaCheck check) {
    this.check = check;
  }

  /** The v1alpha1 schema of a CRD file in {@code crds/}. */
  public static CrdSchema load(String crdFile) {
    return new CrdSchema(
        SchemaCheck.fromCrd(readYaml(Path.of("crds", crdFile)).get(0), "v1alpha1"));
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

  /** The files of {@code examples/} that hold a resource of {@code kind}. */
  public static Stream<Path> examplesOf(String kind) throws IOException {
    return Files.list(Path.of("examples"))
        .filter(p -> p.toString().endsWith(".yaml"))
        .sorted()
        .filter(p -> readYaml(p).stream().anyMatch(d -> kind.equals(d.path("kind").asText())));
  }

  /** The invalid samples in {@code src/test/resources/schema/<directory>}. */
  public static Stream<Path> invalidSamples(String directory) throws IOException {
    return Files.list(Path.of("src/test/resources/schema", directory)).sorted();
  }

  /** Checks that every resource of {@code kind} in {@code file} passes the schema. */
  public void assertValid(Path file, String kind) {
    for (JsonNode resource : readYaml(file)) {
      if (kind.equals(resource.path("kind").asText())) {
        Assertions.assertEquals(List.of(), problems(resource), file.toString());
      }
    }
  }

  /** The messages a sample's {@code # expect:} lines say its problems contain. */
  public static List<String> expectations(Path file) throws IOException {
    return Files.readAllLines(file).stream()
        .filter(l -> l.startsWith("# expect: "))
        .map(l -> l.substring("# expect: ".length()))
        .toList();
  }

  /** Checks that the sample is rejected with every message its {@code # expect:} lines name. */
  public void assertRejected(Path file) throws IOException {
    List<String> expected = expectations(file);
    Assertions.assertFalse(expected.isEmpty(), file + " says what it expects");
    List<String> problems = problems(readYaml(file).get(0));
    for (String message : expected) {
      Assertions.assertTrue(
          problems.stream().anyMatch(p -> p.contains(message)),
          file + ": expected '" + message + "' in " + problems);
    }
  }

  public List<String> problems(JsonNode object) {
    return problems(object, null);
  }

  /** Every problem a real API server would report when {@code old} is updated to {@code object}. */
  public List<String> problems(JsonNode object, JsonNode old) {
    return check.check(object, old).stream().map(FieldProblem::toString).toList();
  }
}
