package dev.operators.kinsta.database;

import dev.operators.kinsta.api.v1alpha1.KinstaDatabaseSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaDatabaseSpec.DatabaseType;
import dev.operators.kinsta.reconcile.FieldProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * The CRD's CEL rules again, for API servers that did not run them (a cluster whose CRDs are older
 * than the operator, the embedded one of local mode): a resource that slipped past them is stopped
 * here, before any Kinsta call.
 */
final class DatabaseSpecValidator {
  private DatabaseSpecValidator() {}

  static List<FieldProblem> validate(KinstaDatabaseSpec spec) {
    List<FieldProblem> problems = new ArrayList<>();
    if (spec == null) {
      problems.add(new FieldProblem("spec", "is required"));
      return problems;
    }
    if (spec.adopt != null) {
      if ((spec.adopt.id == null) == (spec.adopt.name == null)) {
        problems.add(new FieldProblem("spec.adopt", "set exactly one of id or name"));
      }
      return problems;
    }
    requireField(problems, spec.type, "spec.type");
    requireField(problems, spec.version, "spec.version");
    requireField(problems, spec.location, "spec.location");
    requireField(problems, spec.size, "spec.size");
    requireField(problems, spec.databaseName, "spec.databaseName");
    if (spec.type == DatabaseType.REDIS && spec.user != null) {
      problems.add(new FieldProblem("spec.user", "redis has no user"));
    }
    if (spec.type != null && spec.type != DatabaseType.REDIS && spec.user == null) {
      problems.add(new FieldProblem("spec.user", "is required for " + spec.type.wire()));
    }
    return problems;
  }

  private static void requireField(List<FieldProblem> problems, Object value, String field) {
    if (value == null) {
      problems.add(new FieldProblem(field, "is required unless spec.adopt is set"));
    }
  }
}
