package dev.operators.kinsta.api;

import dev.operators.kinsta.testing.CrdSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The KinstaApplicationAction CRD schema and CEL rules. */
class KinstaApplicationActionSchemaTest {
  static final CrdSchema SCHEMA =
      CrdSchema.load("kinstaapplicationactions.kinsta.operators.dev-v1.yml");

  static Stream<Path> examples() throws IOException {
    return CrdSchema.examplesOf("KinstaApplicationAction");
  }

  static Stream<Path> invalid() throws IOException {
    return CrdSchema.invalidSamples("kinstaapplicationaction-invalid");
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleIsValid(Path example) {
    SCHEMA.assertValid(example, "KinstaApplicationAction");
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void invalidActionsAreRejectedWithTheFieldNamed(Path file) throws IOException {
    SCHEMA.assertRejected(file);
  }
}
