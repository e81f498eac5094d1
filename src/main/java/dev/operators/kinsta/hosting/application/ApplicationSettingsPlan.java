package dev.operators.kinsta.hosting.application;

import dev.operators.kinsta.api.v1alpha1.KinstaApplication;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationStatus;
import dev.operators.kinsta.hosting.client.HostingApi;
import dev.operators.kinsta.hosting.client.dto.Application;
import dev.operators.kinsta.hosting.client.dto.ApplicationSettings;
import dev.operators.kinsta.reconcile.Attempt;

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
            attempt.differing("spec.displayName", wanted.displayName(), app.displayName()),
            attempt.differing("spec.build.type", wanted.buildType(), app.buildType()),
            attempt.differing("spec.build.path", wanted.buildPath(), app.buildPath()),
            attempt.differing(
                "spec.build.dockerfilePath", wanted.dockerfilePath(), app.dockerfilePath()),
            attempt.differing(
                "spec.build.dockerContext", wanted.dockerContext(), app.dockerContext()),
            attempt.differing("spec.autoDeploy", wanted.autoDeploy(), app.autoDeploy()),
            attempt.differing("spec.defaultBranch", wanted.defaultBranch(), app.defaultBranch()),
            attempt.differing(
                "spec.hibernation.enabled", wanted.hibernationEnabled(), app.hibernationEnabled()),
            attempt.differing(
                "spec.hibernation.afterSeconds",
                wanted.hibernateAfterSeconds(),
                app.hibernateAfterSeconds()));
    if (change.equals(NOTHING)) {
      return;
    }
    Application updated = api.applications().updateApplication(app.id(), change);
    attempt.status().displayName = updated.displayName();
  }

  private static final ApplicationSettings NOTHING =
      new ApplicationSettings(null, null, null, null, null, null, null, null, null);

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
