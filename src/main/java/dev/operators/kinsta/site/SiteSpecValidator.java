package dev.operators.kinsta.site;

import dev.operators.kinsta.api.v1alpha1.FieldProblem;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteSpec;
import dev.operators.kinsta.api.v1alpha1.StagingEnvironment;
import java.util.ArrayList;
import java.util.List;

/**
 * What the CRD's schema and rules do not say about a site spec (they are checked before this, by
 * {@code SchemaCheck}): a standard staging environment has no allocation of its own, and no staging
 * environment may be called Live.
 */
final class SiteSpecValidator {
  private SiteSpecValidator() {}

  static List<FieldProblem> validate(KinstaSiteSpec spec) {
    List<FieldProblem> problems = new ArrayList<>();
    StagingEnvironment staging = spec.environments == null ? null : spec.environments.staging;
    if (staging == null) {
      return problems;
    }
    if (staging.phpAllocation != null && !Boolean.TRUE.equals(staging.premium)) {
      problems.add(
          new FieldProblem(
              "spec.environments.staging.phpAllocation",
              "only a premium staging environment has its own allocation; standard staging shares"
                  + " live's"));
    }
    if ("live".equalsIgnoreCase(staging.displayName)) {
      problems.add(new FieldProblem("spec.environments.staging.displayName", "cannot be Live"));
    }
    return problems;
  }
}
