package dev.operators.kinsta.application;

import dev.operators.kinsta.api.v1alpha1.DeletionPolicy;
import dev.operators.kinsta.api.v1alpha1.FieldProblem;
import dev.operators.kinsta.api.v1alpha1.KinstaApplication;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationStatus;
import dev.operators.kinsta.client.HostingApi;
import dev.operators.kinsta.client.KinstaApiException;
import dev.operators.kinsta.client.dto.Application;
import dev.operators.kinsta.client.dto.ApplicationMetric;
import dev.operators.kinsta.reconcile.Attempt;
import dev.operators.kinsta.reconcile.ControllerServices;
import dev.operators.kinsta.reconcile.Deletion;
import dev.operators.kinsta.reconcile.KinstaObjectReconciler;
import dev.operators.kinsta.reconcile.ListedUnchanged;
import dev.operators.kinsta.reconcile.Outcome;
import dev.operators.kinsta.reconcile.ReadBackDeletion;
import dev.operators.kinsta.reconcile.Reasons;
import dev.operators.kinsta.reconcile.Steps;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reconciles a {@link KinstaApplication}: adopts the application, follows the deployment in flight,
 * then brings settings, processes, CDN and edge caching in line, and starts a deployment when what
 * should run changed.
 */
public final class ApplicationReconciler
    extends KinstaObjectReconciler<KinstaApplication, KinstaApplicationStatus> {

  public ApplicationReconciler(ControllerServices services) {
    super(services, KinstaApplication.class, KinstaApplicationStatus.class);
  }

  @Override
  protected Set<String> stallsThatMayClear() {
    Set<String> reasons = new HashSet<>(super.stallsThatMayClear());
    reasons.addAll(Set.of(ApplicationReasons.APPLICATION_NOT_FOUND));
    return reasons;
  }

  @Override
  protected List<FieldProblem> validate(KinstaApplication app) {
    KinstaApplicationSpec spec = app.getSpec();
    List<FieldProblem> problems = new ArrayList<>();
    if (spec == null
        || spec.adopt == null
        || (spec.adopt.id == null) == (spec.adopt.name == null)) {
      problems.add(new FieldProblem("spec.adopt", "set exactly one of id or name"));
    }
    if (spec != null && spec.processes != null) {
      for (int i = 0; i < spec.processes.size(); i++) {
        KinstaApplicationSpec.ProcessSpec process = spec.processes.get(i);
        if (process.instances != null && process.autoscaling != null) {
          problems.add(
              new FieldProblem(
                  "spec.processes[" + i + "]", "set instances or autoscaling, not both"));
        }
      }
    }
    if (spec != null
        && spec.deployment != null
        && spec.deployment.branch != null
        && spec.deployment.dockerImage != null) {
      problems.add(new FieldProblem("spec.deployment", "set branch or dockerImage, not both"));
    }
    return problems;
  }

  /**
   * What a KinstaApplication's reconcile does, in order; the first step with an outcome ends it.
   */
  static final Steps<Run> STEPS =
      Steps.<Run>first(
              "stop when the company's list shows nothing changed",
              ApplicationReconciler::unchanged)
          .then("find the application and observe it", ApplicationReconciler::observe)
          .then("follow the deployment in flight", run -> run.deployments().follow())
          .then("apply settings, processes, CDN and edge caching", ApplicationReconciler::apply)
          .then(
              "start a deployment when what should run changed",
              run -> run.deployments().startIfWanted());

  /** One reconcile of an application: the attempt and the application as Kinsta reports it. */
  static final class Run {
    final Attempt<KinstaApplication, KinstaApplicationStatus> attempt;
    final HostingApi api;
    @Nullable Application app;
    @Nullable Deployments deployments;

    Run(Attempt<KinstaApplication, KinstaApplicationStatus> attempt) {
      this.attempt = attempt;
      this.api = attempt.hosting();
    }

    Application app() {
      return Objects.requireNonNull(app, "observed before use");
    }

    Deployments deployments() {
      return Objects.requireNonNull(deployments, "observed before use");
    }
  }

  @Override
  protected Outcome reconcileRemote(Attempt<KinstaApplication, KinstaApplicationStatus> attempt) {
    return STEPS.run(new Run(attempt), ApplicationReconciler::ready);
  }

  /**
   * A Ready application whose entry in the company's list is as last seen needs no call of its own
   * at a resync; one whose newest build is still unmeasured takes the full look.
   */
  private static Optional<Outcome> unchanged(Run run) {
    KinstaApplicationStatus status = run.attempt.status();
    if (status.latestDeployment != null && status.latestDeployment.buildTime == null) {
      return Optional.empty();
    }
    return ListedUnchanged.stillReady(
        run.attempt,
        run.attempt.hostingLists().applications(run.api, run.attempt.companyId()),
        status.applicationId,
        status.state,
        status.displayName);
  }

  private static Optional<Outcome> observe(Run run) {
    Attempt<KinstaApplication, KinstaApplicationStatus> attempt = run.attempt;
    KinstaApplicationStatus status = attempt.status();
    KinstaApplicationSpec spec = attempt.resource().getSpec();
    try {
      run.app =
          run.api.getApplication(
              status.applicationId != null
                  ? status.applicationId
                  : spec.adopt.id != null ? spec.adopt.id : spec.adopt.name);
    } catch (KinstaApiException.NotFound missing) {
      String which =
          status.applicationId != null
              ? "Application " + status.applicationId + " no longer exists"
              : "The company has no application "
                  + (spec.adopt.id != null
                      ? "with id " + spec.adopt.id
                      : "named " + spec.adopt.name);
      return Optional.of(
          Outcome.stalled(
              ApplicationReasons.APPLICATION_NOT_FOUND,
              which
                  + "; Kinsta's API cannot create applications: create it "
                  + "in MyKinsta, then point spec.adopt at it"));
    }
    Application app = run.app();
    if (status.applicationId == null) {
      status.applicationId = app.id();
      attempt
          .events()
          .normal(attempt.resource(), Reasons.ADOPTED, "Adopted application " + app.id());
    }
    run.deployments = new Deployments(attempt, run.api, app);
    run.deployments().observeAtAdoption();
    record(status, app);
    buildTime(attempt, run.api, app.id());
    return Optional.empty();
  }

  private static Optional<Outcome> apply(Run run) {
    ApplicationSettingsPlan.apply(run.attempt, run.api, run.app());
    run.attempt.status().processes = Processes.reconcile(run.attempt, run.api, run.app());
    Toggles.apply(run.attempt, run.api, run.app().id());
    return Optional.empty();
  }

  private static Outcome ready(Run run) {
    KinstaApplicationStatus status = run.attempt.status();
    return run.attempt.ready(
        "Application "
            + run.app().name()
            + " matches the spec"
            + (status.lastDeployment == null
                ? ""
                : "; last deployment " + status.lastDeployment.status));
  }

  private static void record(KinstaApplicationStatus status, Application app) {
    status.name = app.name();
    status.displayName = app.displayName();
    status.state = app.status();
    KinstaApplicationStatus.LatestDeployment before = status.latestDeployment;
    status.latestDeployment =
        app.deploymentsOrEmpty().stream()
            .filter(d -> d.createdAt() != null)
            .max(Comparator.comparing(Application.DeploymentSummary::createdAt))
            .map(ApplicationReconciler::latest)
            .orElse(null);
    if (status.latestDeployment != null
        && before != null
        && status.latestDeployment.id.equals(before.id)) {
      status.latestDeployment.buildTime = before.buildTime;
    }
  }

  /**
   * The newest deployment's build time, read once per deployment from the build-time metric (on the
   * reports' lane: a permit refused leaves it for the next look, never delays the reconcile); a
   * build not measured yet is looked for again while the deployment is younger than a day.
   */
  private static void buildTime(
      Attempt<KinstaApplication, KinstaApplicationStatus> attempt,
      HostingApi api,
      String applicationId) {
    KinstaApplicationStatus.LatestDeployment latest = attempt.status().latestDeployment;
    // Not while a deployment is followed (its polls are frequent), and once known, never again.
    if (latest == null
        || latest.createdAt == null
        || latest.buildTime != null
        || attempt.status().operation != null) {
      return;
    }
    Instant created = Instant.parse(latest.createdAt);
    Instant now = attempt.now();
    if (created.isBefore(now.minus(Duration.ofDays(1)))) {
      return;
    }
    Instant end = created.plus(Duration.ofHours(2));
    try {
      api.applicationMetric(
              applicationId, ApplicationMetric.BUILD_TIME, created, end.isAfter(now) ? now : end)
          .ifPresent(seconds -> latest.buildTime = Math.round(seconds));
    } catch (KinstaApiException notNow) {
      // Looked for again at the next reconcile while the deployment is young.
    }
  }

  private static KinstaApplicationStatus.LatestDeployment latest(
      Application.DeploymentSummary deployment) {
    KinstaApplicationStatus.LatestDeployment latest =
        new KinstaApplicationStatus.LatestDeployment();
    latest.id = deployment.id();
    latest.branch = deployment.branch();
    String message = deployment.commitMessage();
    latest.commitMessage =
        message == null ? null : message.length() > 200 ? message.substring(0, 200) : message;
    latest.createdAt =
        java.time.Instant.ofEpochMilli(Objects.requireNonNull(deployment.createdAt())).toString();
    return latest;
  }

  @Override
  protected Optional<String> kinstaId(KinstaApplication app) {
    if (app.getStatus() != null && app.getStatus().applicationId != null) {
      return Optional.of(app.getStatus().applicationId);
    }
    KinstaApplicationSpec spec = app.getSpec();
    return Optional.ofNullable(spec == null || spec.adopt == null ? null : spec.adopt.id);
  }

  @Override
  protected boolean hasRemoteObject(KinstaApplicationStatus status) {
    return status.applicationId != null;
  }

  @Override
  protected Deletion deleteRemote(Attempt<KinstaApplication, KinstaApplicationStatus> attempt) {
    String id = attempt.status().applicationId;
    HostingApi api = attempt.hosting();
    return ReadBackDeletion.step(
        attempt,
        ApplicationOperation.DELETE_APPLICATION,
        id,
        "application " + id,
        ApplicationReasons.DELETING_APPLICATION,
        () -> api.deleteApplication(id),
        () -> api.getApplication(id));
  }

  @Override
  protected DeletionPolicy deletionPolicy(KinstaApplication app) {
    return deletionPolicy(app.getSpec().deletionPolicy, true);
  }

  @Override
  protected String remoteKind() {
    return "Application";
  }

  @Override
  protected String describeRemote(KinstaApplicationStatus status) {
    return "Application " + status.applicationId;
  }
}
