package dev.operators.kinsta.build;

import dev.operators.kinsta.api.v1alpha1.ApiGroup;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crdv2.generator.CRDGenerator;
import io.fabric8.crdv2.generator.CRDPostProcessor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import java.io.File;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes {@code crds/} from the Java model at build time ({@code process-test-classes}). It is
 * Fabric8's CRD generator with one step after it: the generator sorts printer columns by JSON path,
 * while {@code kubectl get} should show them as each kind declares them ({@code NAME READY REASON …
 * AGE}). Build tooling, so it lives in {@code src/test} and stays out of the image.
 */
public final class CrdWriter {
  static final List<Class<? extends HasMetadata>> KINDS = List.copyOf(ApiGroup.KINDS);

  private CrdWriter() {}

  /** Writes the CRDs into the directory given as the only argument. */
  public static void main(String[] args) {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: CrdWriter <output directory>");
    }
    File output = new File(args[0]);
    if (!output.isDirectory() && !output.mkdirs()) {
      throw new IllegalStateException("cannot create " + output);
    }
    Map<String, Class<?>> byKind =
        KINDS.stream().collect(Collectors.toMap(Class::getSimpleName, Function.identity()));
    int written =
        new CRDGenerator()
            .customResourceClasses(KINDS)
            .forCRDVersions("v1")
            .withPostProcessor(
                new CRDPostProcessor() {
                  @Override
                  public HasMetadata process(HasMetadata crd, String crdSpecVersion) {
                    CustomResourceDefinition definition = (CustomResourceDefinition) crd;
                    inDeclaredOrder(
                        definition, byKind.get(definition.getSpec().getNames().getKind()));
                    return crd;
                  }
                })
            .inOutputDir(output)
            .generate();
    if (written != KINDS.size()) {
      throw new IllegalStateException("wrote " + written + " CRDs, expected " + KINDS.size());
    }
  }

  /**
   * Orders each version's printer columns as the kind's {@code @AdditionalPrinterColumn}
   * annotations are.
   */
  static void inDeclaredOrder(CustomResourceDefinition definition, Class<?> kind) {
    List<String> declared =
        Arrays.stream(kind.getAnnotationsByType(AdditionalPrinterColumn.class))
            .map(AdditionalPrinterColumn::name)
            .toList();
    for (CustomResourceDefinitionVersion version : definition.getSpec().getVersions()) {
      List<CustomResourceColumnDefinition> columns = version.getAdditionalPrinterColumns();
      if (columns != null) {
        columns.sort(Comparator.comparingInt(column -> declared.indexOf(column.getName())));
      }
    }
  }
}
