package dev.operators.kinsta.hosting.application;

import dev.operators.kinsta.api.v1alpha1.OperationType;

/**
 * The work an application's reconciler follows: a deployment (by its deployment id) and a deletion
 * (by reading the application); neither has a Kinsta operation id.
 */
enum ApplicationOperation implements OperationType {
  DEPLOY,
  DELETE_APPLICATION;
}
