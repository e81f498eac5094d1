package dev.operators.kinsta.application;

import dev.operators.kinsta.api.v1alpha1.DeletionPolicy;
import dev.operators.kinsta.api.v1alpha1.KinstaApplication;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationStatus;
import dev.operators.kinsta.client.HostingApi;
import dev.operators.kinsta.client.KinstaApiException;
import dev.operators.kinsta.client.dto.Application;
import dev.operators.kinsta.reconcile.Attempt;
import dev.operators.kinsta.reconcile.ControllerServices;
import dev.operators.kinsta.reconcile.Deletion;
import dev.operators.kinsta.reconcile.FieldProblem;
import dev.operators.kinsta.reconcile.KinstaObjectReconciler;
import dev.operators.kinsta.reconcile.Outcome;
import dev.operators.kinsta.reconcile.ReadBackDeletion;
import dev.operators.kinsta.reconcile.Reasons;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

  @Override
  protected Outcome reconcileRemote(Attempt<KinstaApplication, KinstaApplicationStatus> attempt) {
    KinstaApplicationStatus status = attempt.status();
    HostingApi api = attempt.hosting();
    KinstaApplicationSpec spec = attempt.resource().getSpec();
    Application app;
    try {
      app =
          api.getApplication(
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
      return Outcome.stalled(
          ApplicationReasons.APPLICATION_NOT_FOUND,
          which
              + "; Kinsta's API cannot create applications: create it "
              + "in MyKinsta, then point spec.adopt at it");
    }
    if (status.applicationId == null) {
      status.applicationId = app.id();
      attempt
          .events()
          .normal(attempt.resource(), Reasons.ADOPTED, "Adopted application " + app.id());
    }
    Deployments deployments = new Deployments(attempt, api, app);
    deployments.observeAtAdoption();
    observe(status, app);
    Optional<Outcome> inFlight = deployments.follow();
    if (inFlight.isPresent()) {
      return inFlight.get();
    }
    ApplicationSettingsPlan.apply(attempt, api, app);
    status.processes = Processes.reconcile(attempt, api, app);
    Toggles.apply(attempt, api, app.id());
    return deployments
        .startIfWanted()
        .orElseGet(
            () ->
                attempt.ready(
                    "Application "
                        + app.name()
                        + " matches the "
                        + "spec"
                        + (status.lastDeployment == null
                            ? ""
                            : "; last deployment " + status.lastDeployment.status)));
  }

  private static void observe(KinstaApplicationStatus status, Application app) {
    status.name = app.name();
    status.displayName = app.displayName();
    status.state = app.status();
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
  protected String describeRemote(KinstaApplicationStatus status) {
    return "Application " + status.applicationId;
  }
}
