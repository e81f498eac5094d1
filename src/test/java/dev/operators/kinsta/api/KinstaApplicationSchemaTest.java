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

/** The KinstaApplication CRD schema and CEL rules. */
class KinstaApplicationSchemaTest {
  static final CrdSchema SCHEMA = CrdSchema.load("kinstaapplications.kinsta.operators.dev-v1.yml");

  static Stream<Path> examples() throws IOException {
    return CrdSchema.examplesOf("KinstaApplication");
  }

  static Stream<Path> invalid() throws IOException {
    return CrdSchema.invalidSamples("kinstaapplication-invalid");
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleIsValid(Path example) {
    SCHEMA.assertValid(example, "KinstaApplication");
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void invalidApplicationsAreRejectedWithTheFieldNamed(Path file) throws IOException {
    SCHEMA.assertRejected(file);
  }

  @Test
  void theLocationAndTheKindOfSourceCannotChangeButEverythingElseCan() {
    JsonNode app = CrdSchema.readYaml(Path.of("examples/storefront-app.yaml")).get(0);
    ObjectNode moved = app.deepCopy();
    ((ObjectNode) moved.path("spec")).put("location", "europe-west3");
    assertTrue(
        SCHEMA.problems(moved, app).stream().anyMatch(p -> p.contains("location is immutable")));
    ObjectNode adopted = app.deepCopy();
    ((ObjectNode) adopted.path("spec")).remove("source");
    ((ObjectNode) adopted.path("spec")).putObject("adopt").put("name", "another-app");
    assertTrue(
        SCHEMA.problems(adopted, app).stream()
            .anyMatch(p -> p.contains("adopt cannot be added or removed")));

    ObjectNode redeployed = app.deepCopy();
    ((ObjectNode) redeployed.path("spec").path("deployment")).put("redeployToken", "2026-11-24");
    ((ObjectNode) redeployed.path("spec")).put("cdn", false);
    assertEquals(List.of(), SCHEMA.problems(redeployed, app));
  }
}
