package dev.operators.kinsta.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.operators.kinsta.testing.CrdSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The KinstaDatabase CRD schema and CEL rules, checked the way a real API server would check them.
 */
class KinstaDatabaseSchemaTest {
  static final CrdSchema SCHEMA = CrdSchema.load("kinstadatabases.kinsta.operators.dev-v1.yml");

  static Stream<Path> examples() throws IOException {
    return CrdSchema.examplesOf("KinstaDatabase");
  }

  static Stream<Path> invalid() throws IOException {
    return CrdSchema.invalidSamples("kinstadatabase-invalid");
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleIsValid(Path example) {
    SCHEMA.assertValid(example, "KinstaDatabase");
  }

  @Test
  void theExamplesCoverASqlDatabaseAndAKeyValueStore() throws IOException {
    List<String> types =
        examples()
            .flatMap(p -> CrdSchema.readYaml(p).stream())
            .map(d -> d.path("spec").path("type").asText())
            .toList();
    assertTrue(types.contains("postgresql") && types.contains("valkey"), types.toString());
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void invalidDatabasesAreRejectedWithTheFieldNamed(Path file) throws IOException {
    SCHEMA.assertRejected(file);
  }

  @Test
  void engineLocationNameAndUserAreImmutableButSizeIsNot() {
    JsonNode db = CrdSchema.readYaml(Path.of("examples/shop-database.yaml")).get(0);
    for (String field : List.of("type", "version", "location", "databaseName", "user")) {
      ObjectNode changed = db.deepCopy();
      ((ObjectNode) changed.path("spec"))
          .put(
              field,
              "postgresql".equals(db.path("spec").path(field).asText()) ? "mysql" : "changed");
      assertTrue(
          SCHEMA.problems(changed, db).stream().anyMatch(p -> p.contains(field + " is immutable")),
          field + ": " + SCHEMA.problems(changed, db));
    }
    ObjectNode resized = db.deepCopy();
    ((ObjectNode) resized.path("spec")).put("size", "db4").put("displayName", "Bigger");
    assertEquals(List.of(), SCHEMA.problems(resized, db));
  }
}
