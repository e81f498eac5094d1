package dev.operators.kinsta.hosting.database;

import dev.operators.kinsta.api.v1alpha1.OperationType;

/** The work a database's reconciler follows; Kinsta deletes a database without an operation id. */
enum DatabaseOperation implements OperationType {
  DELETE_DATABASE;
}
