package dev.operators.kinsta.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.operators.kinsta.testing.CrdSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The KinstaInternalConnection CRD schema and CEL rules. */
class KinstaInternalConnectionSchemaTest {
  static final CrdSchema SCHEMA =
      CrdSchema.load("kinstainternalconnections.kinsta.operators.dev-v1.yml");

  static Stream<Path> examples() throws IOException {
    return CrdSchema.examplesOf("KinstaInternalConnection");
  }

  static Stream<Path> invalid() throws IOException {
    return CrdSchema.invalidSamples("kinstainternalconnection-invalid");
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleIsValid(Path example) {
    SCHEMA.assertValid(example, "KinstaInternalConnection");
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void invalidConnectionsAreRejectedWithTheFieldNamed(Path file) throws IOException {
    SCHEMA.assertRejected(file);
  }

  @Test
  void bothEndsAreImmutable() {
    JsonNode link = CrdSchema.readYaml(Path.of("examples/storefront-database-link.yaml")).get(0);
    ObjectNode moved = link.deepCopy();
    ((ObjectNode) moved.path("spec").path("target")).put("application", "other-app");
    assertTrue(
        SCHEMA.problems(moved, link).stream().anyMatch(p -> p.contains("target is immutable")));
    ObjectNode other = link.deepCopy();
    ((ObjectNode) other.path("spec").path("database")).put("name", "other-db");
    assertTrue(
        SCHEMA.problems(other, link).stream().anyMatch(p -> p.contains("database is immutable")));
  }
}
