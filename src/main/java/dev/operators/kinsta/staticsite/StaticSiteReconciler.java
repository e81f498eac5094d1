package dev.operators.kinsta.staticsite;

import dev.operators.kinsta.api.v1alpha1.DeletionPolicy;
import dev.operators.kinsta.api.v1alpha1.FieldProblem;
import dev.operators.kinsta.api.v1alpha1.KinstaStaticSite;
import dev.operators.kinsta.api.v1alpha1.KinstaStaticSiteSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaStaticSiteStatus;
import dev.operators.kinsta.api.v1alpha1.KinstaStaticSiteStatus.DeploymentStatus;
import dev.operators.kinsta.api.v1alpha1.TrackedOperation;
import dev.operators.kinsta.client.HostingApi;
import dev.operators.kinsta.client.KinstaApiException;
import dev.operators.kinsta.client.dto.ApplicationSummary;
import dev.operators.kinsta.client.dto.StaticSite;
import dev.operators.kinsta.client.dto.StaticSiteDeployment;
import dev.operators.kinsta.client.dto.StaticSiteSettings;
import dev.operators.kinsta.reconcile.Attempt;
import dev.operators.kinsta.reconcile.ControllerServices;
import dev.operators.kinsta.reconcile.Deletion;
import dev.operators.kinsta.reconcile.KinstaObjectReconciler;
import dev.operators.kinsta.reconcile.ListedUnchanged;
import dev.operators.kinsta.reconcile.Outcome;
import dev.operators.kinsta.reconcile.ReadBackDeletion;
import dev.operators.kinsta.reconcile.Reasons;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reconciles a {@link KinstaStaticSite}: adopts the static site (by id, or by name from the
 * company's list), follows the deployment in flight, brings the settings in line, and deploys when
 * spec.deployment changed. The same shape as KinstaApplication, on the hosting API.
 */
public final class StaticSiteReconciler
    extends KinstaObjectReconciler<KinstaStaticSite, KinstaStaticSiteStatus> {
  private static final Set<String> SUCCEEDED = Set.of("success");
  private static final Set<String> FAILED = Set.of("failed", "cancelled");

  public StaticSiteReconciler(ControllerServices services) {
    super(services, KinstaStaticSite.class, KinstaStaticSiteStatus.class);
  }

  @Override
  protected Set<String> stallsThatMayClear() {
    Set<String> reasons = new HashSet<>(super.stallsThatMayClear());
    reasons.add(StaticSiteReasons.STATIC_SITE_NOT_FOUND);
    return reasons;
  }

  @Override
  protected List<FieldProblem> validate(KinstaStaticSite site) {
    return List.of();
  }

  @Override
  protected Outcome reconcileRemote(Attempt<KinstaStaticSite, KinstaStaticSiteStatus> attempt) {
    KinstaStaticSiteStatus status = attempt.status();
    HostingApi api = attempt.hosting();
    Optional<Outcome> unchanged =
        ListedUnchanged.stillReady(
            attempt,
            attempt.hostingLists().staticSites(api, attempt.companyId()),
            status.staticSiteId,
            status.state,
            status.displayName);
    if (unchanged.isPresent()) {
      return unchanged.get();
    }
    Optional<String> id = staticSiteId(attempt, api);
    if (id.isEmpty()) {
      return notFound(attempt, null);
    }
    StaticSite site;
    try {
      site = api.getStaticSite(id.get());
    } catch (KinstaApiException.NotFound gone) {
      return notFound(attempt, id.get());
    }
    if (status.staticSiteId == null) {
      status.staticSiteId = site.id();
      attempt
          .events()
          .normal(attempt.resource(), Reasons.ADOPTED, "Adopted static site " + site.id());
      observeAtAdoption(attempt, site);
    }
    record(status, site);
    Optional<Outcome> deploying = follow(attempt, api);
    if (deploying.isPresent()) {
      return deploying.get();
    }
    applySettings(attempt, api, site);
    Optional<Outcome> started = deployIfWanted(attempt, api, site);
    if (started.isPresent()) {
      return started.get();
    }
    return attempt.ready(
        "Static site "
            + site.name()
            + " matches the spec"
            + (status.lastDeployment == null
                ? ""
                : "; last deployment " + status.lastDeployment.status));
  }

  /** The id from status, the spec, or the company's list by name. */
  private static Optional<String> staticSiteId(
      Attempt<KinstaStaticSite, KinstaStaticSiteStatus> attempt, HostingApi api) {
    KinstaStaticSiteSpec.Adoption adopt = attempt.resource().getSpec().adopt;
    if (attempt.status().staticSiteId != null) {
      return Optional.of(attempt.status().staticSiteId);
    }
    if (adopt.id != null) {
      return Optional.of(adopt.id);
    }
    return attempt
        .hostingLists()
        .staticSiteNamed(api, attempt.companyId(), adopt.name)
        .map(ApplicationSummary::id);
  }

  private static Outcome notFound(
      Attempt<KinstaStaticSite, KinstaStaticSiteStatus> attempt, @Nullable String id) {
    KinstaStaticSiteSpec.Adoption adopt = attempt.resource().getSpec().adopt;
    String which =
        attempt.status().staticSiteId != null
            ? "Static site " + attempt.status().staticSiteId + " no longer exists"
            : "The company has no static site "
                + (adopt.id != null ? "with id " + adopt.id : "named " + adopt.name);
    return Outcome.stalled(
        StaticSiteReasons.STATIC_SITE_NOT_FOUND,
        which
            + (id == null ? "" : " (" + id + ")")
            + "; Kinsta's API cannot create static sites: create it in MyKinsta, then point"
            + " spec.adopt at it");
  }

  private static void record(KinstaStaticSiteStatus status, StaticSite site) {
    status.name = site.name();
    status.displayName = site.displayName();
    status.state = site.status();
    status.hostname = site.hostname();
    status.repoUrl = site.repoUrl();
    status.latestDeployment =
        site.deploymentsOrEmpty().stream()
            .filter(d -> d.createdAt() != null)
            .max(Comparator.comparing(StaticSiteDeployment::createdAt))
            .map(StaticSiteReconciler::summary)
            .orElse(null);
  }

  /** Adopting does not redeploy: what runs counts as deployed when it is of the wanted branch. */
  private static void observeAtAdoption(
      Attempt<KinstaStaticSite, KinstaStaticSiteStatus> attempt, StaticSite site) {
    KinstaStaticSiteSpec.Deployment wanted = attempt.resource().getSpec().deployment;
    Optional<StaticSiteDeployment> latest =
        site.deploymentsOrEmpty().stream()
            .filter(d -> d.createdAt() != null)
            .max(Comparator.comparing(StaticSiteDeployment::createdAt));
    boolean current =
        wanted == null
            || (wanted.redeployToken == null
                && (wanted.branch == null
                    || latest.map(d -> wanted.branch.equals(d.branch())).orElse(false)));
    if (current) {
      attempt.status().deployedFor = trigger(wanted);
    }
  }

  /** The deployment the operator started, followed to its end. */
  private static Optional<Outcome> follow(
      Attempt<KinstaStaticSite, KinstaStaticSiteStatus> attempt, HostingApi api) {
    KinstaStaticSiteStatus status = attempt.status();
    TrackedOperation operation = status.operation;
    if (operation == null || !operation.is(StaticSiteOperation.DEPLOY_STATIC_SITE)) {
      return Optional.empty();
    }
    StaticSiteDeployment deployment = api.getStaticSiteDeployment(operation.deploymentId);
    status.lastDeployment = summary(deployment);
    if (SUCCEEDED.contains(deployment.status())) {
      status.operation = null;
      attempt
          .events()
          .normal(
              attempt.resource(),
              StaticSiteReasons.STATIC_SITE_DEPLOYED,
              "Deployment " + deployment.id() + " succeeded");
      return Optional.empty();
    }
    if (FAILED.contains(deployment.status())) {
      status.operation = null;
      return Optional.of(
          Outcome.stalled(
              StaticSiteReasons.STATIC_SITE_DEPLOYMENT_FAILED,
              "Deployment "
                  + deployment.id()
                  + " ended "
                  + deployment.status()
                  + "; change spec.deployment (e.g. its redeployToken) to try again"));
    }
    return Optional.of(
        Outcome.progressing(
            StaticSiteReasons.DEPLOYING_STATIC_SITE,
            "Deployment " + deployment.id() + " is " + deployment.status(),
            attempt.pollAfter(operation)));
  }

  /**
   * Sends the managed settings when one differs: from what Kinsta reports, or, for the node version
   * and published directory that it does not report, from what was last sent.
   */
  private static void applySettings(
      Attempt<KinstaStaticSite, KinstaStaticSiteStatus> attempt, HostingApi api, StaticSite site) {
    KinstaStaticSiteSpec spec = attempt.resource().getSpec();
    String unreported =
        "node="
            + (spec.nodeVersion == null ? "" : spec.nodeVersion.wire())
            + ";published="
            + Objects.requireNonNullElse(spec.publishedDirectory, "");
    boolean differs =
        (spec.displayName != null && !spec.displayName.equals(site.displayName()))
            || (spec.autoDeploy != null && !spec.autoDeploy.equals(site.autoDeploy()))
            || (spec.defaultBranch != null && !spec.defaultBranch.equals(site.defaultBranch()))
            || (spec.buildCommand != null
                && !spec.buildCommand.equals(Objects.requireNonNullElse(site.buildCommand(), "")))
            || ((spec.nodeVersion != null || spec.publishedDirectory != null)
                && !unreported.equals(attempt.status().appliedSettings));
    if (!differs) {
      return;
    }
    api.updateStaticSite(
        site.id(),
        new StaticSiteSettings(
            spec.displayName,
            spec.autoDeploy,
            spec.defaultBranch,
            spec.buildCommand,
            spec.nodeVersion == null ? null : spec.nodeVersion.wire(),
            spec.publishedDirectory));
    attempt.status().appliedSettings = unreported;
    attempt
        .events()
        .normal(
            attempt.resource(),
            StaticSiteReasons.SETTINGS_UPDATED,
            "Updated the settings of static site " + site.id());
  }

  /** Deploys when spec.deployment changed since the last deployment the operator started. */
  private static Optional<Outcome> deployIfWanted(
      Attempt<KinstaStaticSite, KinstaStaticSiteStatus> attempt, HostingApi api, StaticSite site) {
    KinstaStaticSiteSpec.Deployment wanted = attempt.resource().getSpec().deployment;
    KinstaStaticSiteStatus status = attempt.status();
    String trigger = trigger(wanted);
    if (wanted == null || trigger.equals(status.deployedFor)) {
      return Optional.empty();
    }
    String previousToken = tokenOf(status.deployedFor);
    boolean redeploy = wanted.redeployToken != null && !wanted.redeployToken.equals(previousToken);
    StaticSiteDeployment started =
        redeploy
            ? api.redeployStaticSite(
                site.id(), status.latestDeployment == null ? null : status.latestDeployment.id)
            : api.deployStaticSite(site.id(), wanted.branch);
    status.deployedFor = trigger;
    status.lastDeployment = summary(started);
    TrackedOperation operation =
        attempt.tracked(
            StaticSiteOperation.DEPLOY_STATIC_SITE, redeploy ? "redeploy" : wanted.branch);
    operation.deploymentId = started.id();
    attempt
        .events()
        .normal(
            attempt.resource(),
            StaticSiteReasons.DEPLOYING_STATIC_SITE,
            "Started deployment " + started.id());
    return Optional.of(
        Outcome.progressing(
            StaticSiteReasons.DEPLOYING_STATIC_SITE,
            "Started deployment " + started.id(),
            attempt.shortly()));
  }

  static String trigger(KinstaStaticSiteSpec.@Nullable Deployment wanted) {
    if (wanted == null) {
      return "";
    }
    return "branch="
        + Objects.requireNonNullElse(wanted.branch, "")
        + ";token="
        + Objects.requireNonNullElse(wanted.redeployToken, "");
  }

  private static @Nullable String tokenOf(@Nullable String deployedFor) {
    if (deployedFor == null || !deployedFor.contains(";token=")) {
      return null;
    }
    String token = deployedFor.substring(deployedFor.indexOf(";token=") + ";token=".length());
    return token.isEmpty() ? null : token;
  }

  private static DeploymentStatus summary(StaticSiteDeployment deployment) {
    DeploymentStatus summary = new DeploymentStatus();
    summary.id = deployment.id();
    summary.branch = deployment.branch();
    summary.status = deployment.status();
    String message = deployment.commitMessage();
    summary.commitMessage =
        message == null ? null : message.length() > 200 ? message.substring(0, 200) : message;
    summary.createdAt =
        deployment.createdAt() == null
            ? null
            : Instant.ofEpochMilli(deployment.createdAt()).toString();
    return summary;
  }

  @Override
  protected Optional<String> kinstaId(KinstaStaticSite site) {
    if (site.getStatus() != null && site.getStatus().staticSiteId != null) {
      return Optional.of(site.getStatus().staticSiteId);
    }
    KinstaStaticSiteSpec spec = site.getSpec();
    return Optional.ofNullable(spec == null || spec.adopt == null ? null : spec.adopt.id);
  }

  @Override
  protected boolean hasRemoteObject(KinstaStaticSiteStatus status) {
    return status.staticSiteId != null;
  }

  @Override
  protected Deletion deleteRemote(Attempt<KinstaStaticSite, KinstaStaticSiteStatus> attempt) {
    String id = Objects.requireNonNull(attempt.status().staticSiteId, "adopted");
    HostingApi api = attempt.hosting();
    return ReadBackDeletion.step(
        attempt,
        StaticSiteOperation.DELETE_STATIC_SITE,
        id,
        "static site " + id,
        StaticSiteReasons.DELETING_STATIC_SITE,
        () -> api.deleteStaticSite(id),
        () -> api.getStaticSite(id));
  }

  @Override
  protected DeletionPolicy deletionPolicy(KinstaStaticSite site) {
    return deletionPolicy(site.getSpec().deletionPolicy, true);
  }

  @Override
  protected String remoteKind() {
    return "Static site";
  }

  @Override
  protected String describeRemote(KinstaStaticSiteStatus status) {
    return "Static site " + status.staticSiteId;
  }
}
