package dev.operators.kinsta.api;

import dev.operators.kinsta.testing.CrdSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The KinstaStaticSite CRD schema and CEL rules. */
class KinstaStaticSiteSchemaTest {
  static final CrdSchema SCHEMA = CrdSchema.load("kinstastaticsites.kinsta.operators.dev-v1.yml");

  static Stream<Path> examples() throws IOException {
    return CrdSchema.examplesOf("KinstaStaticSite");
  }

  static Stream<Path> invalid() throws IOException {
    return CrdSchema.invalidSamples("kinstastaticsite-invalid");
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleIsValid(Path example) {
    SCHEMA.assertValid(example, "KinstaStaticSite");
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void invalidStaticSitesAreRejectedWithTheFieldNamed(Path file) throws IOException {
    SCHEMA.assertRejected(file);
  }
}
