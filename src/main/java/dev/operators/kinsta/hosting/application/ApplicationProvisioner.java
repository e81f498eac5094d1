package dev.operators.kinsta.hosting.application;

import static java.util.Objects.requireNonNull;

import dev.operators.kinsta.api.v1alpha1.KinstaApplication;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationSpec.ApplicationAdoption;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationStatus;
import dev.operators.kinsta.hosting.HostedCreation;
import dev.operators.kinsta.hosting.HostedPlacement;
import dev.operators.kinsta.hosting.client.HostingApi;
import dev.operators.kinsta.hosting.client.dto.ApplicationSummary;
import dev.operators.kinsta.hosting.client.dto.Cluster;
import dev.operators.kinsta.hosting.client.dto.CreateApplicationRequest;
import dev.operators.kinsta.hosting.client.dto.Project;
import dev.operators.kinsta.hosting.inventory.HostingInventory;
import dev.operators.kinsta.reconcile.Attempt;
import dev.operators.kinsta.reconcile.CreationClaims;
import dev.operators.kinsta.reconcile.Outcome;
import dev.operators.kinsta.reconcile.Reasons;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Gives a {@link KinstaApplication} its application: the one it adopts ({@code spec.adopt}), the
 * one its own create call made when the answer was lost, or a new one built from {@code
 * spec.source} on the cluster {@code spec.location} names. An application that merely shares the
 * display name is never taken over ({@code NameInUse}).
 */
final class ApplicationProvisioner {
  private final Attempt<KinstaApplication, KinstaApplicationStatus> attempt;
  private final KinstaApplicationSpec spec;
  private final KinstaApplicationStatus status;
  private final HostingApi api;

  ApplicationProvisioner(Attempt<KinstaApplication, KinstaApplicationStatus> attempt) {
    this.attempt = attempt;
    this.spec = attempt.resource().getSpec();
    this.status = attempt.status();
    this.api = attempt.hosting();
  }

  /** Empty when the application id is now known; otherwise what to report. */
  Optional<Outcome> establish() {
    if (spec.adopt != null) {
      return adopt();
    }
    String displayName = displayName(attempt);
    return creation()
        .establish(displayName, () -> status.applicationId != null, () -> create(displayName));
  }

  static String displayName(Attempt<KinstaApplication, KinstaApplicationStatus> attempt) {
    String wanted = attempt.resource().getSpec().displayName;
    return wanted == null || wanted.isBlank() ? attempt.resource().getMetadata().getName() : wanted;
  }

  private Optional<Outcome> adopt() {
    ApplicationAdoption adopt = requireNonNull(spec.adopt, "spec.adopt");
    String adoptId = adopt.id;
    Optional<String> id =
        adoptId != null
            ? Optional.of(adoptId)
            : attempt
                .hostingLists()
                .applicationNamed(
                    api, attempt.companyId(), requireNonNull(adopt.name, "spec.adopt.name"))
                .map(ApplicationSummary::id);
    if (id.isEmpty()) {
      return Optional.of(
          Outcome.stalled(
              ApplicationReasons.APPLICATION_NOT_FOUND,
              "The company has no application named " + adopt.name));
    }
    status.applicationId = id.get();
    status.adopted = true;
    attempt.events().normal(attempt.resource(), Reasons.ADOPTED, "Adopted application " + id.get());
    return Optional.empty();
  }

  private Optional<Outcome> create(String displayName) {
    HostingInventory lists = attempt.hostingLists();
    String location = requireNonNull(spec.location, "spec.location");
    Optional<Cluster> cluster = lists.cluster(api, attempt.companyId(), location);
    if (cluster.isEmpty()) {
      return Optional.of(
          HostedPlacement.unknownLocation(lists, api, attempt.companyId(), location));
    }
    String projectId = null;
    if (spec.project != null) {
      Optional<Project> project = lists.project(api, attempt.companyId(), spec.project);
      if (project.isEmpty()) {
        return Optional.of(HostedPlacement.unknownProject(spec.project));
      }
      projectId = project.get().id();
    }
    CreateApplicationRequest request = request(displayName, cluster.get().id(), projectId);
    Optional<String> made =
        creation().create(displayName, () -> api.applications().createApplication(request).id());
    if (made.isEmpty()) {
      return Optional.of(creation().unconfirmed(displayName));
    }
    String id = made.get();
    attempt
        .events()
        .normal(
            attempt.resource(),
            Reasons.CREATED,
            "Created application " + id + " from " + describe(source()));
    return Optional.empty();
  }

  private CreateApplicationRequest request(
      String displayName, String clusterId, @Nullable String projectId) {
    KinstaApplicationSpec.ApplicationSource source = source();
    if (source.git != null) {
      KinstaApplicationSpec.GitSource git = source.git;
      boolean isPrivate = git.visibility == KinstaApplicationSpec.Visibility.PRIVATE;
      return new CreateApplicationRequest(
          displayName,
          clusterId,
          isPrivate ? "privateGit" : "publicGit",
          projectId,
          git.provider == null ? null : git.provider.name(),
          git.repository,
          git.branch,
          null,
          null);
    }
    KinstaApplicationSpec.ImageSource image =
        requireNonNull(source.dockerImage, "spec.source.dockerImage");
    return new CreateApplicationRequest(
        displayName,
        clusterId,
        "dockerImage",
        projectId,
        null,
        null,
        null,
        image.image,
        image.credentials != null ? status.registryCredentialId : image.registryCredentialId);
  }

  // Creation runs only for a spec that passed the schema's rules: without adopt, source is set.
  private KinstaApplicationSpec.ApplicationSource source() {
    return requireNonNull(spec.source, "spec.source");
  }

  static String describe(KinstaApplicationSpec.ApplicationSource source) {
    KinstaApplicationSpec.GitSource git = source.git;
    if (git != null) {
      return git.repository + (git.branch == null ? "" : " (" + git.branch + ")");
    }
    return "image " + (source.dockerImage == null ? "" : source.dockerImage.image);
  }

  HostedCreation creation() {
    return new HostedCreation(
        attempt,
        "application",
        name ->
            HostingInventory.idsNamed(
                attempt.hostingLists().applications(api, attempt.companyId()), name),
        // A list taken now, outside the shared one: that one stays as old as its interval says,
        // so that a lost creation is looked for in a list taken after the create call.
        name -> HostingInventory.idsNamed(api.applications().listApplications(), name),
        claims(attempt),
        status.creation,
        intent -> status.creation = intent,
        id -> {
          status.applicationId = id;
          status.adopted = false;
        });
  }

  /** What the other KinstaApplications record (an id in status or spec) and intend to create. */
  private static CreationClaims<KinstaApplication> claims(
      Attempt<KinstaApplication, KinstaApplicationStatus> attempt) {
    return CreationClaims.of(
        attempt,
        KinstaApplication.class,
        ApplicationReconciler::recordedId,
        app -> app.getStatus() == null ? null : app.getStatus().creation);
  }
}
