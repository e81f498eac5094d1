package dev.operators.kinsta.hosting.staticsite;

import static java.util.Objects.requireNonNull;

import dev.operators.kinsta.api.v1alpha1.KinstaApplicationSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaStaticSite;
import dev.operators.kinsta.api.v1alpha1.KinstaStaticSiteSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaStaticSiteStatus;
import dev.operators.kinsta.hosting.HostedCreation;
import dev.operators.kinsta.hosting.HostedPlacement;
import dev.operators.kinsta.hosting.client.HostingApi;
import dev.operators.kinsta.hosting.client.dto.ApplicationSummary;
import dev.operators.kinsta.hosting.client.dto.CreateStaticSiteRequest;
import dev.operators.kinsta.hosting.client.dto.Project;
import dev.operators.kinsta.hosting.inventory.HostingInventory;
import dev.operators.kinsta.reconcile.Attempt;
import dev.operators.kinsta.reconcile.CreationClaims;
import dev.operators.kinsta.reconcile.Outcome;
import dev.operators.kinsta.reconcile.Reasons;
import java.util.Optional;

/**
 * Gives a {@link KinstaStaticSite} its static site: the one it adopts ({@code spec.adopt}), the one
 * its own create call made when the answer was lost, or a new one built from {@code spec.git}.
 */
final class StaticSiteProvisioner {
  private final Attempt<KinstaStaticSite, KinstaStaticSiteStatus> attempt;
  private final KinstaStaticSiteSpec spec;
  private final KinstaStaticSiteStatus status;
  private final HostingApi api;

  StaticSiteProvisioner(Attempt<KinstaStaticSite, KinstaStaticSiteStatus> attempt) {
    this.attempt = attempt;
    this.spec = attempt.resource().getSpec();
    this.status = attempt.status();
    this.api = attempt.hosting();
  }

  /** Empty when the static site's id is now known; otherwise what to report. */
  Optional<Outcome> establish() {
    if (spec.adopt != null) {
      return adopt();
    }
    String displayName =
        spec.displayName == null || spec.displayName.isBlank()
            ? attempt.resource().getMetadata().getName()
            : spec.displayName;
    return creation()
        .establish(displayName, () -> status.staticSiteId != null, () -> create(displayName));
  }

  private Optional<Outcome> create(String displayName) {
    String projectId = null;
    if (spec.project != null) {
      Optional<Project> project =
          attempt.hostingLists().project(api, attempt.companyId(), spec.project);
      if (project.isEmpty()) {
        return Optional.of(HostedPlacement.unknownProject(spec.project));
      }
      projectId = project.get().id();
    }
    // Without adopt, the schema's rules require the repository.
    KinstaStaticSiteSpec.GitRepository git = requireNonNull(spec.git, "spec.git");
    String repository = requireNonNull(git.repository, "spec.git.repository");
    CreateStaticSiteRequest request =
        new CreateStaticSiteRequest(
            displayName,
            repository,
            git.branch != null
                ? git.branch
                : spec.defaultBranch != null ? spec.defaultBranch : "main",
            git.visibility == KinstaApplicationSpec.Visibility.PUBLIC ? "publicGit" : "privateGit",
            git.provider == null ? null : git.provider.name(),
            spec.autoDeploy,
            spec.installCommand,
            spec.buildCommand,
            spec.publishedDirectory,
            spec.rootDirectory,
            spec.nodeVersion,
            spec.indexFile,
            spec.errorFile,
            projectId);
    Optional<String> made =
        creation().create(displayName, () -> api.staticSites().createStaticSite(request).id());
    if (made.isEmpty()) {
      return Optional.of(creation().unconfirmed(displayName));
    }
    String id = made.get();
    attempt
        .events()
        .normal(
            attempt.resource(),
            Reasons.CREATED,
            "Created static site " + id + " from " + repository);
    return Optional.empty();
  }

  private Optional<Outcome> adopt() {
    KinstaStaticSiteSpec.Adoption adopt = requireNonNull(spec.adopt, "spec.adopt");
    String adoptId = adopt.id;
    Optional<String> id =
        adoptId != null
            ? Optional.of(adoptId)
            : attempt
                .hostingLists()
                .staticSiteNamed(
                    api, attempt.companyId(), requireNonNull(adopt.name, "spec.adopt.name"))
                .map(ApplicationSummary::id);
    if (id.isEmpty()) {
      return Optional.of(
          Outcome.stalled(
              StaticSiteReasons.STATIC_SITE_NOT_FOUND,
              "The company has no static site named " + adopt.name));
    }
    status.staticSiteId = id.get();
    status.adopted = true;
    attempt.events().normal(attempt.resource(), Reasons.ADOPTED, "Adopted static site " + id.get());
    return Optional.empty();
  }

  HostedCreation creation() {
    return new HostedCreation(
        attempt,
        "static site",
        name ->
            HostingInventory.idsNamed(
                attempt.hostingLists().staticSites(api, attempt.companyId()), name),
        // A list taken now, outside the shared one: that one stays as old as its interval says,
        // so that a lost creation is looked for in a list taken after the create call.
        name -> HostingInventory.idsNamed(api.staticSites().listStaticSites(), name),
        claims(attempt),
        status.creation,
        intent -> status.creation = intent,
        id -> {
          status.staticSiteId = id;
          status.adopted = false;
        });
  }

  /** What the other KinstaStaticSites record (an id in status or spec) and intend to create. */
  private static CreationClaims<KinstaStaticSite> claims(
      Attempt<KinstaStaticSite, KinstaStaticSiteStatus> attempt) {
    return CreationClaims.of(
        attempt,
        KinstaStaticSite.class,
        StaticSiteReconciler::recordedId,
        site -> site.getStatus() == null ? null : site.getStatus().creation);
  }
}
