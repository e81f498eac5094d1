package dev.operators.kinsta.hosting.pipeline;

import static java.util.Objects.requireNonNull;

import dev.operators.kinsta.api.v1alpha1.KinstaPipeline;
import dev.operators.kinsta.api.v1alpha1.KinstaPipelineSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaPipelineStatus;
import dev.operators.kinsta.hosting.HostedCreation;
import dev.operators.kinsta.hosting.HostedPlacement;
import dev.operators.kinsta.hosting.client.HostingApi;
import dev.operators.kinsta.hosting.client.dto.CreatePipelineRequest;
import dev.operators.kinsta.hosting.client.dto.Pipeline;
import dev.operators.kinsta.hosting.client.dto.Project;
import dev.operators.kinsta.reconcile.Attempt;
import dev.operators.kinsta.reconcile.CreationClaims;
import dev.operators.kinsta.reconcile.Outcome;
import dev.operators.kinsta.reconcile.Reasons;
import java.util.List;
import java.util.Optional;

/**
 * Gives a {@link KinstaPipeline} its pipeline: the one it adopts ({@code spec.adopt}), the one its
 * own create call made when the answer was lost (found by the recorded intent), or a new one. A
 * pipeline that merely shares the display name is never taken over ({@code NameInUse}).
 */
final class PipelineProvisioner {
  private final Attempt<KinstaPipeline, KinstaPipelineStatus> attempt;
  private final KinstaPipelineSpec spec;
  private final KinstaPipelineStatus status;
  private final HostingApi api;

  PipelineProvisioner(Attempt<KinstaPipeline, KinstaPipelineStatus> attempt) {
    this.attempt = attempt;
    this.spec = attempt.resource().getSpec();
    this.status = attempt.status();
    this.api = attempt.hosting();
  }

  /**
   * Empty when the pipeline's id is now known and the caller can go on; otherwise what to report.
   */
  Optional<Outcome> establish() {
    if (spec.adopt != null) {
      status.pipelineId = spec.adopt.id;
      status.adopted = true;
      attempt
          .events()
          .normal(attempt.resource(), Reasons.ADOPTED, "Adopted pipeline " + spec.adopt.id);
      return Optional.empty();
    }
    String displayName = spec.displayNameOr(attempt.resource().getMetadata().getName());
    return creation()
        .establish(displayName, () -> status.pipelineId != null, () -> create(displayName));
  }

  private Optional<Outcome> create(String displayName) {
    String projectId = null;
    if (spec.project != null) {
      Optional<Project> project =
          attempt.hostingLists().project(api, attempt.companyId(), spec.project);
      if (project.isEmpty()) {
        return Optional.of(HostedPlacement.unknownProject(spec.project));
      }
      projectId = project.get().id();
    }
    CreatePipelineRequest request =
        new CreatePipelineRequest(
            displayName, requireNonNull(spec.type, "spec.type").wireName(), projectId);
    Optional<String> made =
        creation().create(displayName, () -> api.pipelines().createPipeline(request).id());
    if (made.isEmpty()) {
      return Optional.of(creation().unconfirmed(displayName));
    }
    attempt
        .events()
        .normal(
            attempt.resource(),
            Reasons.CREATED,
            "Created " + spec.type.wireName() + " pipeline " + made.get());
    return Optional.empty();
  }

  HostedCreation creation() {
    return new HostedCreation(
        attempt,
        "pipeline",
        name -> named(attempt.hostingLists().pipelines(api, attempt.companyId()), name),
        // A list taken now, outside the shared one: that one stays as old as its interval says,
        // so that a lost creation is looked for in a list taken after the create call.
        name -> named(api.pipelines().listPipelines(), name),
        CreationClaims.of(
            attempt,
            KinstaPipeline.class,
            PipelineReconciler::recordedId,
            pipeline -> pipeline.getStatus() == null ? null : pipeline.getStatus().creation),
        status.creation,
        intent -> status.creation = intent,
        id -> {
          status.pipelineId = id;
          status.adopted = false;
        });
  }

  private static List<String> named(List<Pipeline> pipelines, String displayName) {
    return pipelines.stream()
        .filter(pipeline -> displayName.equals(pipeline.displayName()))
        .map(Pipeline::id)
        .toList();
  }
}
