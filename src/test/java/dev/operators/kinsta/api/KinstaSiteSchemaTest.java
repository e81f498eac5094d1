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

/** The KinstaSite CRD schema and CEL rules, checked the way a real API server would check them. */
class KinstaSiteSchemaTest {
  static final CrdSchema SCHEMA = CrdSchema.load("kinstasites.kinsta.operators.dev-v1.yml");

  static Stream<Path> examples() throws IOException {
    return CrdSchema.examplesOf("KinstaSite");
  }

  static Stream<Path> invalid() throws IOException {
    return CrdSchema.invalidSamples("kinstasite-invalid");
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleIsValid(Path example) {
    SCHEMA.assertValid(example, "KinstaSite");
  }

  @Test
  void theExamplesCoverEverySource() throws IOException {
    List<JsonNode> specs =
        examples().flatMap(p -> CrdSchema.readYaml(p).stream()).map(d -> d.path("spec")).toList();
    for (String source : List.of("wordpress", "plain", "clone", "siteId")) {
      assertTrue(specs.stream().anyMatch(s -> s.has(source)), "an example uses " + source);
    }
    assertTrue(
        specs.stream()
            .anyMatch(s -> s.path("wordpress").path("multisite").path("enabled").asBoolean()));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void invalidSitesAreRejectedWithTheFieldNamed(Path file) throws IOException {
    SCHEMA.assertRejected(file);
  }

  @Test
  void regionSourceAndSiteIdCannotChange() {
    JsonNode shop = CrdSchema.readYaml(Path.of("examples/wordpress-shop.yaml")).get(0);
    ObjectNode moved = shop.deepCopy();
    ((ObjectNode) moved.path("spec")).put("region", "europe-west1");
    assertTrue(
        SCHEMA.problems(moved, shop).stream().anyMatch(p -> p.contains("region is immutable")));

    ObjectNode resourced = shop.deepCopy();
    ((ObjectNode) resourced.path("spec")).remove("wordpress");
    ((ObjectNode) resourced.path("spec")).putObject("plain");
    assertTrue(
        SCHEMA.problems(resourced, shop).stream().anyMatch(p -> p.contains("source of a site")));

    JsonNode adopted = CrdSchema.readYaml(Path.of("examples/adopted-site.yaml")).get(0);
    ObjectNode other = adopted.deepCopy();
    ((ObjectNode) other.path("spec")).put("siteId", "11111111-2222-4333-8444-555555555555");
    assertTrue(
        SCHEMA.problems(other, adopted).stream().anyMatch(p -> p.contains("siteId is immutable")));

    JsonNode cloned = CrdSchema.readYaml(Path.of("examples/cloned-site.yaml")).get(0);
    ObjectNode recloned = cloned.deepCopy();
    ((ObjectNode) recloned.path("spec").path("clone"))
        .put("sourceEnvironmentId", "11111111-2222-4333-8444-555555555555");
    assertTrue(
        SCHEMA.problems(recloned, cloned).stream().anyMatch(p -> p.contains("clone is immutable")));
  }

  @Test
  void stagingCannotSwitchBetweenStandardAndPremium() {
    JsonNode shop = CrdSchema.readYaml(Path.of("examples/wordpress-shop.yaml")).get(0);
    ObjectNode premium = shop.deepCopy();
    ((ObjectNode) premium.path("spec").path("environments").path("staging")).put("premium", true);
    assertTrue(
        SCHEMA.problems(premium, shop).stream().anyMatch(p -> p.contains("premium cannot change")));
  }

  @Test
  void settingsCanChange() {
    JsonNode shop = CrdSchema.readYaml(Path.of("examples/wordpress-shop.yaml")).get(0);
    ObjectNode changed = shop.deepCopy();
    ObjectNode live = (ObjectNode) changed.path("spec").path("environments").path("live");
    live.put("phpVersion", "8.4");
    live.put("edgeCaching", false);
    ((ObjectNode) changed.path("spec").path("wordpress")).put("language", "de_DE");
    assertEquals(List.of(), SCHEMA.problems(changed, shop));
  }
}
