package dev.operators.kinsta.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The container image carries the operator and its runtime libraries only: the Kinsta simulator,
 * local mode, the kubectl shim, the test cluster and the mock API server are development tooling
 * and stay out of it. (The JSON Schema validator and CEL are the operator's own: it checks every
 * spec against the CRDs before calling Kinsta.)
 */
class ImageClassPathTest {
  private static final List<String> DEVELOPMENT_ONLY =
      List.of(
          "kubernetes-server-mock",
          "mockwebserver",
          "junit",
          "bcpkix",
          "bcprov",
          "crd-generator",
          "awaitility",
          "helm-java");

  @Test
  void theRuntimeClassPathHasNoDevelopmentLibrary() throws IOException {
    List<String> jars =
        Arrays.stream(
                Files.readString(Path.of("target", "runtime-classpath.txt"))
                    .strip()
                    .split(File.pathSeparator))
            .map(path -> Path.of(path).getFileName().toString())
            .toList();
    assertTrue(
        jars.stream().anyMatch(jar -> jar.startsWith("operator-framework-core")), jars.toString());
    assertEquals(
        List.of(),
        jars.stream().filter(jar -> DEVELOPMENT_ONLY.stream().anyMatch(jar::startsWith)).toList());
  }

  @Test
  void theOperatorsOwnClassesHaveNoDevelopmentTooling() throws IOException {
    Path classes = Path.of("target", "classes", "dev", "operators", "kinsta");
    try (Stream<Path> files = Files.walk(classes)) {
      List<String> packages =
          files.filter(Files::isDirectory).map(d -> classes.relativize(d).toString()).toList();
      assertTrue(packages.contains("operator"), packages.toString());
      for (String tooling : List.of("simulator", "local", "testing")) {
        assertFalse(packages.contains(tooling), tooling + " is in the image");
      }
    }
    assertFalse(
        Files.exists(Path.of("target", "classes", "kinsta-api")), "the Kinsta OpenAPI contracts");
  }
}
