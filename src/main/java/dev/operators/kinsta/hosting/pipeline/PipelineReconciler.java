package dev.operators.kinsta.hosting.pipeline;

import dev.operators.kinsta.api.v1alpha1.DeletionPolicy;
import dev.operators.kinsta.api.v1alpha1.FieldProblem;
import dev.operators.kinsta.api.v1alpha1.KinstaApplication;
import dev.operators.kinsta.api.v1alpha1.KinstaPipeline;
import dev.operators.kinsta.api.v1alpha1.KinstaPipelineSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaPipelineStatus;
import dev.operators.kinsta.api.v1alpha1.KinstaPipelineStatus.PreviewsStatus;
import dev.operators.kinsta.api.v1alpha1.KinstaPipelineStatus.StageStatus;
import dev.operators.kinsta.hosting.ListedUnchanged;
import dev.operators.kinsta.hosting.ReadBackDeletion;
import dev.operators.kinsta.hosting.client.HostingApi;
import dev.operators.kinsta.hosting.client.dto.Pipeline;
import dev.operators.kinsta.hosting.client.dto.PipelineStage;
import dev.operators.kinsta.hosting.client.dto.PreviewSettings;
import dev.operators.kinsta.reconcile.Attempt;
import dev.operators.kinsta.reconcile.ControllerServices;
import dev.operators.kinsta.reconcile.Deletion;
import dev.operators.kinsta.reconcile.KinstaObjectReconciler;
import dev.operators.kinsta.reconcile.Outcome;
import dev.operators.kinsta.reconcile.Reason;
import dev.operators.kinsta.reconcile.Steps;
import dev.operators.kinsta.transport.KinstaApiException;
import io.fabric8.kubernetes.api.model.Condition;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reconciles a {@link KinstaPipeline}: makes sure the pipeline exists (adopted, found again, or
 * created), then applies its name and type, its stages, its previews and the applications in its
 * stages, all in one pass, and looks again to confirm. A KinstaApplication that gets its id, or a
 * new one, reconciles the pipelines naming it.
 */
public final class PipelineReconciler
    extends KinstaObjectReconciler<KinstaPipeline, KinstaPipelineStatus> {
  private static final String APPLICATIONS_INDEX = "pipeline-applications";

  public PipelineReconciler(ControllerServices services) {
    super(services, KinstaPipeline.class, KinstaPipelineStatus.class);
  }

  /** What a KinstaPipeline's reconcile does, in order; the first step with an outcome ends it. */
  static final Steps<Run> STEPS =
      Steps.<Run>first("create, find again or adopt the pipeline", PipelineReconciler::establish)
          .then("stop when the company's list shows nothing changed", PipelineReconciler::unchanged)
          .then("observe the pipeline", PipelineReconciler::observe)
          .then("apply display name and type", PipelineReconciler::applySettings)
          .then("make the stages the spec lists, in order", PipelineReconciler::applyStages)
          .then(
              "turn previews on or off, with the spec's settings",
              PipelineReconciler::applyPreviews)
          .then("put the applications into their stages", PipelineReconciler::applyMembers)
          .then("look again when anything changed", PipelineReconciler::confirm);

  /** One reconcile of a pipeline: the attempt, the pipeline as seen, and what changed since. */
  static final class Run {
    final Attempt<KinstaPipeline, KinstaPipelineStatus> attempt;
    @Nullable Pipeline pipeline;
    final List<PipelineStage> stages = new ArrayList<>();
    final List<String> waiting = new ArrayList<>();
    int changes;

    Run(Attempt<KinstaPipeline, KinstaPipelineStatus> attempt) {
      this.attempt = attempt;
    }

    void changed() {
      changes++;
    }

    Pipeline pipeline() {
      return Objects.requireNonNull(pipeline, "observed before use");
    }

    KinstaPipelineSpec spec() {
      return attempt.resource().getSpec();
    }

    String pipelineId() {
      return Objects.requireNonNull(attempt.status().pipelineId, "established before use");
    }
  }

  @Override
  protected List<EventSource<?, KinstaPipeline>> additionalEventSources(
      EventSourceContext<KinstaPipeline> context) {
    context.getPrimaryCache().addIndexer(APPLICATIONS_INDEX, PipelineReconciler::applicationKeys);
    var configuration =
        InformerEventSourceConfiguration.from(KinstaApplication.class, KinstaPipeline.class)
            .withName("pipeline-applications")
            .withNamespacesInheritedFromController()
            // A pipeline needs an application's id only: its other changes wake no pipeline.
            .withOnUpdateFilter((now, before) -> !Objects.equals(idOf(now), idOf(before)))
            .withSecondaryToPrimaryMapper(
                app ->
                    context
                        .getPrimaryCache()
                        .byIndex(
                            APPLICATIONS_INDEX,
                            app.getMetadata().getNamespace() + "/" + app.getMetadata().getName())
                        .stream()
                        .map(ResourceID::fromResource)
                        .collect(Collectors.toSet()))
            .build();
    return List.of(new InformerEventSource<>(configuration, context));
  }

  private static @Nullable String idOf(KinstaApplication application) {
    return application.getStatus() == null ? null : application.getStatus().applicationId;
  }

  /** The KinstaApplications the pipeline names, as index keys. */
  private static List<String> applicationKeys(KinstaPipeline pipeline) {
    KinstaPipelineSpec spec = pipeline.getSpec();
    Set<String> names = new HashSet<>();
    if (spec != null && spec.stages != null) {
      spec.stages.stream()
          .filter(stage -> stage.applications != null)
          .forEach(stage -> names.addAll(stage.applications));
    }
    if (spec != null && spec.production != null && spec.production.applications != null) {
      names.addAll(spec.production.applications);
    }
    String namespace = pipeline.getMetadata().getNamespace();
    return names.stream().map(name -> namespace + "/" + name).toList();
  }

  @Override
  protected List<FieldProblem> validate(KinstaPipeline pipeline) {
    // The CRD's schema and rules say everything a pipeline spec must be.
    return List.of();
  }

  @Override
  protected List<? extends Reason> reasons() {
    return List.of(PipelineReasons.values());
  }

  @Override
  protected Outcome reconcileRemote(Attempt<KinstaPipeline, KinstaPipelineStatus> attempt) {
    return STEPS.run(new Run(attempt), PipelineReconciler::ready);
  }

  private static Optional<Outcome> establish(Run run) {
    if (run.attempt.status().pipelineId != null) {
      return Optional.empty();
    }
    Optional<Outcome> outcome = new PipelineProvisioner(run.attempt).establish();
    if (run.attempt.status().pipelineId != null) {
      run.changed();
    }
    return outcome;
  }

  /**
   * A Ready pipeline whose entry in the company's list carries the change time last seen, and whose
   * applications have the ids it added, is still Ready: no call of its own.
   */
  private static Optional<Outcome> unchanged(Run run) {
    Attempt<KinstaPipeline, KinstaPipelineStatus> attempt = run.attempt;
    KinstaPipelineStatus status = attempt.status();
    Optional<Condition> ready = ListedUnchanged.quietReady(attempt);
    List<StageStatus> stages = status.stages;
    if (ready.isEmpty() || status.updatedAt == null || stages == null) {
      return Optional.empty();
    }
    boolean listedSame =
        attempt.hostingLists().pipelines(attempt.hosting(), attempt.companyId()).stream()
            .filter(listed -> listed.id().equals(status.pipelineId))
            .anyMatch(
                listed ->
                    status.updatedAt.equals(listed.updatedAt())
                        && Objects.equals(status.displayName, listed.displayName()));
    return listedSame && membersCurrent(attempt, stages)
        ? Optional.of(attempt.stillReady(ready.get().getMessage()))
        : Optional.empty();
  }

  /** Whether the applications the spec names have the ids the operator added them with. */
  private static boolean membersCurrent(
      Attempt<KinstaPipeline, KinstaPipelineStatus> attempt, List<StageStatus> stages) {
    KinstaPipelineStatus status = attempt.status();
    // A stage missing from an edited status matches nothing: the full look then rewrites it.
    List<PipelineStage> known =
        stages.stream()
            .map(
                s ->
                    new PipelineStage(
                        Objects.requireNonNullElse(s.id, ""),
                        Objects.requireNonNullElse(s.name, ""),
                        Objects.requireNonNullElse(s.type, ""),
                        0,
                        s.branch,
                        null,
                        null,
                        null))
            .toList();
    List<String> waiting = new ArrayList<>();
    List<PipelineMembers.Wanted> wanted =
        PipelineMembers.wanted(
            attempt, PipelineMembers.stageRefs(attempt.resource().getSpec(), known), waiting);
    return waiting.isEmpty()
        && wanted.size() == status.members.size()
        && wanted.stream()
            .allMatch(
                w ->
                    status.members.stream()
                        .anyMatch(
                            m ->
                                Boolean.TRUE.equals(m.added)
                                    && w.stageId().equals(m.stageId)
                                    && w.applicationId().equals(m.applicationId)));
  }

  private static Optional<Outcome> observe(Run run) {
    KinstaPipelineStatus status = run.attempt.status();
    try {
      run.pipeline = run.attempt.hosting().pipelines().getPipeline(run.pipelineId());
    } catch (KinstaApiException.NotFound gone) {
      return Optional.of(
          Outcome.stalled(
              PipelineReasons.PIPELINE_NOT_FOUND,
              "Pipeline "
                  + status.pipelineId
                  + " does not exist in Sevalla"
                  + (Boolean.TRUE.equals(status.adopted)
                      ? ""
                      : "; delete and recreate this resource to create a new one")));
    }
    Pipeline pipeline = run.pipeline();
    pipeline.stages().stream()
        .sorted(Comparator.comparingInt(PipelineStage::order))
        .forEach(run.stages::add);
    status.displayName = pipeline.displayName();
    status.type = pipeline.type();
    status.projectId = pipeline.projectId();
    status.updatedAt = pipeline.updatedAt();
    return Optional.empty();
  }

  /** Display name and type, with one PATCH when either differs; adopted ones keep what is unset. */
  private static Optional<Outcome> applySettings(Run run) {
    KinstaPipelineSpec spec = run.spec();
    Pipeline pipeline = run.pipeline();
    String wantedName =
        Boolean.TRUE.equals(run.attempt.status().adopted)
            ? spec.displayName
            : spec.displayNameOr(run.attempt.resource().getMetadata().getName());
    String newName = run.attempt.differing("spec.displayName", wantedName, pipeline.displayName());
    String newType =
        run.attempt.differing(
            "spec.type", spec.type == null ? null : spec.type.wireName(), pipeline.type());
    if (newName != null || newType != null) {
      run.attempt.hosting().pipelines().updatePipeline(pipeline.id(), newName, newType);
      run.changes++;
    }
    return Optional.empty();
  }

  private static Optional<Outcome> applyStages(Run run) {
    if (run.spec().stages != null) {
      new PipelineStages(run.attempt, run.pipelineId(), run.stages, run::changed)
          .apply(run.spec().stages);
    }
    return Optional.empty();
  }

  /**
   * Previews on: enabled with every setting the spec gives, or, when already on, the settings put
   * again when one differs (the repository is compared with the one last written: Sevalla does not
   * show it). Off: disabled, which deletes the preview applications.
   */
  private static Optional<Outcome> applyPreviews(Run run) {
    KinstaPipelineSpec.Previews wanted = run.spec().previews;
    if (wanted == null) {
      return Optional.empty();
    }
    KinstaPipelineStatus status = run.attempt.status();
    Optional<PipelineStage> preview = previewStage(run.stages);
    HostingApi api = run.attempt.hosting();
    PreviewSettings settings =
        new PreviewSettings(
            wanted.repoUrl, wanted.autoCreateApp, wanted.deleteStaleApps, wanted.staleAppDays);
    String recordedRepo = status.previews == null ? null : status.previews.repoUrl;
    boolean on = preview.isPresent();
    if (Boolean.TRUE.equals(wanted.enabled) != on
        && !run.attempt.correct("spec.previews.enabled", wanted.enabled, on)) {
      return Optional.empty();
    }
    if (Boolean.TRUE.equals(wanted.enabled)
        && on
        && (!Objects.equals(wanted.repoUrl, recordedRepo) || differs(wanted, preview.get()))
        && !run.attempt.correct("spec.previews", "as the spec says", "other settings")) {
      return Optional.empty();
    }
    if (Boolean.TRUE.equals(wanted.enabled) && preview.isEmpty()) {
      api.pipelines().enablePreviews(run.pipelineId(), settings);
      previewsChanged(run, "Enabled previews from " + wanted.repoUrl);
    } else if (Boolean.TRUE.equals(wanted.enabled)
        && (!Objects.equals(wanted.repoUrl, recordedRepo) || differs(wanted, preview.get()))) {
      api.pipelines().updatePreviews(run.pipelineId(), settings);
      previewsChanged(run, "Changed the preview settings");
    } else if (!Boolean.TRUE.equals(wanted.enabled) && preview.isPresent()) {
      if (!run.attempt.approved(
          "Turning previews off (Sevalla deletes the preview applications)")) {
        return Optional.empty();
      }
      api.pipelines().disablePreviews(run.pipelineId());
      previewsChanged(run, "Disabled previews; Sevalla deletes the preview applications");
    } else {
      return Optional.empty();
    }
    if (status.previews == null) {
      status.previews = new PreviewsStatus();
    }
    status.previews.repoUrl = Boolean.TRUE.equals(wanted.enabled) ? wanted.repoUrl : recordedRepo;
    return Optional.empty();
  }

  private static Optional<PipelineStage> previewStage(List<PipelineStage> stages) {
    return stages.stream().filter(s -> PipelineStage.PREVIEW.equals(s.type())).findFirst();
  }

  private static boolean differs(KinstaPipelineSpec.Previews wanted, PipelineStage preview) {
    return (wanted.autoCreateApp != null && !wanted.autoCreateApp.equals(preview.autoCreateApp()))
        || (wanted.deleteStaleApps != null
            && !wanted.deleteStaleApps.equals(preview.deleteStaleApps()))
        || (wanted.staleAppDays != null && !wanted.staleAppDays.equals(preview.staleAppDays()));
  }

  private static void previewsChanged(Run run, String message) {
    run.changes++;
    run.attempt
        .events()
        .normal(
            run.attempt.resource(),
            PipelineReasons.PREVIEWS_CHANGED,
            message + " on pipeline " + run.pipelineId());
  }

  private static Optional<Outcome> applyMembers(Run run) {
    List<PipelineMembers.Wanted> wanted =
        PipelineMembers.wanted(
            run.attempt, PipelineMembers.stageRefs(run.spec(), run.stages), run.waiting);
    new PipelineMembers(run.attempt, run.pipelineId(), run::changed).apply(wanted, run.stages);
    return Optional.empty();
  }

  /**
   * After changes, the next reconcile looks again (one read) so that status shows what Sevalla made
   * of them; applications without an id yet are waited for, and their controller's update wakes
   * this pipeline.
   */
  private static Optional<Outcome> confirm(Run run) {
    record(run);
    if (run.changes > 0) {
      return Optional.of(
          Outcome.progressing(
              PipelineReasons.PIPELINE_UPDATING,
              "Applied "
                  + run.changes
                  + " change(s) to pipeline "
                  + run.pipelineId()
                  + "; looking again to confirm",
              run.attempt.shortly()));
    }
    if (!run.waiting.isEmpty()) {
      return Optional.of(
          Outcome.progressing(
              PipelineReasons.WAITING_FOR_APPLICATION,
              "Waiting for KinstaApplication "
                  + String.join(", ", run.waiting)
                  + " to exist and have a Sevalla id",
              null));
    }
    return Optional.empty();
  }

  /** The stages and previews, as the reconcile leaves them. */
  private static void record(Run run) {
    KinstaPipelineStatus status = run.attempt.status();
    status.stages =
        run.stages.stream()
            .map(
                stage -> {
                  StageStatus seen = new StageStatus();
                  seen.id = stage.id();
                  seen.name = stage.displayName();
                  seen.type = stage.type();
                  seen.branch = stage.branch();
                  return seen;
                })
            .toList();
    Optional<PipelineStage> preview = previewStage(run.stages);
    String repo = status.previews == null ? null : status.previews.repoUrl;
    PreviewsStatus previews = new PreviewsStatus();
    status.previews = previews;
    previews.enabled = preview.isPresent();
    previews.repoUrl = repo;
    preview.ifPresent(
        stage -> {
          previews.autoCreateApp = stage.autoCreateApp();
          previews.deleteStaleApps = stage.deleteStaleApps();
          previews.staleAppDays = stage.staleAppDays();
        });
  }

  private static Outcome ready(Run run) {
    KinstaPipelineStatus status = run.attempt.status();
    String stages =
        run.stages.stream().map(PipelineStage::displayName).collect(Collectors.joining(" → "));
    long members = status.members.stream().filter(m -> Boolean.TRUE.equals(m.added)).count();
    return run.attempt.ready(
        "Pipeline \""
            + status.displayName
            + "\" ("
            + status.type
            + "): "
            + stages
            + "; "
            + members
            + " application(s) placed by the operator; previews "
            + (status.previews != null && Boolean.TRUE.equals(status.previews.enabled)
                ? "on"
                : "off"));
  }

  @Override
  protected Optional<String> kinstaId(KinstaPipeline pipeline) {
    return recordedId(pipeline);
  }

  /** The object's id as the resource records it: in status once known, else the one it adopts. */
  static Optional<String> recordedId(KinstaPipeline pipeline) {
    if (pipeline.getStatus() != null && pipeline.getStatus().pipelineId != null) {
      return Optional.of(pipeline.getStatus().pipelineId);
    }
    KinstaPipelineSpec spec = pipeline.getSpec();
    return Optional.ofNullable(spec == null || spec.adopt == null ? null : spec.adopt.id);
  }

  @Override
  protected boolean hasRemoteObject(KinstaPipelineStatus status) {
    return status.pipelineId != null || status.creation != null;
  }

  @Override
  protected Deletion deleteRemote(Attempt<KinstaPipeline, KinstaPipelineStatus> attempt) {
    KinstaPipelineStatus status = attempt.status();
    Optional<Deletion> lookingForIt =
        new PipelineProvisioner(attempt).creation().resolveWhileDeleting();
    if (lookingForIt.isPresent()) {
      return lookingForIt.get();
    }
    if (status.pipelineId == null) {
      return Deletion.finished();
    }
    String id = status.pipelineId;
    HostingApi api = attempt.hosting();
    return ReadBackDeletion.step(
        attempt,
        PipelineOperation.DELETE_PIPELINE,
        id,
        "pipeline " + id,
        PipelineReasons.DELETING_PIPELINE,
        () -> api.pipelines().deletePipeline(id),
        () -> api.pipelines().getPipeline(id));
  }

  @Override
  protected DeletionPolicy deletionPolicy(KinstaPipeline pipeline) {
    return deletionPolicy(pipeline.getSpec().deletionPolicy, pipeline.getSpec().adopt != null);
  }

  @Override
  protected String remoteKind() {
    return "Pipeline";
  }

  @Override
  protected String describeRemote(KinstaPipelineStatus status) {
    return "Pipeline " + status.pipelineId;
  }
}
