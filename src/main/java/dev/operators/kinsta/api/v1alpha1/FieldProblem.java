package dev.operators.kinsta.api.v1alpha1;

/** One invalid field of a spec, named by its path, e.g. {@code spec.region}. */
public record FieldProblem(String field, String problem) {
  @Override
  public String toString() {
    return field + ": " + problem;
  }
}
