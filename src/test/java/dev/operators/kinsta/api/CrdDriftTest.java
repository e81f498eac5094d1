package dev.operators.kinsta.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The CRDs in {@code crds/} are generated from the Java model (into {@code target/crds} on every
 * build) and committed; this fails when they differ. Refresh them with {@code mvn
 * process-test-classes -Dcrd.output=crds}.
 */
class CrdDriftTest {
  @Test
  void committedCrdsMatchTheJavaModel() throws IOException {
    List<String> generated = names(Path.of("target/crds"));
    assertFalse(generated.isEmpty(), "the build generates CRDs into target/crds");
    assertEquals(generated, names(Path.of("crds")), "the same CRD files are committed");
    for (String name : generated) {
      assertEquals(
          Files.readString(Path.of("target/crds", name)),
          Files.readString(Path.of("crds", name)),
          "crds/" + name + " is out of date: run mvn process-test-classes -Dcrd.output=crds");
    }
  }

  private static List<String> names(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yml"))
          .sorted()
          .toList();
    }
  }
}
