package dev.operators.kinsta.hosting.applicationaction;

import dev.operators.kinsta.api.v1alpha1.ActionOutcome;
import dev.operators.kinsta.api.v1alpha1.FieldProblem;
import dev.operators.kinsta.api.v1alpha1.KinstaApplication;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationAction;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationActionSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationActionSpec.ApplicationReference;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationActionStatus;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationActionStatus.PromotedDeployment;
import dev.operators.kinsta.api.v1alpha1.KinstaPipeline;
import dev.operators.kinsta.hosting.client.HostingApi;
import dev.operators.kinsta.hosting.client.dto.Deployment;
import dev.operators.kinsta.hosting.client.dto.Promotion;
import dev.operators.kinsta.reconcile.Attempt;
import dev.operators.kinsta.reconcile.ControllerServices;
import dev.operators.kinsta.reconcile.KinstaReconciler;
import dev.operators.kinsta.reconcile.Outcome;
import dev.operators.kinsta.reconcile.PrimaryCaches;
import dev.operators.kinsta.reconcile.Reason;
import dev.operators.kinsta.reconcile.StatusConditions;
import dev.operators.kinsta.reconcile.Steps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reconciles a {@link KinstaApplicationAction}: one run per generation. Purging a cache may be sent
 * again; a promotion may not (it starts deployments), so the run is written to status before the
 * call, and a run found started without its answer is reported, never sent twice.
 */
public final class ApplicationActionReconciler
    extends KinstaReconciler<KinstaApplicationAction, KinstaApplicationActionStatus> {
  private static final Set<String> DEPLOYMENT_DONE = Set.of("success", "failed", "cancelled");

  public ApplicationActionReconciler(ControllerServices services) {
    super(services, KinstaApplicationAction.class, KinstaApplicationActionStatus.class);
  }

  @Override
  protected List<FieldProblem> validate(KinstaApplicationAction action) {
    return List.of();
  }

  /**
   * What a KinstaApplicationAction's reconcile does, in order; the first step with an outcome ends
   * it.
   */
  static final Steps<Run> STEPS =
      Steps.<Run>first("start over for a new generation", ApplicationActionReconciler::startOver)
          .then("report a run that ended", ApplicationActionReconciler::ended)
          .then("follow the deployments in flight", ApplicationActionReconciler::followDeployments)
          .then("report a call whose answer was lost", ApplicationActionReconciler::answerLost)
          .then("find the application", ApplicationActionReconciler::findApplication);

  /** One reconcile of an action: the attempt, the other kinds' caches, the application's id. */
  static final class Run {
    final Attempt<KinstaApplicationAction, KinstaApplicationActionStatus> attempt;
    final PrimaryCaches caches;
    @Nullable String applicationId;

    Run(
        Attempt<KinstaApplicationAction, KinstaApplicationActionStatus> attempt,
        PrimaryCaches caches) {
      this.attempt = attempt;
      this.caches = caches;
    }

    KinstaApplicationActionSpec spec() {
      return attempt.resource().getSpec();
    }

    KinstaApplicationActionStatus status() {
      return attempt.status();
    }
  }

  @Override
  protected Outcome reconcileRemote(
      Attempt<KinstaApplicationAction, KinstaApplicationActionStatus> attempt) {
    return STEPS.run(new Run(attempt, services.caches()), ApplicationActionReconciler::act);
  }

  /** A new generation is a new run: what the previous one left is cleared. */
  private static Optional<Outcome> startOver(Run run) {
    KinstaApplicationActionStatus status = run.status();
    long generation = run.attempt.resource().getMetadata().getGeneration();
    if (status.runGeneration == null || status.runGeneration != generation) {
      status.runGeneration = generation;
      status.outcome = null;
      status.startedAt = null;
      status.finishedAt = null;
      status.message = null;
      status.deployments = null;
    }
    return Optional.empty();
  }

  private static Optional<Outcome> ended(Run run) {
    KinstaApplicationActionStatus status = run.status();
    if (status.outcome == ActionOutcome.Succeeded) {
      return Optional.of(run.attempt.ready(Objects.requireNonNullElse(status.message, "Done")));
    }
    if (status.outcome == ActionOutcome.Failed) {
      return Optional.of(
          Outcome.stalled(
              status.deployments == null
                  ? ApplicationActionReasons.ANSWER_LOST
                  : failedReason(run.spec()),
              status.message + "; change the spec to run it again"));
    }
    return Optional.empty();
  }

  private static Optional<Outcome> followDeployments(Run run) {
    return run.status().deployments == null ? Optional.empty() : Optional.of(follow(run.attempt));
  }

  /** Only the calls that may be sent again (cache purge, cancellation) survive a lost answer. */
  private static Optional<Outcome> answerLost(Run run) {
    KinstaApplicationActionSpec spec = run.spec();
    if (run.status().startedAt == null
        || spec.clearCache != null
        || spec.cancelDeployment != null) {
      return Optional.empty();
    }
    return Optional.of(answerLost(run.attempt));
  }

  private static Optional<Outcome> findApplication(Run run) {
    Optional<String> id = applicationId(run, run.spec().application);
    if (id.isEmpty()) {
      return Optional.of(waitingFor(run.attempt, run.spec().application));
    }
    run.applicationId = id.get();
    return Optional.empty();
  }

  /** Carries out the action the spec names. */
  private static Outcome act(Run run) {
    Attempt<KinstaApplicationAction, KinstaApplicationActionStatus> attempt = run.attempt;
    KinstaApplicationActionSpec spec = run.spec();
    String applicationId = Objects.requireNonNull(run.applicationId, "found before use");
    if (spec.clearCache != null) {
      attempt.hosting().applications().purgeApplicationCache(applicationId);
      return succeeded(
          attempt, ApplicationActionReasons.CACHE_CLEARED, "Cleared the application's cache");
    }
    if (spec.cancelDeployment != null) {
      return cancel(attempt, applicationId);
    }
    if (spec.rollback != null) {
      return rollback(attempt, applicationId);
    }
    return promote(run, applicationId);
  }

  private static Reason failedReason(KinstaApplicationActionSpec spec) {
    return spec.rollback != null
        ? ApplicationActionReasons.ROLLBACK_FAILED
        : ApplicationActionReasons.PROMOTION_FAILED;
  }

  /** Cancels the deployment in progress; with none, there is nothing to do. */
  private static Outcome cancel(
      Attempt<KinstaApplicationAction, KinstaApplicationActionStatus> attempt,
      String applicationId) {
    HostingApi hosting = attempt.hosting();
    Optional<Deployment> latest =
        hosting
            .deployments()
            .latestDeployment(applicationId)
            .filter(d -> "waiting".equals(d.status()) || "inProgress".equals(d.status()));
    if (latest.isEmpty()) {
      return succeeded(
          attempt,
          ApplicationActionReasons.DEPLOYMENT_CANCELLED,
          "No deployment was in progress; nothing to cancel");
    }
    hosting.deployments().cancelDeployment(applicationId, latest.get().id());
    return succeeded(
        attempt,
        ApplicationActionReasons.DEPLOYMENT_CANCELLED,
        "Cancelled deployment " + latest.get().id());
  }

  /** Starts the rollback (written to status first: it deploys) and follows its deployment. */
  private static Outcome rollback(
      Attempt<KinstaApplicationAction, KinstaApplicationActionStatus> attempt,
      String applicationId) {
    started(attempt, ApplicationActionReasons.ROLLING_BACK, "Rolling back " + applicationId);
    Deployment deployment = attempt.hosting().deployments().rollback(applicationId);
    PromotedDeployment started = new PromotedDeployment();
    started.applicationId = applicationId;
    started.deploymentId = deployment.id();
    started.status = deployment.status();
    attempt.status().deployments = List.of(started);
    return Outcome.progressing(
        ApplicationActionReasons.ROLLING_BACK,
        "Sevalla is deploying the previous build again (deployment " + deployment.id() + ")",
        attempt.shortly());
  }

  private static Outcome promote(Run run, String sourceId) {
    Attempt<KinstaApplicationAction, KinstaApplicationActionStatus> attempt = run.attempt;
    List<String> targets = new ArrayList<>();
    KinstaApplicationActionSpec.Promote promote =
        Objects.requireNonNull(attempt.resource().getSpec().promote, "spec.promote");
    for (ApplicationReference target :
        Objects.requireNonNull(promote.targets, "spec.promote.targets")) {
      Optional<String> id = applicationId(run, target);
      if (id.isEmpty()) {
        return waitingFor(attempt, target);
      }
      targets.add(id.get());
    }
    Optional<String> pipelineId = pipelineId(run);
    if (pipelineId.isEmpty()) {
      // Looked at again shortly, in the pipeline controller's cache: no call.
      return Outcome.progressing(
          ApplicationActionReasons.WAITING_FOR_PIPELINE,
          "KinstaPipeline "
              + attempt.resource().getSpec().promote.pipeline
              + " does not exist or has no Sevalla id yet",
          attempt.shortly());
    }
    KinstaApplicationActionStatus status = attempt.status();
    started(attempt, ApplicationActionReasons.PROMOTING, "Promoting onto " + targets);
    List<Promotion> promotions =
        attempt.hosting().deployments().promote(pipelineId.get(), sourceId, targets);
    status.deployments =
        promotions.stream()
            .map(
                promotion -> {
                  PromotedDeployment deployment = new PromotedDeployment();
                  deployment.applicationId = promotion.targetAppId();
                  deployment.deploymentId = promotion.deploymentId();
                  return deployment;
                })
            .toList();
    return Outcome.progressing(
        ApplicationActionReasons.PROMOTING,
        "Sevalla is deploying onto " + promotions.size() + " application(s)",
        attempt.shortly());
  }

  /** Follows each promotion's deployment to its end. */
  private static Outcome follow(
      Attempt<KinstaApplicationAction, KinstaApplicationActionStatus> attempt) {
    KinstaApplicationActionStatus status = attempt.status();
    HostingApi hosting = attempt.hosting();
    for (PromotedDeployment deployment : Objects.requireNonNull(status.deployments)) {
      if (deployment.status == null || !DEPLOYMENT_DONE.contains(deployment.status)) {
        deployment.status =
            hosting
                .deployments()
                .getDeployment(
                    Objects.requireNonNull(deployment.applicationId, "applicationId"),
                    Objects.requireNonNull(deployment.deploymentId, "deploymentId"))
                .status();
      }
    }
    List<PromotedDeployment> unfinished =
        status.deployments.stream()
            .filter(d -> d.status == null || !DEPLOYMENT_DONE.contains(d.status))
            .toList();
    boolean rollback = attempt.resource().getSpec().rollback != null;
    if (!unfinished.isEmpty()) {
      return Outcome.progressing(
          rollback ? ApplicationActionReasons.ROLLING_BACK : ApplicationActionReasons.PROMOTING,
          "Waiting for "
              + unfinished.size()
              + " deployment(s) of the "
              + (rollback ? "rollback" : "promotion"),
          attempt.pollAfter(status.startedAt == null ? null : Instant.parse(status.startedAt)));
    }
    List<String> failed =
        status.deployments.stream()
            .filter(d -> !"success".equals(d.status))
            .map(d -> d.applicationId + " (" + d.status + ")")
            .toList();
    if (!failed.isEmpty()) {
      status.outcome = ActionOutcome.Failed;
      status.finishedAt = attempt.now().toString();
      status.message =
          "The "
              + (rollback ? "rollback" : "promotion")
              + "'s deployment failed on "
              + String.join(", ", failed);
      return Outcome.stalled(
          failedReason(attempt.resource().getSpec()),
          status.message + "; change the spec to run it again");
    }
    if (rollback) {
      return succeeded(
          attempt,
          ApplicationActionReasons.ROLLED_BACK,
          "Rolled back: deployment " + status.deployments.get(0).deploymentId + " succeeded");
    }
    return succeeded(
        attempt,
        ApplicationActionReasons.PROMOTED,
        "Promoted onto "
            + status.deployments.stream()
                .map(d -> d.applicationId)
                .collect(Collectors.joining(", ")));
  }

  /**
   * The run is written to status before a call that makes something, so that a crash or a lost
   * answer is known afterwards; the write failing means the call is not made.
   */
  private static void started(
      Attempt<KinstaApplicationAction, KinstaApplicationActionStatus> attempt,
      Reason reason,
      String what) {
    KinstaApplicationActionStatus status = attempt.status();
    status.outcome = ActionOutcome.Running;
    status.startedAt = attempt.now().toString();
    attempt.writeStatusNow(reason, what);
  }

  private static Outcome answerLost(
      Attempt<KinstaApplicationAction, KinstaApplicationActionStatus> attempt) {
    KinstaApplicationActionStatus status = attempt.status();
    status.outcome = ActionOutcome.Failed;
    status.finishedAt = attempt.now().toString();
    status.message =
        "The call sent at "
            + status.startedAt
            + " got no answer, so whether Sevalla acted is unknown; it is not sent again. Check"
            + " Sevalla's dashboard";
    return Outcome.stalled(
        ApplicationActionReasons.ANSWER_LOST, status.message + "; change the spec to run it again");
  }

  private static Outcome succeeded(
      Attempt<KinstaApplicationAction, KinstaApplicationActionStatus> attempt,
      Reason event,
      String message) {
    KinstaApplicationActionStatus status = attempt.status();
    status.outcome = ActionOutcome.Succeeded;
    if (status.startedAt == null) {
      status.startedAt = attempt.now().toString();
    }
    status.finishedAt = attempt.now().toString();
    status.message = message;
    attempt.events().normal(attempt.resource(), event, message);
    return attempt.ready(message);
  }

  /** The application's id: given, or that of a Ready KinstaApplication in this namespace. */
  private static Optional<String> applicationId(Run run, @Nullable ApplicationReference reference) {
    Attempt<KinstaApplicationAction, KinstaApplicationActionStatus> attempt = run.attempt;
    if (reference == null) {
      return Optional.empty();
    }
    if (reference.id != null) {
      return Optional.of(reference.id);
    }
    return run.caches
        .get(
            KinstaApplication.class,
            attempt.resource().getMetadata().getNamespace(),
            Objects.requireNonNull(reference.name, "name or id, by the schema"))
        .filter(app -> StatusConditions.isReadyAndCurrent(app) || repairs(attempt))
        .map(app -> app.getStatus() == null ? null : app.getStatus().applicationId);
  }

  /** The pipeline's id: given, or that of a KinstaPipeline in this namespace. */
  private static Optional<String> pipelineId(Run run) {
    KinstaApplicationActionSpec.Promote promote =
        Objects.requireNonNull(run.spec().promote, "spec.promote");
    String given = promote.pipelineId;
    if (given != null) {
      return Optional.of(given);
    }
    return run.caches
        .get(
            KinstaPipeline.class,
            run.attempt.resource().getMetadata().getNamespace(),
            Objects.requireNonNull(promote.pipeline, "pipeline or pipelineId, by the schema"))
        .map(pipeline -> pipeline.getStatus() == null ? null : pipeline.getStatus().pipelineId);
  }

  /** A rollback or a cancellation is for an application that is not well: it need not be Ready. */
  private static boolean repairs(
      Attempt<KinstaApplicationAction, KinstaApplicationActionStatus> attempt) {
    KinstaApplicationActionSpec spec = attempt.resource().getSpec();
    return spec.rollback != null || spec.cancelDeployment != null;
  }

  private static Outcome waitingFor(
      Attempt<KinstaApplicationAction, KinstaApplicationActionStatus> attempt,
      @Nullable ApplicationReference reference) {
    String name = reference == null ? "(none)" : String.valueOf(reference.name);
    // Looked at again shortly, in the application controller's cache: no call.
    return Outcome.progressing(
        ApplicationActionReasons.WAITING_FOR_APPLICATION,
        "KinstaApplication " + name + " does not exist or is not Ready yet",
        attempt.shortly());
  }
}
