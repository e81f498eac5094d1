package dev.operators.kinsta.api.v1alpha1;

/** How an application action's run stands. */
public enum ActionOutcome {
  Running,
  Succeeded,
  Failed
}
