package dev.operators.kinsta.hosting.pipeline;

import dev.operators.kinsta.api.v1alpha1.OperationType;

/** The work a pipeline's reconciler follows; Sevalla deletes a pipeline without an operation id. */
enum PipelineOperation implements OperationType {
  DELETE_PIPELINE;
}
