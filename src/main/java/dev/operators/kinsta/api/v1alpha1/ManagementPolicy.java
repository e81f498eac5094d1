package dev.operators.kinsta.api.v1alpha1;

/** Whether the operator may change the Kinsta object or only look at it. */
public enum ManagementPolicy {
  /** Bring the Kinsta object to the spec: create, change and delete it (the default). */
  Manage,
  /**
   * Read and report only: the differences from the spec are listed in {@code status.drift} as the
   * plan {@code Manage} would carry out, and nothing is ever written to Kinsta, deletion included.
   */
  Observe
}
