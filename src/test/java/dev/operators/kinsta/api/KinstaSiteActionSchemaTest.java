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
 * The KinstaSiteAction CRD schema and CEL rules: one action, confirmations, WP-CLI as Kinsta
 * accepts it.
 */
class KinstaSiteActionSchemaTest {
  static final CrdSchema SCHEMA = CrdSchema.load("kinstasiteactions.kinsta.operators.dev-v1.yml");

  static Stream<Path> examples() throws IOException {
    return CrdSchema.examplesOf("KinstaSiteAction");
  }

  static Stream<Path> invalid() throws IOException {
    return CrdSchema.invalidSamples("kinstasiteaction-invalid");
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleIsValid(Path example) {
    SCHEMA.assertValid(example, "KinstaSiteAction");
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void invalidActionsAreRejectedWithTheFieldNamed(Path file) throws IOException {
    SCHEMA.assertRejected(file);
  }

  @Test
  void theExamplesHaveTheOvernightCacheClearAndTheReleaseFlow() throws IOException {
    List<JsonNode> specs =
        examples().flatMap(p -> CrdSchema.readYaml(p).stream()).map(d -> d.path("spec")).toList();
    assertTrue(specs.stream().anyMatch(s -> s.has("clearCache") && s.has("schedule")));
    assertTrue(specs.stream().anyMatch(s -> s.has("backup")));
    assertTrue(
        specs.stream()
            .anyMatch(
                s -> s.has("push") && "live".equals(s.path("push").path("confirm").asText())));
  }

  @Test
  void aConfirmedRestoreOntoStagingIsAccepted() {
    JsonNode push = CrdSchema.readYaml(Path.of("examples/release-flow.yaml")).get(1);
    ObjectNode restore = push.deepCopy();
    ObjectNode spec = (ObjectNode) restore.path("spec");
    spec.remove("push");
    spec.putObject("restore").put("latestBefore", "2026-11-20T00:00:00Z").put("confirm", "staging");
    assertEquals(List.of(), SCHEMA.problems(restore));
  }
}
