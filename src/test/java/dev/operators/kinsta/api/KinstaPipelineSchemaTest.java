package dev.operators.kinsta.api;

import dev.operators.kinsta.testing.CrdSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The KinstaPipeline CRD schema and CEL rules. */
class KinstaPipelineSchemaTest {
  static final CrdSchema SCHEMA = CrdSchema.load("kinstapipelines.kinsta.operators.dev-v1.yml");

  static Stream<Path> examples() throws IOException {
    return CrdSchema.examplesOf("KinstaPipeline");
  }

  static Stream<Path> invalid() throws IOException {
    return CrdSchema.invalidSamples("kinstapipeline-invalid");
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleIsValid(Path example) {
    SCHEMA.assertValid(example, "KinstaPipeline");
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void invalidPipelinesAreRejectedWithTheFieldNamed(Path file) throws IOException {
    SCHEMA.assertRejected(file);
  }
}
