package dev.operators.kinsta.hosting.application;

import dev.operators.kinsta.api.v1alpha1.KinstaApplication;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationSpec.DeploymentSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationStatus;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationStatus.DeploymentStatus;
import dev.operators.kinsta.api.v1alpha1.TrackedOperation;
import dev.operators.kinsta.hosting.DeploymentFollower;
import dev.operators.kinsta.hosting.client.HostingApi;
import dev.operators.kinsta.hosting.client.dto.Deployment;
import dev.operators.kinsta.hosting.client.dto.DeploymentLogLine;
import dev.operators.kinsta.reconcile.Attempt;
import dev.operators.kinsta.reconcile.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Deployments: one starts when the wanted branch, image or redeploy token changes (recorded in
 * {@code status.deployedFor}), and status follows it to success or failure. At adoption the current
 * state counts as deployed when the latest deployment is of the wanted branch, so adopting an
 * application does not redeploy it.
 */
final class Deployments {
  private static final DeploymentFollower.Reasons REASONS =
      new DeploymentFollower.Reasons(
          ApplicationReasons.DEPLOYING,
          ApplicationReasons.DEPLOYED,
          ApplicationReasons.DEPLOYMENT_FAILED,
          "change spec.deployment (e.g. its redeployToken) to try again, or roll back with a"
              + " KinstaApplicationAction");
  private static final int LOG_LINES = 20;
  private static final int LOG_LINE_LENGTH = 300;

  private final Attempt<KinstaApplication, KinstaApplicationStatus> attempt;
  private final HostingApi api;
  private final String applicationId;
  private final KinstaApplicationStatus status;
  private final UnaryOperator<String> masked;

  Deployments(
      Attempt<KinstaApplication, KinstaApplicationStatus> attempt,
      HostingApi api,
      String applicationId,
      UnaryOperator<String> masked) {
    this.masked = masked;
    this.attempt = attempt;
    this.api = api;
    this.applicationId = applicationId;
    this.status = attempt.status();
  }

  /**
   * At adoption (or when a created application already has a deployment, e.g. after a lost answer),
   * the newest deployment counts as what the spec wants when it matches.
   */
  void observeAtAdoption(Optional<Deployment> latest) {
    if (status.deployedFor != null || status.operation != null || latest.isEmpty()) {
      return;
    }
    DeploymentSpec wanted = attempt.resource().getSpec().deployment;
    latest.ifPresent(
        d ->
            status.lastDeployment =
                summary(d.id(), d.branch(), d.commitSha(), d.status() == null ? "" : d.status()));
    boolean current =
        wanted == null
            || (wanted.redeployToken == null
                && wanted.dockerImage == null
                && (wanted.branch == null
                    || latest.map(d -> Objects.equals(wanted.branch, d.branch())).orElse(false)));
    if (current) {
      status.deployedFor = trigger(wanted);
    }
  }

  /**
   * A failed deployment stays the answer while it is still the newest: a rollback, a push or a
   * deployment from MyKinsta that came after it ends the stall (it is looked at again, not deployed
   * again).
   */
  Optional<Outcome> stillFailed(Optional<Deployment> latest) {
    DeploymentStatus last = status.lastDeployment;
    boolean anotherWanted =
        Boolean.TRUE.equals(status.redeployPending)
            || !trigger(attempt.resource().getSpec().deployment).equals(status.deployedFor);
    if (last == null
        || anotherWanted
        || !DeploymentFollower.FAILED.contains(last.status)
        || latest.isEmpty()
        || !latest.get().id().equals(last.id)) {
      return Optional.empty();
    }
    List<String> tail = last.logTail == null ? List.of() : last.logTail;
    return Optional.of(
        Outcome.stalled(
            ApplicationReasons.DEPLOYMENT_FAILED,
            "Deployment "
                + last.id
                + " ended "
                + last.status
                + (tail.isEmpty() ? "" : ": " + tail.get(tail.size() - 1))
                + "; change spec.deployment (e.g. its redeployToken) to try again, or roll back"
                + " with a KinstaApplicationAction"));
  }

  /**
   * The outcome while a deployment the operator started is running or has just failed; empty
   * otherwise. A failed deployment's last log lines are kept in status, its last line in the
   * message.
   */
  Optional<Outcome> follow() {
    return DeploymentFollower.follow(
        attempt,
        ApplicationOperation.DEPLOY,
        REASONS,
        id -> {
          Deployment deployment = api.deployments().getDeployment(applicationId, id);
          status.lastDeployment =
              summary(
                  deployment.id(),
                  deployment.branch(),
                  deployment.commitSha(),
                  deployment.status() == null ? "waiting" : deployment.status());
          return new DeploymentFollower.Seen(
              deployment.id(), deployment.status(), describe(deployment));
        },
        failed -> {
          List<String> tail = "failed".equals(failed.status()) ? logTail(failed.id()) : List.of();
          if (!tail.isEmpty() && status.lastDeployment != null) {
            status.lastDeployment.logTail = tail;
          }
          return tail.isEmpty() ? "" : tail.get(tail.size() - 1);
        });
  }

  /**
   * Starts a deployment when what should run changed since the last one, and a created
   * application's first deployment (Sevalla starts none by itself).
   */
  Optional<Outcome> startIfWanted() {
    DeploymentSpec wanted = attempt.resource().getSpec().deployment;
    String trigger = trigger(wanted);
    boolean firstOfCreated = !Boolean.TRUE.equals(status.adopted) && status.deployedFor == null;
    boolean configChanged = Boolean.TRUE.equals(status.redeployPending);
    if (!configChanged
        && ((wanted == null && !firstOfCreated) || trigger.equals(status.deployedFor))) {
      return Optional.empty();
    }
    String branch = wanted == null ? null : wanted.branch;
    String image = wanted == null ? null : wanted.dockerImage;
    if (!attempt.correct(
        "spec.deployment",
        image != null ? image : branch != null ? branch : "a deployment",
        configChanged ? "settings changed since the last deployment" : status.deployedFor)) {
      return Optional.empty();
    }
    status.redeployPending = null;
    String id = api.deployments().createDeployment(applicationId, branch, image).id();
    status.deployedFor = trigger;
    status.lastDeployment = summary(id, branch, null, "waiting");
    TrackedOperation operation =
        attempt.tracked(ApplicationOperation.DEPLOY, image != null ? image : branch);
    operation.deploymentId = id;
    attempt
        .events()
        .normal(
            attempt.resource(),
            ApplicationReasons.DEPLOYING,
            "Started deployment "
                + id
                + " of "
                + (operation.target == null ? "the default branch" : operation.target));
    return Optional.of(
        Outcome.progressing(
            ApplicationReasons.DEPLOYING, "Started deployment " + id, attempt.shortly()));
  }

  /**
   * The last lines of a failed deployment's log, each cut to a readable length and with every value
   * the operator took from a Secret masked (an application may print its configuration).
   */
  private List<String> logTail(String deploymentId) {
    List<DeploymentLogLine> lines =
        api.deployments().deploymentLogs(applicationId, deploymentId, LOG_LINES);
    List<String> tail = new ArrayList<>();
    for (DeploymentLogLine line :
        lines.subList(Math.max(0, lines.size() - LOG_LINES), lines.size())) {
      String text = masked.apply(line.message().strip());
      tail.add(text.length() > LOG_LINE_LENGTH ? text.substring(0, LOG_LINE_LENGTH) + "…" : text);
    }
    return tail;
  }

  static String trigger(@Nullable DeploymentSpec wanted) {
    if (wanted == null) {
      return "";
    }
    return "branch="
        + (wanted.branch == null ? "" : wanted.branch)
        + ";image="
        + (wanted.dockerImage == null ? "" : wanted.dockerImage)
        + ";token="
        + (wanted.redeployToken == null ? "" : wanted.redeployToken);
  }

  private static String describe(Deployment deployment) {
    return deployment.branch() != null ? "branch " + deployment.branch() : "the image";
  }

  private static DeploymentStatus summary(
      String id, @Nullable String branch, @Nullable String commit, String state) {
    DeploymentStatus summary = new DeploymentStatus();
    summary.id = id;
    summary.branch = branch;
    summary.commit = commit;
    summary.status = state;
    return summary;
  }
}
