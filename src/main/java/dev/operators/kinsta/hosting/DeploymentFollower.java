package dev.operators.kinsta.hosting;

import dev.operators.kinsta.api.v1alpha1.KinstaStatus;
import dev.operators.kinsta.api.v1alpha1.OperationType;
import dev.operators.kinsta.api.v1alpha1.TrackedOperation;
import dev.operators.kinsta.reconcile.Attempt;
import dev.operators.kinsta.reconcile.Outcome;
import dev.operators.kinsta.reconcile.Reason;
import dev.operators.kinsta.transport.KinstaApiException;
import io.fabric8.kubernetes.client.CustomResource;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A deployment the operator started (or took over), followed to its end: an application's and a
 * static site's alike. Each look reads the deployment once; success clears the operation and tells
 * it, failure (or a deployment that disappeared) stalls the resource until its spec asks for
 * another, anything else is progress looked at again at the operation's poll interval.
 */
public final class DeploymentFollower {
  public static final Set<String> SUCCEEDED = Set.of("success");
  public static final Set<String> FAILED = Set.of("failed", "cancelled", "skipped");

  /** What a kind calls its deployment's states, and how it says what to do after a failure. */
  public record Reasons(Reason deploying, Reason deployed, Reason failed, String retryHint) {}

  /**
   * A deployment as one look read it (and recorded it in status).
   *
   * @param of what is deployed, for messages ({@code branch main}), or null to leave it out
   */
  public record Seen(String id, @Nullable String status, @Nullable String of) {
    boolean succeeded() {
      return SUCCEEDED.contains(status);
    }

    boolean failed() {
      return FAILED.contains(status);
    }

    String named() {
      return "Deployment " + id + (of == null ? "" : " of " + of);
    }
  }

  private DeploymentFollower() {}

  /**
   * Follows the deployment in {@code status.operation} when it is of {@code type}; empty when there
   * is none, or once it succeeded.
   *
   * @param read reads the deployment with this id and records it in status
   * @param failure what a failed deployment adds to its message (a log line, a build error), read
   *     and recorded as the kind needs
   */
  public static <S extends KinstaStatus> Optional<Outcome> follow(
      Attempt<? extends CustomResource<?, S>, S> attempt,
      OperationType type,
      Reasons reasons,
      Function<String, Seen> read,
      Function<Seen, String> failure) {
    S status = attempt.status();
    TrackedOperation operation = status.operation;
    if (operation == null || !operation.is(type)) {
      return Optional.empty();
    }
    String deploymentId = String.valueOf(operation.deploymentId);
    Seen deployment;
    try {
      deployment = read.apply(deploymentId);
    } catch (KinstaApiException.NotFound lost) {
      status.operation = null;
      return Optional.of(
          Outcome.stalled(reasons.failed(), "Deployment " + deploymentId + " disappeared"));
    }
    if (deployment.succeeded()) {
      status.operation = null;
      attempt
          .events()
          .normal(
              attempt.resource(),
              reasons.deployed(),
              "Deployment " + deployment.id() + " succeeded");
      return Optional.empty();
    }
    if (deployment.failed()) {
      status.operation = null;
      String detail = failure.apply(deployment);
      return Optional.of(
          Outcome.stalled(
              reasons.failed(),
              deployment.named()
                  + " ended "
                  + deployment.status()
                  + (detail.isEmpty() ? "" : ": " + detail)
                  + "; "
                  + reasons.retryHint()));
    }
    return Optional.of(
        Outcome.progressing(
            reasons.deploying(),
            deployment.named()
                + " is "
                + (deployment.status() == null ? "waiting" : deployment.status()),
            attempt.pollAfter(operation)));
  }
}
