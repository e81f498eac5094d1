package dev.operators.kinsta.wordpress.site;

import static java.util.Objects.requireNonNull;

import dev.operators.kinsta.api.v1alpha1.CreationIntent;
import dev.operators.kinsta.api.v1alpha1.KinstaSite;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteStatus;
import dev.operators.kinsta.api.v1alpha1.TrackedOperation;
import dev.operators.kinsta.reconcile.Attempt;
import dev.operators.kinsta.reconcile.Deletion;
import dev.operators.kinsta.reconcile.LostCreation;
import dev.operators.kinsta.reconcile.OperationFollower;
import dev.operators.kinsta.reconcile.OperationTracker.Poll;
import dev.operators.kinsta.transport.KinstaApiException;
import dev.operators.kinsta.wordpress.client.KinstaApi;
import dev.operators.kinsta.wordpress.client.dto.OperationRef;
import dev.operators.kinsta.wordpress.client.dto.Site;
import java.util.List;
import java.util.Optional;

/**
 * Deleting a KinstaSite's site: after the operation in flight ends, and after a creation whose
 * answer was lost has been resolved, so that nothing the resource made is left behind.
 */
final class SiteDeletion {
  private SiteDeletion() {}

  /** One step of deleting the site: waits for what is running, finds a lost creation, deletes. */
  static Deletion delete(Attempt<KinstaSite, KinstaSiteStatus> attempt) {
    KinstaSiteStatus status = attempt.status();
    KinstaApi api = attempt.kinsta();
    Optional<Deletion> waited =
        OperationFollower.beforeDeleting(
            attempt, (operation, poll) -> endedBeforeDeleting(attempt, operation, poll));
    if (waited.isPresent()) {
      return waited.get();
    }
    if (status.siteId == null && status.creation != null) {
      Optional<Deletion> unresolved = findCreatedSite(attempt);
      if (unresolved.isPresent()) {
        return unresolved.get();
      }
    }
    if (status.siteId == null) {
      return Deletion.finished();
    }
    OperationRef ref;
    try {
      ref = api.sites().deleteSite(status.siteId);
    } catch (KinstaApiException.NotFound alreadyGone) {
      return Deletion.finished();
    }
    attempt
        .events()
        .normal(
            attempt.resource(),
            SiteReasons.DELETING_SITE,
            "Deleting site "
                + status.siteId
                + " in Kinsta "
                + "(operation "
                + ref.operationId()
                + ")");
    attempt.started(ref, SiteOperation.DELETE_SITE, null, null);
    return Deletion.waiting(
        attempt.shortly(), "Waiting for Kinsta to delete site " + status.siteId);
  }

  /**
   * The end of the operation a deletion waited for: a failed creation whose site exists is deleted
   * like any other; a deletion Kinsta finished ends it; one that failed is tried again.
   */
  private static Optional<Deletion> endedBeforeDeleting(
      Attempt<KinstaSite, KinstaSiteStatus> attempt, TrackedOperation operation, Poll poll) {
    KinstaSiteStatus status = attempt.status();
    if (operation.is(SiteOperation.CREATE_SITE)) {
      if (poll instanceof Poll.Failed) {
        Optional<String> made = SiteProvisioner.siteOfIntent(attempt);
        status.creation = null;
        if (made.isEmpty()) {
          return Optional.of(Deletion.finished());
        }
        status.siteId = made.get();
      }
      if (poll instanceof Poll.Succeeded succeeded) {
        SiteOperation.CREATE_SITE.succeeded(status, operation, succeeded.status());
      }
    } else if (operation.is(SiteOperation.DELETE_SITE)) {
      if (poll instanceof Poll.Succeeded) {
        return Optional.of(Deletion.finished());
      }
      if (poll instanceof Poll.Failed failed) {
        attempt
            .events()
            .warning(
                attempt.resource(),
                SiteReasons.DELETE_FAILED,
                "Kinsta could not delete site "
                    + status.siteId
                    + ": "
                    + failed.message()
                    + "; retrying");
        return Optional.of(
            Deletion.waiting(
                attempt.settings().maxPollInterval(),
                "Kinsta could not delete site " + status.siteId + ": " + failed.message()));
      }
    }
    return Optional.empty();
  }

  /**
   * Before a resource whose creation's answer was lost goes, the site that creation may have made
   * is looked for, as long as it could still appear, so that nothing it created is left behind.
   */
  private static Optional<Deletion> findCreatedSite(Attempt<KinstaSite, KinstaSiteStatus> attempt) {
    KinstaSiteStatus status = attempt.status();
    CreationIntent intent = requireNonNull(status.creation, "status.creation");
    String name = LostCreation.displayNameOf(intent);
    List<String> named =
        (LostCreation.lastLook(attempt, intent)
                ? SiteProvisioner.sitesNamed(attempt, name)
                : SiteProvisioner.listedSitesNamed(attempt, name))
            .stream().map(Site::id).toList();
    LostCreation.DeletionLookup lookup =
        LostCreation.whileDeleting(
            attempt, status.creation, "site", named, SiteProvisioner.claims(attempt));
    if (lookup.waiting() != null) {
      return Optional.of(lookup.waiting());
    }
    status.siteId = lookup.id();
    status.creation = null;
    return Optional.empty();
  }
}
