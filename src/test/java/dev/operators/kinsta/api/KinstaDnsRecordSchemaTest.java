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

/** The KinstaDnsRecord CRD schema and CEL rules. */
class KinstaDnsRecordSchemaTest {
  static final CrdSchema SCHEMA = CrdSchema.load("kinstadnsrecords.kinsta.operators.dev-v1.yml");

  static Stream<Path> examples() throws IOException {
    return CrdSchema.examplesOf("KinstaDnsRecord");
  }

  static Stream<Path> invalid() throws IOException {
    return CrdSchema.invalidSamples("kinstadnsrecord-invalid");
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleIsValid(Path example) {
    SCHEMA.assertValid(example, "KinstaDnsRecord");
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void invalidRecordsAreRejectedWithTheFieldNamed(Path file) throws IOException {
    SCHEMA.assertRejected(file);
  }

  @Test
  void zoneTypeAndNameAreImmutableButValuesAndTtlChange() {
    JsonNode record = first("KinstaDnsRecord");
    for (String field : List.of("domain", "type", "name")) {
      ObjectNode moved = record.deepCopy();
      ((ObjectNode) moved.path("spec")).put(field, changed(field));
      assertTrue(
          SCHEMA.problems(moved, record).stream()
              .anyMatch(p -> p.contains(field + " is immutable")),
          field + ": " + SCHEMA.problems(moved, record));
    }
    ObjectNode retuned = record.deepCopy();
    ((ObjectNode) retuned.path("spec")).put("ttl", 600);
    ((ObjectNode) retuned.path("spec")).putArray("values").add("192.0.2.99");
    assertEquals(List.of(), SCHEMA.problems(retuned, record));
  }

  private static String changed(String field) {
    return switch (field) {
      case "domain" -> "other.example.com";
      case "type" -> "AAAA";
      default -> "elsewhere";
    };
  }

  private static JsonNode first(String kind) {
    try (Stream<Path> examples = CrdSchema.examplesOf(kind)) {
      Path file = examples.findFirst().orElseThrow();
      return CrdSchema.readYaml(file).stream()
          .filter(doc -> kind.equals(doc.path("kind").asText()))
          .filter(doc -> doc.path("spec").has("domain"))
          .filter(doc -> "A".equals(doc.path("spec").path("type").asText()))
          .findFirst()
          .orElseThrow();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
