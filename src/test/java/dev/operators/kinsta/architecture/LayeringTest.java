package dev.operators.kinsta.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering the operator's packages keep, checked on its compiled classes (not the tests). */
class LayeringTest {
  private static final JavaClasses OPERATOR =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.operators.kinsta");
  private static final String[] KINDS = {
    "dev.operators.kinsta.site..",
    "dev.operators.kinsta.database..",
    "dev.operators.kinsta.application..",
    "dev.operators.kinsta.connection..",
    "dev.operators.kinsta.dns..",
    "dev.operators.kinsta.action..",
    "dev.operators.kinsta.company..",
    "dev.operators.kinsta.appaction..",
    "dev.operators.kinsta.staticsite..",
    "dev.operators.kinsta.pipeline..",
    "dev.operators.kinsta.usage.."
  };

  @Test
  void reconcilersUseTheKinstaClientNotHttpOrJsonTrees() {
    noClasses()
        .that()
        .resideInAnyPackage(KINDS)
        .or()
        .resideInAPackage("dev.operators.kinsta.reconcile..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.vertx..", "com.fasterxml.jackson.databind.node..")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("com.fasterxml.jackson.databind.JsonNode")
        .check(OPERATOR);
  }

  @Test
  void theKinstaClientKnowsNothingOfKubernetesReconciling() {
    noClasses()
        .that()
        .resideInAPackage("dev.operators.kinsta.client..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.operators.kinsta.reconcile..",
            "dev.operators.kinsta.operator..",
            "dev.operators.kinsta.api..",
            "io.javaoperatorsdk..",
            "io.fabric8..")
        .check(OPERATOR);
  }

  @Test
  void theKindsDoNotDependOnEachOther() {
    slices()
        .matching(
            "dev.operators.kinsta.(site|database|application|connection|dns|action|company|usage|appaction|staticsite|pipeline)..")
        .namingSlices("$1")
        .should()
        .notDependOnEachOther()
        .check(OPERATOR);
  }

  @Test
  void theSharedMachineryDoesNotKnowTheKinds() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.operators.kinsta.reconcile..",
            "dev.operators.kinsta.client..",
            "dev.operators.kinsta.config..",
            "dev.operators.kinsta.metrics..",
            "dev.operators.kinsta.api..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(KINDS)
        .check(OPERATOR);
  }

  @Test
  void nothingInTheOperatorUsesDevelopmentTooling() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.operators.kinsta.simulator..",
            "dev.operators.kinsta.local..",
            "dev.operators.kinsta.testing..",
            "io.fabric8.kubernetes.client.server.mock..",
            "io.fabric8.mockwebserver..")
        .check(OPERATOR);
  }
}
