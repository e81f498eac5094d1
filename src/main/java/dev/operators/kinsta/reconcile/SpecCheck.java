package dev.operators.kinsta.reconcile;

import dev.operators.kinsta.api.v1alpha1.FieldProblem;
import dev.operators.kinsta.api.v1alpha1.KinstaSpec;
import dev.operators.kinsta.api.v1alpha1.SchemaCheck;
import dev.operators.kinsta.api.v1alpha1.Unreadable;
import io.fabric8.kubernetes.client.CustomResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What is wrong with a spec, each problem naming its field: first what the model could not read,
 * then what the CRD's schema and rules reject, then what only the kind's code can check. Checked on
 * every reconcile, whatever the API server enforced; the schema's verdict is kept per generation.
 */
final class SpecCheck<R extends CustomResource<? extends KinstaSpec, ?>> {
  // Enough for every resource of a large installation; past it the verdicts are computed again.
  private static final int MAX_SCHEMA_VERDICTS = 20_000;

  private final Class<R> resourceClass;
  private final Function<R, List<FieldProblem>> kindChecks;
  private final Map<String, List<FieldProblem>> schemaVerdicts = new ConcurrentHashMap<>();

  SpecCheck(Class<R> resourceClass, Function<R, List<FieldProblem>> kindChecks) {
    this.resourceClass = resourceClass;
    this.kindChecks = kindChecks;
  }

  List<FieldProblem> problems(R resource) {
    List<FieldProblem> problems = new ArrayList<>();
    KinstaSpec spec = resource.getSpec();
    if (spec == null) {
      problems.add(new FieldProblem("spec", "is required"));
      return problems;
    }
    Unreadable unreadable = spec.unreadable();
    if (unreadable != null) {
      problems.add(new FieldProblem(unreadable.field(), unreadable.problem()));
      // The rest of what the schema says about the spec as stored, minus what was just said.
      SchemaCheck.of(resourceClass).checkSpec(unreadable).stream()
          .filter(problem -> !problem.field().equals(unreadable.field()))
          .forEach(problems::add);
      return problems;
    }
    problems.addAll(schemaProblems(resource, spec));
    if (problems.isEmpty()) {
      problems.addAll(kindChecks.apply(resource));
    }
    return problems;
  }

  /** The schema's verdict on a spec, computed once per generation of each resource. */
  private List<FieldProblem> schemaProblems(R resource, KinstaSpec spec) {
    String key = resource.getMetadata().getUid() + "@" + resource.getMetadata().getGeneration();
    List<FieldProblem> known = schemaVerdicts.get(key);
    if (known != null) {
      return known;
    }
    List<FieldProblem> verdict = List.copyOf(SchemaCheck.of(resourceClass).checkSpec(spec));
    if (schemaVerdicts.size() > MAX_SCHEMA_VERDICTS) {
      schemaVerdicts.clear();
    }
    if (resource.getMetadata().getGeneration() != null) {
      schemaVerdicts.put(key, verdict);
    }
    return verdict;
  }
}
