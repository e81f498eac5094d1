package dev.operators.kinsta.wordpress.client;

import dev.operators.kinsta.wordpress.client.dto.OperationStatus;

/** The Kinsta API's calls on the asynchronous operations the other calls start. */
public interface Operations {
  /**
   * {@code GET /operations/{operation_id}}: 202 running, 200 done, 500 failed, 404 unknown (yet).
   */
  OperationStatus getOperation(String operationId);
}
