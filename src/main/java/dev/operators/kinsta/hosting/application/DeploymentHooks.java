package dev.operators.kinsta.hosting.application;

import dev.operators.kinsta.api.v1alpha1.KinstaApplication;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationStatus;
import dev.operators.kinsta.hosting.client.HostingApi;
import dev.operators.kinsta.reconcile.Attempt;
import dev.operators.kinsta.reconcile.Outcome;
import dev.operators.kinsta.reconcile.OwnedSecrets;
import dev.operators.kinsta.reconcile.Reasons;
import dev.operators.kinsta.transport.KinstaApiException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An application's deployment hook, a URL that deploys it when POSTed to: made (or rotated, when
 * {@code rotationToken} changes) in Sevalla and written to a Secret the operator owns, because
 * anyone holding it can deploy; removed when {@code enabled} is false. The URL never reaches
 * status.
 */
final class DeploymentHooks {
  static final String URL_KEY = "url";

  private DeploymentHooks() {}

  /** Empty when the hook is as the spec says; otherwise what to report. */
  static Optional<Outcome> keep(
      Attempt<KinstaApplication, KinstaApplicationStatus> attempt, HostingApi api, String id) {
    KinstaApplicationSpec.DeploymentHook wanted = attempt.resource().getSpec().deploymentHook;
    KinstaApplicationStatus status = attempt.status();
    if (wanted == null) {
      return Optional.empty();
    }
    Optional<String> url = api.applications().deploymentHook(id);
    boolean rotate =
        url.isPresent()
            && wanted.rotationToken != null
            && !Objects.equals(wanted.rotationToken, status.deploymentHookRotatedFor)
            && status.deploymentHookSecret != null;
    // The hook's URL is a secret: drift names only whether there is one.
    if ((wanted.wanted() != url.isPresent() || rotate)
        && !attempt.correct(
            "spec.deploymentHook",
            wanted.wanted() ? (rotate ? "a new URL" : "on") : "off",
            url.isPresent() ? "on" : "off")) {
      return Optional.empty();
    }
    if (!wanted.wanted()) {
      if (url.isPresent()) {
        try {
          api.applications().disableDeploymentHook(id);
        } catch (KinstaApiException.NotFound alreadyGone) {
          // Removed meanwhile: what was asked for.
        }
      }
      emptyTheSecret(attempt, status.deploymentHookSecret);
      status.deploymentHookSecret = null;
      status.deploymentHookRotatedFor = null;
      return Optional.empty();
    }
    String current;
    if (url.isEmpty()) {
      current = api.applications().enableDeploymentHook(id);
    } else if (wanted.rotationToken != null
        && !Objects.equals(wanted.rotationToken, status.deploymentHookRotatedFor)
        && status.deploymentHookSecret != null) {
      current = api.applications().rotateDeploymentHook(id);
    } else {
      current = url.get();
    }
    String name = wanted.secretOr(attempt.resource().getMetadata().getName());
    try {
      attempt
          .ownedSecrets()
          .ensure(attempt.resource(), attempt.secret(name), name, Map.of(URL_KEY, current));
    } catch (OwnedSecrets.SecretConflict conflict) {
      return Optional.of(
          Outcome.stalled(
              Reasons.SECRET_CONFLICT,
              "Secret "
                  + name
                  + " (spec.deploymentHook.secretName) exists and is not owned by this"
                  + " KinstaApplication; choose another name or delete it"));
    }
    status.deploymentHookSecret = name;
    status.deploymentHookRotatedFor = wanted.rotationToken;
    return Optional.empty();
  }

  /** A removed hook's URL leaves its Secret (which goes with the resource) at once. */
  private static void emptyTheSecret(
      Attempt<KinstaApplication, KinstaApplicationStatus> attempt, @Nullable String name) {
    if (name == null) {
      return;
    }
    try {
      attempt.ownedSecrets().ensure(attempt.resource(), attempt.secret(name), name, Map.of());
    } catch (OwnedSecrets.SecretConflict notOurs) {
      // Somebody else's Secret of that name now: not the operator's to touch.
    }
  }
}
