package dev.operators.kinsta.simulator;

import static dev.operators.kinsta.simulator.SevallaEndpoints.created;
import static dev.operators.kinsta.simulator.SevallaEndpoints.invalid;
import static dev.operators.kinsta.simulator.SevallaEndpoints.iso;
import static dev.operators.kinsta.simulator.SevallaEndpoints.message;
import static dev.operators.kinsta.simulator.SevallaEndpoints.page;
import static dev.operators.kinsta.simulator.SevallaEndpoints.putNullable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.operators.kinsta.simulator.Exchange.Handler;
import dev.operators.kinsta.simulator.Exchange.Reply;
import dev.operators.kinsta.simulator.SimulatorState.Pipeline;
import dev.operators.kinsta.simulator.SimulatorState.PipelineStage;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Sevalla v3's pipelines (SEVALLA-V3.md §8): a pipeline is created with the stages Dev and
 * Production; stages are added before the production stage and removed (never the production or
 * preview stage); an application is in at most one pipeline; previews add a preview stage first.
 * Which applications a stage holds is never shown, as in v3's answers.
 */
final class SevallaPipelineEndpoints {
  private final SimulatorState state;

  SevallaPipelineEndpoints(SimulatorState state) {
    this.state = state;
  }

  void register(Map<String, Handler> routes) {
    routes.put(
        "GET /pipelines",
        x ->
            page(
                x,
                state.pipelines.values().stream().filter(p -> p.companyId.equals(x.company)),
                (data, pipeline) -> data.add(summary(pipeline))));
    routes.put("POST /pipelines", this::create);
    routes.put("GET /pipelines/{id}", x -> withPipeline(x, p -> Reply.ok(detail(p))));
    routes.put("PATCH /pipelines/{id}", x -> withPipeline(x, p -> update(x, p)));
    routes.put(
        "DELETE /pipelines/{id}",
        x ->
            withPipeline(
                x,
                p -> {
                  state.pipelines.remove(p.id);
                  return message("Pipeline deleted");
                }));
    routes.put("POST /pipelines/{id}/stages", x -> withPipeline(x, p -> addStage(x, p)));
    routes.put(
        "DELETE /pipelines/{id}/stages/{stage_id}",
        x -> withStage(x, (p, stage) -> removeStage(x, p, stage)));
    routes.put(
        "POST /pipelines/{id}/stages/{stage_id}/apps",
        x -> withStage(x, (p, stage) -> addApp(x, p, stage)));
    routes.put(
        "DELETE /pipelines/{id}/stages/{stage_id}/apps/{app_id}",
        x ->
            withStage(
                x,
                (p, stage) -> {
                  if (!stage.appIds.remove(x.path("app_id"))) {
                    return Reply.notFound();
                  }
                  touch(x, p);
                  return message("Application removed from the stage");
                }));
    routes.put("POST /pipelines/{id}/preview/enable", x -> withPipeline(x, p -> enable(x, p)));
    routes.put(
        "POST /pipelines/{id}/preview/disable",
        x ->
            withPipeline(
                x,
                p -> {
                  if (!p.stages.removeIf(stage -> "preview".equals(stage.type))) {
                    return Reply.badRequest("Previews are not enabled on this pipeline");
                  }
                  touch(x, p);
                  return message("Previews disabled; preview applications are queued for deletion");
                }));
    routes.put(
        "PUT /pipelines/{id}/preview",
        x ->
            withPipeline(
                x,
                p ->
                    preview(p)
                        .map(
                            stage -> {
                              settle(x, p, stage);
                              return message("Preview settings updated");
                            })
                        .orElse(Reply.badRequest("Previews are not enabled on this pipeline"))));
  }

  private Reply create(Exchange x) {
    String projectId = x.text("project_id");
    if (projectId != null
        && Optional.ofNullable(state.projects.get(projectId))
            .filter(project -> project.companyId().equals(x.company))
            .isEmpty()) {
      return invalid("project_id", "Unknown project");
    }
    Pipeline pipeline =
        new Pipeline(x.company, x.text("display_name"), x.text("type"), projectId, x.now);
    state.pipelines.put(pipeline.id, pipeline);
    ObjectNode body = summary(pipeline);
    body.put("company_id", pipeline.companyId);
    putNullable(body, "project_id", pipeline.projectId);
    return created(201, body);
  }

  private Reply update(Exchange x, Pipeline pipeline) {
    if (x.text("display_name") != null) {
      pipeline.displayName = x.text("display_name");
    }
    if (x.text("type") != null) {
      pipeline.type = x.text("type");
    }
    if (x.body.has("project_id")) {
      pipeline.projectId = x.text("project_id");
    }
    Map<String, Integer> orders = new HashMap<>();
    for (JsonNode entry : x.body.path("stage_order")) {
      orders.put(entry.path("stage_id").asText(), entry.path("order").asInt());
    }
    if (!orders.isEmpty()) {
      Map<String, Integer> now = new HashMap<>();
      for (int i = 0; i < pipeline.stages.size(); i++) {
        now.put(pipeline.stages.get(i).id, orders.getOrDefault(pipeline.stages.get(i).id, i));
      }
      pipeline.stages.sort(Comparator.comparing(stage -> now.get(stage.id)));
    }
    touch(x, pipeline);
    ObjectNode body = summary(pipeline);
    body.put("company_id", pipeline.companyId);
    putNullable(body, "project_id", pipeline.projectId);
    return Reply.ok(body);
  }

  /** A new stage goes where asked, but never after the production stage. */
  private Reply addStage(Exchange x, Pipeline pipeline) {
    int production =
        (int) pipeline.stages.stream().takeWhile(stage -> !"prod".equals(stage.type)).count();
    int at = Math.min(x.body.path("insert_before").asInt(), production);
    PipelineStage stage =
        new PipelineStage(x.text("display_name"), "standard", x.text("branch"), x.now);
    pipeline.stages.add(at, stage);
    touch(x, pipeline);
    return created(201, stage(pipeline, stage));
  }

  private Reply removeStage(Exchange x, Pipeline pipeline, PipelineStage stage) {
    if ("prod".equals(stage.type)) {
      return Reply.badRequest("The production stage cannot be deleted");
    }
    if ("preview".equals(stage.type)) {
      return Reply.badRequest("Disable previews to remove the preview stage");
    }
    pipeline.stages.remove(stage);
    touch(x, pipeline);
    return message("Stage deleted");
  }

  private Reply addApp(Exchange x, Pipeline pipeline, PipelineStage stage) {
    String appId = x.text("app_id");
    boolean own =
        Optional.ofNullable(state.applications.get(appId))
            .filter(app -> app.companyId.equals(x.company) && app.deletedAt == null)
            .isPresent();
    if (!own) {
      return Reply.notFound();
    }
    boolean inAPipeline =
        state.pipelines.values().stream()
            .flatMap(p -> p.stages.stream())
            .anyMatch(s -> s.appIds.contains(appId));
    if (inAPipeline) {
      return invalid("app_id", "The application is already in a pipeline");
    }
    stage.appIds.add(appId);
    touch(x, pipeline);
    return message("Application added to the stage");
  }

  private Reply enable(Exchange x, Pipeline pipeline) {
    if (preview(pipeline).isPresent()) {
      return Reply.badRequest("Previews are already enabled on this pipeline");
    }
    if (x.text("repo_url") == null && pipeline.previewRepoUrl == null) {
      return invalid("repo_url", "A repository is required to enable previews");
    }
    PipelineStage stage = new PipelineStage("Preview", "preview", null, x.now);
    pipeline.stages.add(0, stage);
    settle(x, pipeline, stage);
    return message("Previews enabled");
  }

  /** The preview fields the body carries, applied to the preview stage. */
  private static void settle(Exchange x, Pipeline pipeline, PipelineStage stage) {
    if (x.text("repo_url") != null) {
      pipeline.previewRepoUrl = x.text("repo_url");
    }
    stage.autoCreateApp = x.flag("auto_create_app", stage.autoCreateApp);
    stage.deleteStaleApps = x.flag("delete_stale_apps", stage.deleteStaleApps);
    if (x.body.path("stale_app_days").isInt()) {
      stage.staleAppDays = x.body.path("stale_app_days").asInt();
    }
    stage.updatedAt = x.now;
    touch(x, pipeline);
  }

  private static Optional<PipelineStage> preview(Pipeline pipeline) {
    return pipeline.stages.stream().filter(stage -> "preview".equals(stage.type)).findFirst();
  }

  private static void touch(Exchange x, Pipeline pipeline) {
    pipeline.updatedAt = x.now;
  }

  private Reply withPipeline(Exchange x, Function<Pipeline, Reply> action) {
    return Optional.ofNullable(state.pipelines.get(x.path("id")))
        .filter(p -> p.companyId.equals(x.company))
        .map(action)
        .orElse(Reply.notFound());
  }

  private Reply withStage(Exchange x, BiFunction<Pipeline, PipelineStage, Reply> action) {
    return withPipeline(
        x,
        p ->
            p.stages.stream()
                .filter(stage -> stage.id.equals(x.path("stage_id")))
                .findFirst()
                .map(stage -> action.apply(p, stage))
                .orElse(Reply.notFound()));
  }

  /** A pipeline as {@code GET /pipelines} lists it: stages without their settings. */
  private static ObjectNode summary(Pipeline pipeline) {
    ObjectNode json =
        Exchange.object()
            .put("id", pipeline.id)
            .put("display_name", pipeline.displayName)
            .put("type", pipeline.type);
    ArrayNode stages = json.putArray("stages");
    for (int i = 0; i < pipeline.stages.size(); i++) {
      PipelineStage stage = pipeline.stages.get(i);
      stages
          .addObject()
          .put("id", stage.id)
          .put("display_name", stage.displayName)
          .put("type", stage.type)
          .put("order", i);
    }
    json.put("created_at", iso(pipeline.createdAt)).put("updated_at", iso(pipeline.updatedAt));
    return json;
  }

  /** A pipeline as {@code GET /pipelines/{id}} shows it: each stage's branch and settings. */
  private static ObjectNode detail(Pipeline pipeline) {
    ObjectNode json =
        Exchange.object()
            .put("id", pipeline.id)
            .put("company_id", pipeline.companyId)
            .put("display_name", pipeline.displayName)
            .put("type", pipeline.type);
    putNullable(json, "project_id", pipeline.projectId);
    ArrayNode stages = json.putArray("stages");
    pipeline.stages.forEach(stage -> stages.add(stage(pipeline, stage)));
    json.put("created_at", iso(pipeline.createdAt)).put("updated_at", iso(pipeline.updatedAt));
    return json;
  }

  private static ObjectNode stage(Pipeline pipeline, PipelineStage stage) {
    ObjectNode json =
        Exchange.object()
            .put("id", stage.id)
            .put("pipeline_id", pipeline.id)
            .put("display_name", stage.displayName)
            .put("type", stage.type)
            .put("order", pipeline.stages.indexOf(stage));
    putNullable(json, "branch", stage.branch);
    json.put("auto_create_app", stage.autoCreateApp)
        .put("delete_stale_apps", stage.deleteStaleApps)
        .put("stale_app_days", stage.staleAppDays)
        .put("created_at", iso(stage.createdAt))
        .put("updated_at", iso(stage.updatedAt));
    return json;
  }
}
