package dev.operators.kinsta.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import dev.operators.kinsta.reconcile.KinstaReconciler;
import dev.operators.kinsta.reconcile.Steps;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The layering the operator's packages keep, checked on its compiled classes (not the tests): from
 * the bottom, the custom resources and configuration, the shared transport, each half's API client,
 * the pool that hands both out, each half's company lists, the reconcile machinery and metrics, the
 * kinds (one package each, in their half), and the operator that wires them.
 */
class LayeringTest {
  private static final String BASE = "dev.operators.kinsta";
  private static final JavaClasses OPERATOR =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(BASE);

  /** Every kind's package, in its half; the halves' own packages hold what their kinds share. */
  private static final String[] KINDS = {
    BASE + ".wordpress",
    BASE + ".wordpress.site..",
    BASE + ".wordpress.siteaction..",
    BASE + ".wordpress.dnsrecord..",
    BASE + ".hosting",
    BASE + ".hosting.application..",
    BASE + ".hosting.applicationaction..",
    BASE + ".hosting.database..",
    BASE + ".hosting.internalconnection..",
    BASE + ".hosting.pipeline..",
    BASE + ".hosting.staticsite..",
    BASE + ".company..",
    BASE + ".usage.."
  };

  private static final String[] API_CLIENTS = {
    BASE + ".wordpress.client..", BASE + ".hosting.client.."
  };

  private static final String[] COMPANY_LISTS = {
    BASE + ".wordpress.inventory..", BASE + ".hosting.inventory.."
  };

  @Test
  void thePackagesFormLayers() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("Resources")
        .definedBy(BASE + ".api..")
        .layer("Configuration")
        .definedBy(BASE + ".config..")
        .layer("Transport")
        .definedBy(BASE + ".transport..")
        .layer("API clients")
        .definedBy(API_CLIENTS)
        .layer("Client pool")
        .definedBy(BASE + ".client..")
        .layer("Company lists")
        .definedBy(COMPANY_LISTS)
        .layer("Machinery")
        .definedBy(BASE + ".reconcile..")
        .layer("Metrics")
        .definedBy(BASE + ".metrics..")
        .layer("Kinds")
        .definedBy(KINDS)
        .layer("Operator")
        .definedBy(BASE + ".operator..")
        .whereLayer("Operator")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("Kinds")
        .mayOnlyBeAccessedByLayers("Operator")
        .whereLayer("Metrics")
        .mayOnlyBeAccessedByLayers("Operator")
        .whereLayer("Machinery")
        .mayOnlyBeAccessedByLayers("Metrics", "Kinds", "Operator")
        .whereLayer("Company lists")
        .mayOnlyBeAccessedByLayers("Machinery", "Metrics", "Kinds", "Operator")
        .whereLayer("Client pool")
        .mayOnlyBeAccessedByLayers("Machinery", "Metrics", "Kinds", "Operator")
        .whereLayer("API clients")
        .mayOnlyBeAccessedByLayers(
            "Client pool", "Company lists", "Machinery", "Metrics", "Kinds", "Operator")
        .whereLayer("Configuration")
        .mayOnlyBeAccessedByLayers("Machinery", "Operator")
        .check(OPERATOR);
  }

  @Test
  void noPackageCycles() {
    slices().matching(BASE + ".(**)").should().beFreeOfCycles().check(OPERATOR);
  }

  /** Within the machinery, every class is a node: no two of them depend on each other. */
  @Test
  void theReconcileMachineryHasNoCycles() {
    slices()
        .assignedFrom(
            new SliceAssignment() {
              @Override
              public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                if (!javaClass.getPackageName().equals(BASE + ".reconcile")) {
                  return SliceIdentifier.ignore();
                }
                JavaClass outermost = javaClass;
                while (outermost.getEnclosingClass().isPresent()) {
                  outermost = outermost.getEnclosingClass().get();
                }
                return SliceIdentifier.of(outermost.getSimpleName());
              }

              @Override
              public String getDescription() {
                return "the classes of reconcile/";
              }
            })
        .should()
        .beFreeOfCycles()
        .check(OPERATOR);
  }

  @Test
  void theKindsDoNotDependOnEachOther() {
    slices()
        .matching(BASE + ".(wordpress|hosting).(*)..")
        .namingSlices("$1.$2")
        .should()
        .notDependOnEachOther()
        .ignoreDependency(
            com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
            com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage(API_CLIENTS))
        .ignoreDependency(
            com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
            com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage(COMPANY_LISTS))
        .check(OPERATOR);
    slices().matching(BASE + ".(company|usage)..").should().notDependOnEachOther().check(OPERATOR);
  }

  @Test
  void theHalvesDoNotDependOnEachOther() {
    noClasses()
        .that()
        .resideInAPackage(BASE + ".wordpress..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(BASE + ".hosting..")
        .check(OPERATOR);
    noClasses()
        .that()
        .resideInAPackage(BASE + ".hosting..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(BASE + ".wordpress..")
        .check(OPERATOR);
  }

  @Test
  void reconcilersUseTheKinstaClientNotHttpOrJsonTrees() {
    noClasses()
        .that()
        .resideInAnyPackage(KINDS)
        .or()
        .resideInAnyPackage(BASE + ".reconcile..")
        .or()
        .resideInAnyPackage(COMPANY_LISTS)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.vertx..", "com.fasterxml.jackson.databind.node..")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("com.fasterxml.jackson.databind.JsonNode")
        .check(OPERATOR);
  }

  @Test
  void theKinstaClientsKnowNothingOfKubernetesReconciling() {
    noClasses()
        .that()
        .resideInAnyPackage(BASE + ".transport..", BASE + ".client..")
        .or()
        .resideInAnyPackage(API_CLIENTS)
        .or()
        .resideInAnyPackage(COMPANY_LISTS)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            BASE + ".reconcile..",
            BASE + ".operator..",
            BASE + ".api..",
            "io.javaoperatorsdk..",
            "io.fabric8..")
        .check(OPERATOR);
  }

  /** A kind's reconcile reads from the top of its reconciler: a {@code static final STEPS}. */
  @Test
  void everyReconcilerIsAStepsConstant() {
    List<String> without =
        OPERATOR.stream()
            .filter(c -> c.isAssignableTo(KinstaReconciler.class))
            .filter(c -> !c.getModifiers().contains(JavaModifier.ABSTRACT))
            .filter(
                c ->
                    c.tryGetField("STEPS")
                        .filter(
                            f ->
                                f.getModifiers()
                                    .containsAll(Set.of(JavaModifier.STATIC, JavaModifier.FINAL)))
                        .filter(f -> f.getRawType().isEquivalentTo(Steps.class))
                        .isEmpty())
            .map(JavaClass::getSimpleName)
            .sorted()
            .toList();
    assertEquals(List.of(), without, "reconcilers without a static final Steps STEPS");
    assertTrue(
        OPERATOR.stream().filter(c -> c.isAssignableTo(KinstaReconciler.class)).count() >= 10);
  }

  @Test
  void nothingInTheOperatorUsesDevelopmentTooling() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            BASE + ".simulator..",
            BASE + ".local..",
            BASE + ".testing..",
            "io.fabric8.kubernetes.client.server.mock..",
            "io.fabric8.mockwebserver..")
        .check(OPERATOR);
  }
}
