package dev.operators.kinsta.site;

import dev.operators.kinsta.api.v1alpha1.EnvironmentSettings;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteSpec;
import dev.operators.kinsta.api.v1alpha1.StagingEnvironment;
import dev.operators.kinsta.api.v1alpha1.WordPressSource;
import dev.operators.kinsta.reconcile.FieldProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The checks of the CRD schema that matter before any Kinsta call, repeated in Java: a cluster
 * whose CRDs are older than the operator, or local mode's embedded API server, does not enforce
 * them, and a bad spec must never reach Kinsta.
 */
final class SiteSpecValidator {
  private SiteSpecValidator() {}

  static List<FieldProblem> validate(KinstaSiteSpec spec) {
    List<FieldProblem> problems = new ArrayList<>();
    if (spec == null) {
      problems.add(new FieldProblem("spec", "is required"));
      return problems;
    }
    long sources =
        Stream.of(spec.wordpress, spec.plain, spec.clone, spec.siteId)
            .filter(s -> s != null)
            .count();
    if (sources != 1) {
      problems.add(
          new FieldProblem("spec", "exactly one of wordpress, plain, clone or siteId must be set"));
    }
    if ((spec.wordpress != null || spec.plain != null) && blank(spec.region)) {
      problems.add(new FieldProblem("spec.region", "is required for wordpress and plain sites"));
    }
    if (spec.clone != null && blank(spec.clone.sourceEnvironmentId)) {
      problems.add(new FieldProblem("spec.clone.sourceEnvironmentId", "is required"));
    }
    if (spec.wordpress != null) {
      wordpress(spec.wordpress, problems);
    }
    if (spec.environments != null) {
      environment("spec.environments.live", spec.environments.live, problems);
      StagingEnvironment staging = spec.environments.staging;
      environment("spec.environments.staging", staging, problems);
      if (staging != null
          && staging.phpAllocation != null
          && !Boolean.TRUE.equals(staging.premium)) {
        problems.add(
            new FieldProblem(
                "spec.environments.staging.phpAllocation",
                "only a premium staging environment has its own allocation; standard staging shares live's"));
      }
      if (staging != null && "live".equalsIgnoreCase(staging.displayName)) {
        problems.add(new FieldProblem("spec.environments.staging.displayName", "cannot be Live"));
      }
    }
    return problems;
  }

  private static void wordpress(WordPressSource wordpress, List<FieldProblem> problems) {
    if (blank(wordpress.siteTitle)) {
      problems.add(new FieldProblem("spec.wordpress.siteTitle", "is required"));
    }
    if (blank(wordpress.adminUser)) {
      problems.add(new FieldProblem("spec.wordpress.adminUser", "is required"));
    }
    if (blank(wordpress.adminEmail)
        || !wordpress.adminEmail.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
      problems.add(new FieldProblem("spec.wordpress.adminEmail", "must be an e-mail address"));
    }
    if (wordpress.adminPasswordSecretRef == null || blank(wordpress.adminPasswordSecretRef.name)) {
      problems.add(new FieldProblem("spec.wordpress.adminPasswordSecretRef.name", "is required"));
    }
  }

  private static void environment(
      String path, EnvironmentSettings settings, List<FieldProblem> problems) {
    if (settings == null || settings.domains == null) {
      return;
    }
    Set<String> names = new HashSet<>();
    long primaries = 0;
    for (int i = 0; i < settings.domains.size(); i++) {
      EnvironmentSettings.DomainSpec domain = settings.domains.get(i);
      if (domain == null || blank(domain.name)) {
        problems.add(new FieldProblem(path + ".domains[" + i + "].name", "is required"));
        continue;
      }
      if (!names.add(domain.name)) {
        problems.add(
            new FieldProblem(path + ".domains[" + i + "].name", "duplicates " + domain.name));
      }
      if (Boolean.TRUE.equals(domain.primary)) {
        primaries++;
      }
    }
    if (primaries > 1) {
      problems.add(new FieldProblem(path + ".domains", "at most one domain can be primary"));
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
