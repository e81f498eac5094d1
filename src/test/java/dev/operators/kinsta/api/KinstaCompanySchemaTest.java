package dev.operators.kinsta.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.operators.kinsta.api.v1alpha1.KinstaCompanySpec;
import dev.operators.kinsta.testing.CrdSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The KinstaCompany CRD schema. */
class KinstaCompanySchemaTest {
  static final CrdSchema SCHEMA = CrdSchema.load("kinstacompanies.kinsta.operators.dev-v1.yml");

  static Stream<Path> examples() throws IOException {
    return CrdSchema.examplesOf("KinstaCompany");
  }

  static Stream<Path> invalid() throws IOException {
    return CrdSchema.invalidSamples("kinstacompany-invalid");
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleIsValid(Path example) {
    SCHEMA.assertValid(example, "KinstaCompany");
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void invalidCompaniesAreRejectedWithTheFieldNamed(Path file) throws IOException {
    SCHEMA.assertRejected(file);
  }

  @Test
  void theWarningWindowReadsHoursAndDaysAndDefaultsToTwoWeeks() {
    KinstaCompanySpec spec = new KinstaCompanySpec();
    assertEquals(Duration.ofDays(14), spec.keyExpiryWarningOrDefault());
    spec.keyExpiryWarning = "72h";
    assertEquals(Duration.ofHours(72), spec.keyExpiryWarningOrDefault());
    spec.keyExpiryWarning = "30d";
    assertEquals(Duration.ofDays(30), spec.keyExpiryWarningOrDefault());
  }
}
