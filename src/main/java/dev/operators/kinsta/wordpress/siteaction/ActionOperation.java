package dev.operators.kinsta.wordpress.siteaction;

import dev.operators.kinsta.api.v1alpha1.OperationType;

/**
 * The Kinsta operation an action's run starts; what it records when it ends is in {@link
 * Runs#follow()}.
 */
enum ActionOperation implements OperationType {
  RUN_ACTION;
}
