package dev.operators.kinsta.hosting.client;

import dev.operators.kinsta.hosting.client.dto.CreatePipelineRequest;
import dev.operators.kinsta.hosting.client.dto.Pipeline;
import dev.operators.kinsta.hosting.client.dto.PipelineStage;
import dev.operators.kinsta.hosting.client.dto.PreviewSettings;
import dev.operators.kinsta.transport.KinstaCredentials;
import dev.operators.kinsta.transport.KinstaRequest;
import dev.operators.kinsta.transport.KinstaTransport;
import dev.operators.kinsta.transport.budget.Lane;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@link Pipelines} over the Vert.x transport. */
final class VertxPipelines extends HostingEndpoints implements Pipelines {
  VertxPipelines(KinstaTransport transport, KinstaCredentials credentials) {
    super(transport, credentials);
  }

  @Override
  public List<Pipeline> listPipelines() {
    return pages("/pipelines", Pipeline.class);
  }

  @Override
  public Pipeline getPipeline(String pipelineId) {
    return read(KinstaRequest.get("/pipelines/{id}", pipelineId), "", Pipeline.class);
  }

  @Override
  public Pipeline createPipeline(CreatePipelineRequest body) {
    // Sevalla's "service creation" tier covers "other resources" too.
    return read(
        KinstaRequest.post("/pipelines").body(body).lane(Lane.CREATION), "", Pipeline.class);
  }

  @Override
  public void updatePipeline(
      String pipelineId, @Nullable String displayName, @Nullable String type) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (displayName != null) {
      body.put("display_name", displayName);
    }
    if (type != null) {
      body.put("type", type);
    }
    call(KinstaRequest.patch("/pipelines/{id}", pipelineId).body(body).onService(pipelineId));
  }

  @Override
  public void orderPipelineStages(String pipelineId, List<String> stageIdsInOrder) {
    List<Map<String, Object>> order = new ArrayList<>();
    for (int i = 0; i < stageIdsInOrder.size(); i++) {
      order.add(Map.of("stage_id", stageIdsInOrder.get(i), "order", i));
    }
    call(
        KinstaRequest.patch("/pipelines/{id}", pipelineId)
            .body(Map.of("stage_order", order))
            .onService(pipelineId));
  }

  @Override
  public void deletePipeline(String pipelineId) {
    call(KinstaRequest.delete("/pipelines/{id}", pipelineId).onService(pipelineId));
  }

  @Override
  public PipelineStage addPipelineStage(
      String pipelineId, String displayName, int insertBefore, @Nullable String branch) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("display_name", displayName);
    body.put("insert_before", insertBefore);
    if (branch != null) {
      body.put("branch", branch);
    }
    return read(
        KinstaRequest.post("/pipelines/{id}/stages", pipelineId).body(body).lane(Lane.WRITE),
        "",
        PipelineStage.class);
  }

  @Override
  public void deletePipelineStage(String pipelineId, String stageId) {
    call(
        KinstaRequest.delete("/pipelines/{id}/stages/{stage_id}", pipelineId, stageId)
            .lane(Lane.WRITE));
  }

  @Override
  public void addApplicationToStage(String pipelineId, String stageId, String applicationId) {
    call(
        KinstaRequest.post("/pipelines/{id}/stages/{stage_id}/apps", pipelineId, stageId)
            .body(Map.of("app_id", applicationId))
            .lane(Lane.WRITE));
  }

  @Override
  public void removeApplicationFromStage(String pipelineId, String stageId, String applicationId) {
    call(
        KinstaRequest.delete(
                "/pipelines/{id}/stages/{stage_id}/apps/{app_id}",
                pipelineId,
                stageId,
                applicationId)
            .lane(Lane.WRITE));
  }

  @Override
  public void enablePreviews(String pipelineId, PreviewSettings settings) {
    call(
        KinstaRequest.post("/pipelines/{id}/preview/enable", pipelineId)
            .body(settings)
            .lane(Lane.WRITE));
  }

  @Override
  public void updatePreviews(String pipelineId, PreviewSettings settings) {
    call(KinstaRequest.put("/pipelines/{id}/preview", pipelineId).body(settings).lane(Lane.WRITE));
  }

  @Override
  public void disablePreviews(String pipelineId) {
    call(KinstaRequest.post("/pipelines/{id}/preview/disable", pipelineId).lane(Lane.WRITE));
  }
}
