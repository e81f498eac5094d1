package dev.operators.kinsta.hosting.application;

import dev.operators.kinsta.api.v1alpha1.KinstaApplication;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationStatus;
import dev.operators.kinsta.hosting.client.HostingApi;
import dev.operators.kinsta.hosting.client.dto.Application;
import dev.operators.kinsta.hosting.client.dto.ApplicationSettings;
import dev.operators.kinsta.reconcile.Attempt;
import org.jspecify.annotations.Nullable;

/**
 * The application's settings: display name, build settings, auto-deploy, default branch and
 * hibernation. Sevalla reports each of them, so only a field the spec sets and Sevalla has
 * otherwise is sent (one PATCH with every difference); a field the spec leaves out is left alone.
 */
final class ApplicationSettingsPlan {
  private ApplicationSettingsPlan() {}

  static void apply(
      Attempt<KinstaApplication, KinstaApplicationStatus> attempt,
      HostingApi api,
      Application app) {
    ApplicationSettings wanted = wanted(attempt.resource().getSpec());
    ApplicationSettings change =
        new ApplicationSettings(
            differing(wanted.displayName(), app.displayName()),
            differing(wanted.buildType(), app.buildType()),
            differing(wanted.buildPath(), app.buildPath()),
            differing(wanted.dockerfilePath(), app.dockerfilePath()),
            differing(wanted.dockerContext(), app.dockerContext()),
            differing(wanted.autoDeploy(), app.autoDeploy()),
            differing(wanted.defaultBranch(), app.defaultBranch()),
            differing(wanted.hibernationEnabled(), app.hibernationEnabled()),
            differing(wanted.hibernateAfterSeconds(), app.hibernateAfterSeconds()));
    if (change.equals(NOTHING)) {
      return;
    }
    Application updated = api.applications().updateApplication(app.id(), change);
    attempt.status().displayName = updated.displayName();
  }

  private static final ApplicationSettings NOTHING =
      new ApplicationSettings(null, null, null, null, null, null, null, null, null);

  private static <T> @Nullable T differing(@Nullable T wanted, @Nullable T current) {
    return wanted == null || wanted.equals(current) ? null : wanted;
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
}
