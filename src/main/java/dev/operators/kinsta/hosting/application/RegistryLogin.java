package dev.operators.kinsta.hosting.application;

import static java.util.Objects.requireNonNull;

import dev.operators.kinsta.api.v1alpha1.KinstaApplication;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationStatus;
import dev.operators.kinsta.hosting.client.HostingApi;
import dev.operators.kinsta.hosting.client.dto.RegistryCredential;
import dev.operators.kinsta.reconcile.Attempt;
import dev.operators.kinsta.reconcile.Outcome;
import dev.operators.kinsta.reconcile.Reasons;
import dev.operators.kinsta.reconcile.SecretFingerprint;
import dev.operators.kinsta.reconcile.SecretLookup;
import dev.operators.kinsta.transport.KinstaApiException;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The Sevalla registry credential an application built from a private image pulls with, kept from a
 * Secret of the namespace ({@code spec.source.dockerImage.credentials}): made once (a lost answer
 * is found again by the credential's name, which names the resource), changed when the Secret
 * changes, deleted with the application.
 */
final class RegistryLogin {
  static final String USERNAME = "username";
  static final String PASSWORD = "password";

  private RegistryLogin() {}

  /** The Secret's field, for the checks every kind makes of the Secrets it reads. */
  static @Nullable String secretName(KinstaApplicationSpec spec) {
    KinstaApplicationSpec.RegistryCredentials credentials = credentials(spec);
    return credentials == null ? null : credentials.secretName;
  }

  private static KinstaApplicationSpec.@Nullable RegistryCredentials credentials(
      @Nullable KinstaApplicationSpec spec) {
    return spec == null || spec.source == null || spec.source.dockerImage == null
        ? null
        : spec.source.dockerImage.credentials;
  }

  /** Empty when there is nothing to keep or the credential is current; else what to report. */
  static Optional<Outcome> keep(Attempt<KinstaApplication, KinstaApplicationStatus> attempt) {
    KinstaApplicationSpec.RegistryCredentials wanted = credentials(attempt.resource().getSpec());
    if (wanted == null) {
      return Optional.empty();
    }
    Optional<Secret> secret =
        attempt.secret(
            requireNonNull(wanted.secretName, "spec.source.dockerImage.credentials.secretName"));
    Optional<String> username = secret.flatMap(s -> SecretLookup.value(s, USERNAME));
    Optional<String> password = secret.flatMap(s -> SecretLookup.value(s, PASSWORD));
    if (secret.isEmpty() || username.isEmpty() || password.isEmpty()) {
      return Optional.of(
          Outcome.stalled(
              Reasons.SECRET_NOT_FOUND,
              "Secret "
                  + wanted.secretName
                  + " (spec.source.dockerImage.credentials.secretName) does not exist or lacks"
                  + " the keys username and password"));
    }
    KinstaApplicationStatus status = attempt.status();
    HostingApi api = attempt.hosting();
    String version = SecretFingerprint.of(secret.get());
    if ((status.registryCredentialId == null || !version.equals(status.registryCredentialFrom))
        && !attempt.correct(
            "spec.source.dockerImage.credentials",
            "the login in Secret " + wanted.secretName,
            status.registryCredentialId == null ? "(none)" : "an older login")) {
      return Optional.empty();
    }
    if (status.registryCredentialId == null) {
      String name = nameOf(attempt.resource());
      Optional<String> made =
          api.registries().listRegistryCredentials().stream()
              .filter(credential -> name.equals(credential.name()))
              .map(RegistryCredential::id)
              .findFirst();
      if (made.isPresent()) {
        api.registries().updateRegistryCredential(made.get(), username.get(), password.get());
        status.registryCredentialId = made.get();
      } else {
        String registry = wanted.registry == null ? "dockerHub" : wanted.registry.name();
        status.registryCredentialId =
            api.registries()
                .createRegistryCredential(name, registry, username.get(), password.get());
      }
      status.registryCredentialFrom = version;
      attempt.writeStatusNow(
          ApplicationReasons.REGISTRY_LOGIN_KEPT,
          "Keeping registry credential " + status.registryCredentialId);
      return Optional.empty();
    }
    if (!version.equals(status.registryCredentialFrom)) {
      api.registries()
          .updateRegistryCredential(status.registryCredentialId, username.get(), password.get());
      status.registryCredentialFrom = version;
      attempt
          .events()
          .normal(
              attempt.resource(),
              ApplicationReasons.REGISTRY_LOGIN_KEPT,
              "Updated registry credential "
                  + status.registryCredentialId
                  + " from Secret "
                  + wanted.secretName);
    }
    return Optional.empty();
  }

  /** Deletes the credential the operator made; one already gone counts as deleted. */
  static void forget(Attempt<KinstaApplication, KinstaApplicationStatus> attempt) {
    String id = attempt.status().registryCredentialId;
    if (id == null) {
      return;
    }
    try {
      attempt.hosting().registries().deleteRegistryCredential(id);
    } catch (KinstaApiException.NotFound alreadyGone) {
      // Deleted by a person or an earlier attempt: nothing is left to delete.
    }
    attempt.status().registryCredentialId = null;
  }

  /** The credential's name in Sevalla: the resource it belongs to, and its uid to tell reuses. */
  static String nameOf(KinstaApplication app) {
    String uid = app.getMetadata().getUid();
    return "kinsta-operator "
        + app.getMetadata().getNamespace()
        + "/"
        + app.getMetadata().getName()
        + (uid == null ? "" : " " + uid.substring(0, Math.min(8, uid.length())));
  }
}
