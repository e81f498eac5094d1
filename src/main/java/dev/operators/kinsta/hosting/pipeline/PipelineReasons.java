package dev.operators.kinsta.hosting.pipeline;

/** KinstaPipeline's own condition and event reasons. */
public final class PipelineReasons {
  public static final String PIPELINE_NOT_FOUND = "PipelineNotFound";
  public static final String PIPELINE_UPDATING = "PipelineUpdating";
  public static final String WAITING_FOR_APPLICATION = "WaitingForApplication";
  public static final String DELETING_PIPELINE = "DeletingPipeline";

  /** Events. */
  public static final String STAGE_ADDED = "StageAdded";

  public static final String STAGE_REMOVED = "StageRemoved";
  public static final String PREVIEWS_CHANGED = "PreviewsChanged";

  private PipelineReasons() {}
}
