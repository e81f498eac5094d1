package dev.operators.kinsta.hosting.client;

import dev.operators.kinsta.hosting.client.dto.CreatePipelineRequest;
import dev.operators.kinsta.hosting.client.dto.Pipeline;
import dev.operators.kinsta.hosting.client.dto.PipelineStage;
import dev.operators.kinsta.hosting.client.dto.PreviewSettings;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Sevalla's v3 calls on pipelines, their stages, the applications in them and previews. */
public interface Pipelines {
  /** {@code GET /pipelines}, every page: stages without their branch or settings. */
  List<Pipeline> listPipelines();

  /** {@code GET /pipelines/{id}}: every stage with its branch and preview settings. */
  Pipeline getPipeline(String pipelineId);

  /**
   * {@code POST /pipelines} on the creation lane; Sevalla gives the new pipeline the stages Dev and
   * Production.
   */
  Pipeline createPipeline(CreatePipelineRequest body);

  /** {@code PATCH /pipelines/{id}} with the display name and type; null ones are not sent. */
  void updatePipeline(String pipelineId, @Nullable String displayName, @Nullable String type);

  /** {@code PATCH /pipelines/{id}} with {@code stage_order}: each stage id and its place. */
  void orderPipelineStages(String pipelineId, List<String> stageIdsInOrder);

  /** {@code DELETE /pipelines/{id}}: unlinks its applications and queues its preview apps. */
  void deletePipeline(String pipelineId);

  /** {@code POST /pipelines/{id}/stages}: a stage at {@code insertBefore}; answers it. */
  PipelineStage addPipelineStage(
      String pipelineId, String displayName, int insertBefore, @Nullable String branch);

  /** {@code DELETE /pipelines/{id}/stages/{stage_id}}. */
  void deletePipelineStage(String pipelineId, String stageId);

  /** {@code POST /pipelines/{id}/stages/{stage_id}/apps}. */
  void addApplicationToStage(String pipelineId, String stageId, String applicationId);

  /** {@code DELETE /pipelines/{id}/stages/{stage_id}/apps/{app_id}}. */
  void removeApplicationFromStage(String pipelineId, String stageId, String applicationId);

  /** {@code POST /pipelines/{id}/preview/enable}. */
  void enablePreviews(String pipelineId, PreviewSettings settings);

  /** {@code PUT /pipelines/{id}/preview}. */
  void updatePreviews(String pipelineId, PreviewSettings settings);

  /** {@code POST /pipelines/{id}/preview/disable}: Sevalla queues the preview apps for deletion. */
  void disablePreviews(String pipelineId);
}
