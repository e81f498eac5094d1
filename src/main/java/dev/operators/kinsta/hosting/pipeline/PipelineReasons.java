package dev.operators.kinsta.hosting.pipeline;

import dev.operators.kinsta.reconcile.Reason;
import dev.operators.kinsta.reconcile.Reason.MayClear;

/** KinstaPipeline's own condition and event reasons. */
public enum PipelineReasons implements Reason {
  @MayClear
  PIPELINE_NOT_FOUND,
  PIPELINE_UPDATING,
  WAITING_FOR_APPLICATION,
  DELETING_PIPELINE,

  // Events.
  STAGE_ADDED,

  STAGE_REMOVED,
  PREVIEWS_CHANGED;
}
