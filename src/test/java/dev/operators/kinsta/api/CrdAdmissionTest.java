package dev.operators.kinsta.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.operators.kinsta.testing.CrdSchema;
import dev.operators.kinsta.testing.cluster.Kubectl;
import dev.operators.kinsta.testing.cluster.TestCluster;
import dev.operators.kinsta.testing.cluster.TestClusterExtension;
import dev.operators.kinsta.testing.cluster.TestClusterExtension.ClassNamespace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CRDs as a real API server enforces them: they install without warnings (CEL rules within the
 * cost budget), every example is accepted, and every invalid sample of the schema tests is rejected
 * by the server's own admission, naming the field or saying the rule's message; every field is
 * described where {@code kubectl explain} reads it, the server's published OpenAPI.
 */
@ExtendWith(TestClusterExtension.class)
class CrdAdmissionTest {

  /** Every kind's invalid samples: one directory per kind under src/test/resources/schema. */
  static Stream<Path> invalidSamples() throws IOException {
    try (Stream<Path> directories = Files.list(Path.of("src/test/resources/schema"))) {
      return directories
          .filter(Files::isDirectory)
          .map(dir -> dir.getFileName().toString())
          .sorted()
          .toList()
          .stream()
          .flatMap(
              dir -> {
                try {
                  return CrdSchema.invalidSamples(dir);
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
    }
  }

  @Test
  void theCrdsInstallWithoutWarnings(TestCluster cluster) {
    Kubectl.Result applied =
        new Kubectl(cluster)
            .run(
                "apply",
                "--server-side",
                "--force-conflicts",
                "--field-manager=crd-admission-test",
                "-f",
                "crds/")
            .assertSuccess();
    assertFalse(applied.err().contains("Warning"), applied.err());
    assertEquals(
        dev.operators.kinsta.api.v1alpha1.ApiGroup.KINDS.size(),
        applied.out().lines().count(),
        applied.out());
  }

  @Test
  void everyExampleIsAcceptedByServerSideDryRun(TestCluster cluster) throws IOException {
    Kubectl kubectl = new Kubectl(cluster);
    // The examples' namespace must exist for a dry run of
    // what goes into it; the rest is only dry-run.
    kubectl.run("apply", "-f", "examples/00-namespace.yaml").assertSuccess();
    List<String> files = new java.util.ArrayList<>();
    try (Stream<Path> examples = Files.list(Path.of("examples"))) {
      examples
          .filter(p -> p.toString().endsWith(".yaml") && !p.endsWith("00-namespace.yaml"))
          .sorted()
          .forEach(p -> files.addAll(List.of("-f", p.toString())));
    }
    List<String> clientSide = new java.util.ArrayList<>(List.of("apply", "--dry-run=server"));
    clientSide.addAll(files);
    Kubectl.Result dryRun = kubectl.run(clientSide).assertSuccess();
    assertFalse(dryRun.err().contains("Warning"), dryRun.err());
    assertTrue(dryRun.out().contains("(server dry run)"), dryRun.out());
    List<String> serverSideApply =
        new java.util.ArrayList<>(List.of("apply", "--server-side", "--dry-run=server"));
    serverSideApply.addAll(files);
    Kubectl.Result serverSide = kubectl.run(serverSideApply).assertSuccess();
    assertFalse(serverSide.err().contains("Warning"), serverSide.err());
  }

  @ParameterizedTest
  @MethodSource("invalidSamples")
  void everyInvalidSampleIsRejectedByTheServer(
      Path sample, TestCluster cluster, ClassNamespace namespace) throws IOException {
    List<String> expected = CrdSchema.expectations(sample);
    assertFalse(expected.isEmpty(), sample + " says what it expects");

    Kubectl.Result result =
        new Kubectl(cluster)
            .run("create", "--dry-run=server", "-n", namespace.name(), "-f", sample.toString());

    assertNotEquals(0, result.exitCode(), sample + " was accepted:\n" + result.out());
    for (String message : expected) {
      assertTrue(
          result.err().contains(message),
          sample + ": expected '" + message + "' in " + result.err());
    }
  }

  @Test
  void everyFieldIsDescribedInThePublishedOpenApi(TestCluster cluster) throws IOException {
    JsonNode document =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(cluster.admin().raw("/openapi/v3/apis/kinsta.operators.dev/v1alpha1"));
    List<String> kinds =
        dev.operators.kinsta.api.v1alpha1.ApiGroup.KINDS.stream()
            .map(Class::getSimpleName)
            .toList();
    List<String> undescribed = new java.util.ArrayList<>();
    for (String kind : kinds) {
      JsonNode schema =
          document.path("components").path("schemas").path("dev.operators.kinsta.v1alpha1." + kind);
      assertFalse(schema.isMissingNode(), kind + " is published");
      if (!schema.hasNonNull("description")) {
        undescribed.add(kind);
      }
      undescribedFields(schema, kind, undescribed);
    }
    assertEquals(List.of(), undescribed, "fields kubectl explain would show without a description");
  }

  private static void undescribedFields(JsonNode schema, String path, List<String> undescribed) {
    schema
        .path("properties")
        .fields()
        .forEachRemaining(
            field -> {
              String fieldPath = path + "." + field.getKey();
              if (field.getKey().equals("metadata")
                  || field.getKey().equals("apiVersion")
                  || field.getKey().equals("kind")) {
                return; // Kubernetes' own, described by Kubernetes
              }
              if (!field.getValue().hasNonNull("description")) {
                undescribed.add(fieldPath);
              }
              undescribedFields(field.getValue(), fieldPath, undescribed);
            });
    if (schema.has("items")) {
      undescribedFields(schema.path("items"), path + "[]", undescribed);
    }
    if (schema.path("additionalProperties").isObject()) {
      undescribedFields(schema.path("additionalProperties"), path + "{}", undescribed);
    }
  }
}
