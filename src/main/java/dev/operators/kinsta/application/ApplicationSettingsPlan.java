package dev.operators.kinsta.application;

import dev.operators.kinsta.api.v1alpha1.KinstaApplication;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationStatus;
import dev.operators.kinsta.client.HostingApi;
import dev.operators.kinsta.client.dto.Application;
import dev.operators.kinsta.client.dto.ApplicationSettings;
import dev.operators.kinsta.reconcile.Attempt;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Objects;

/**
 * The application's settings. Kinsta reports display name and hibernation, not the build settings,
 * auto-deploy or default branch, so those are compared with what the operator last sent ({@code
 * status.appliedSettings}); the update is absolute, so sending it again is harmless.
 */
final class ApplicationSettingsPlan {
  private ApplicationSettingsPlan() {}

  static void apply(
      Attempt<KinstaApplication, KinstaApplicationStatus> attempt,
      HostingApi api,
      Application app) {
    KinstaApplicationSpec spec = attempt.resource().getSpec();
    ApplicationSettings wanted = wanted(spec);
    if (isEmpty(wanted)) {
      return;
    }
    String fingerprint = Serialization.asJson(wanted);
    boolean drifted =
        (wanted.displayName() != null && !wanted.displayName().equals(app.displayName()))
            || (wanted.hibernationEnabled() != null
                && !wanted.hibernationEnabled().equals(app.hibernationEnabled()))
            || (wanted.hibernateAfterSeconds() != null
                && !Objects.equals(wanted.hibernateAfterSeconds(), app.hibernateAfterSeconds()));
    if (!drifted && fingerprint.equals(attempt.status().appliedSettings)) {
      return;
    }
    api.updateApplication(app.id(), wanted);
    attempt.status().appliedSettings = fingerprint;
    attempt.status().displayName =
        wanted.displayName() != null ? wanted.displayName() : app.displayName();
  }

  static ApplicationSettings wanted(KinstaApplicationSpec spec) {
    KinstaApplicationSpec.BuildSettings build = spec.build;
    KinstaApplicationSpec.Hibernation hibernation = spec.hibernation;
    return new ApplicationSettings(
        spec.displayName,
        build == null || build.type == null ? null : build.type.name(),
        build == null ? null : build.path,
        build == null ? null : build.dockerfilePath,
        build == null ? null : build.dockerContext,
        spec.autoDeploy,
        spec.defaultBranch,
        hibernation == null ? null : hibernation.enabled,
        hibernation == null ? null : hibernation.afterSeconds);
  }

  private static boolean isEmpty(ApplicationSettings settings) {
    return settings.equals(
        new ApplicationSettings(null, null, null, null, null, null, null, null, null));
  }
}
