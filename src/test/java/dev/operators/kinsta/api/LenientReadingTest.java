package dev.operators.kinsta.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.operators.kinsta.api.v1alpha1.KinstaDatabase;
import dev.operators.kinsta.api.v1alpha1.KinstaSite;
import dev.operators.kinsta.api.v1alpha1.Unreadable;
import dev.operators.kinsta.testing.CrdSchema;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A resource whose spec or status the Java model cannot hold is read all the same, empty and marked
 * with the field and value at fault, by the serialization every Kubernetes client uses.
 */
class LenientReadingTest {
  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  @Test
  void examplesAreReadWithoutProblems() {
    KinstaSite site = read(example("wordpress-shop.yaml"), KinstaSite.class);
    assertNull(site.getSpec().unreadable());
    assertEquals("Acme Shop", site.getSpec().displayName);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/spec/environments/live/phpVersion | \"9.9\" | spec.environments.live.phpVersion | \"9.9\" is not one of",
        "/spec/environments/live/phpVersion | 8.3 | spec.environments.live.phpVersion | 8.3 is not one of",
        "/spec/deletionPolicy | \"Retian\" | spec.deletionPolicy | \"Retian\" is not one of Delete, Retain",
        "/spec/environments/live/phpAllocation | {\"threadCount\": \"lots\", \"threadMemory\": 256} | spec.environments.live.phpAllocation.threadCount | \"lots\" is not a number",
        "/spec/displayName | 42 | spec.displayName | 42 is not a string",
        "/spec/environments/live/edgeCaching | \"yes\" | spec.environments.live.edgeCaching | \"yes\" is not true or false",
        "/spec/favouriteColour | \"green\" | spec.favouriteColour | unknown field",
      })
  void aValueTheModelCannotHoldMarksTheSpec(
      String pointer, String value, String field, String problem) throws Exception {
    ObjectNode site = example("wordpress-shop.yaml");
    String parent = pointer.substring(0, pointer.lastIndexOf('/'));
    String name = pointer.substring(pointer.lastIndexOf('/') + 1);
    ((ObjectNode) site.at(parent))
        .set(
            name,
            JSON.convertValue(
                JSON.unmarshal(value), com.fasterxml.jackson.databind.JsonNode.class));

    KinstaSite read = read(site, KinstaSite.class);

    Unreadable unreadable = read.getSpec().unreadable();
    assertNotNull(unreadable, "marked unreadable");
    assertEquals(field, unreadable.field());
    org.junit.jupiter.api.Assertions.assertTrue(
        unreadable.problem().startsWith(problem), unreadable.problem());
    assertEquals("shop", read.getMetadata().getName());
  }

  @Test
  void anUnknownDatabaseTypeMarksTheSpec() {
    ObjectNode database = example("shop-database.yaml");
    ((ObjectNode) database.at("/spec")).put("type", "oracle");
    Unreadable unreadable = read(database, KinstaDatabase.class).getSpec().unreadable();
    assertNotNull(unreadable);
    assertEquals("spec.type", unreadable.field());
  }

  @Test
  void anUnreadableStatusIsMarkedAndTheSpecStillRead() {
    ObjectNode site = example("wordpress-shop.yaml");
    site.putObject("status").put("observedGeneration", "soon");
    KinstaSite read = read(site, KinstaSite.class);
    assertNull(read.getSpec().unreadable());
    assertEquals("status.observedGeneration", read.getStatus().unreadable().field());
  }

  private static <T> T read(ObjectNode node, Class<T> type) {
    return JSON.unmarshal(JSON.asJson(node), type);
  }

  private static ObjectNode example(String file) {
    return (ObjectNode)
        CrdSchema.readYaml(Path.of("examples", file)).stream()
            .filter(d -> d.path("kind").asText().startsWith("Kinsta"))
            .findFirst()
            .orElseThrow()
            .deepCopy();
  }
}
