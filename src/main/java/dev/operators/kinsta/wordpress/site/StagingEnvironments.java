package dev.operators.kinsta.wordpress.site;

import dev.operators.kinsta.api.v1alpha1.KinstaSite;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteStatus;
import dev.operators.kinsta.api.v1alpha1.StagingEnvironment;
import dev.operators.kinsta.reconcile.Attempt;
import dev.operators.kinsta.reconcile.Outcome;
import dev.operators.kinsta.wordpress.client.KinstaApi;
import dev.operators.kinsta.wordpress.client.dto.Environment;
import dev.operators.kinsta.wordpress.client.dto.OperationRef;
import java.util.List;
import java.util.Optional;

/**
 * Creates the staging environment the spec asks for and deletes it when the spec drops it. Only an
 * environment the operator created (its id is in {@code status.stagingEnvironmentId}), or one with
 * the spec's display name, is ever deleted; other environments of an adopted site are left alone.
 */
final class StagingEnvironments {
  private StagingEnvironments() {}

  static Optional<Outcome> reconcile(
      Attempt<KinstaSite, KinstaSiteStatus> attempt,
      List<Environment> environments,
      Environment live) {
    KinstaSiteStatus status = attempt.status();
    var spec = attempt.resource().getSpec().environments;
    StagingEnvironment wanted = spec == null ? null : spec.staging;
    KinstaApi api = attempt.kinsta();
    Optional<Environment> recorded =
        environments.stream().filter(e -> e.id().equals(status.stagingEnvironmentId)).findFirst();
    if (wanted != null) {
      Optional<Environment> existing =
          recorded.or(
              () ->
                  environments.stream()
                      .filter(
                          e ->
                              !"live".equals(e.name())
                                  && wanted.displayName.equalsIgnoreCase(e.displayName()))
                      .findFirst());
      if (existing.isPresent()) {
        status.stagingEnvironmentId = existing.get().id();
        return Optional.empty();
      }
      if (!attempt.correct("spec.environments.staging", wanted.displayName, "(none)")) {
        return Optional.empty();
      }
      boolean premium = Boolean.TRUE.equals(wanted.premium);
      String siteId = SiteReconciler.siteId(status);
      OperationRef ref =
          wanted.source == StagingEnvironment.StagingSource.Empty
              ? api.environments().createPlainEnvironment(siteId, wanted.displayName, premium)
              : api.environments().cloneEnvironment(siteId, wanted.displayName, premium, live.id());
      return Optional.of(
          attempt.started(
              ref,
              SiteOperation.CREATE_STAGING,
              wanted.displayName,
              premium ? "premium" : "standard"));
    }
    if (recorded.isPresent()) {
      if (!attempt.correct("spec.environments.staging", "(none)", recorded.get().displayName())) {
        return Optional.empty();
      }
      Optional<Outcome> held =
          attempt.approval("Deleting staging environment " + recorded.get().displayName());
      if (held.isPresent()) {
        return held;
      }
      attempt
          .events()
          .normal(
              attempt.resource(),
              SiteReasons.DELETING_STAGING,
              "Deleting staging environment "
                  + recorded.get().displayName()
                  + " ("
                  + recorded.get().id()
                  + "), removed from the spec");
      OperationRef ref = api.environments().deleteEnvironment(recorded.get().id());
      return Optional.of(
          attempt.started(ref, SiteOperation.DELETE_STAGING, recorded.get().displayName(), null));
    }
    status.stagingEnvironmentId = null;
    return Optional.empty();
  }
}
