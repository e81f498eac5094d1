package dev.operators.kinsta.hosting.staticsite;

import static java.util.Objects.requireNonNull;

import dev.operators.kinsta.api.v1alpha1.DeletionPolicy;
import dev.operators.kinsta.api.v1alpha1.DomainStatus;
import dev.operators.kinsta.api.v1alpha1.FieldProblem;
import dev.operators.kinsta.api.v1alpha1.KinstaStaticSite;
import dev.operators.kinsta.api.v1alpha1.KinstaStaticSiteSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaStaticSiteStatus;
import dev.operators.kinsta.api.v1alpha1.KinstaStaticSiteStatus.DeploymentStatus;
import dev.operators.kinsta.api.v1alpha1.TrackedOperation;
import dev.operators.kinsta.hosting.DeploymentFollower;
import dev.operators.kinsta.hosting.EnvSources;
import dev.operators.kinsta.hosting.HostedDomains;
import dev.operators.kinsta.hosting.ListedUnchanged;
import dev.operators.kinsta.hosting.ReadBackDeletion;
import dev.operators.kinsta.hosting.client.HostedService;
import dev.operators.kinsta.hosting.client.HostingApi;
import dev.operators.kinsta.hosting.client.dto.StaticSite;
import dev.operators.kinsta.hosting.client.dto.StaticSiteDeployment;
import dev.operators.kinsta.hosting.client.dto.StaticSiteSettings;
import dev.operators.kinsta.reconcile.Attempt;
import dev.operators.kinsta.reconcile.ControllerServices;
import dev.operators.kinsta.reconcile.Deletion;
import dev.operators.kinsta.reconcile.KinstaObjectReconciler;
import dev.operators.kinsta.reconcile.Outcome;
import dev.operators.kinsta.reconcile.Reason;
import dev.operators.kinsta.reconcile.Steps;
import dev.operators.kinsta.transport.KinstaApiException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reconciles a {@link KinstaStaticSite}: creates it from Git (exactly once) or adopts it, follows
 * the deployment in flight (a created site's first one included), brings the settings and pretty
 * URLs in line, and deploys when spec.deployment changed.
 */
public final class StaticSiteReconciler
    extends KinstaObjectReconciler<KinstaStaticSite, KinstaStaticSiteStatus> {
  private static final DeploymentFollower.Reasons DEPLOYMENTS =
      new DeploymentFollower.Reasons(
          StaticSiteReasons.DEPLOYING_STATIC_SITE,
          StaticSiteReasons.STATIC_SITE_DEPLOYED,
          StaticSiteReasons.STATIC_SITE_DEPLOYMENT_FAILED,
          "change spec.deployment (e.g. its redeployToken) to try again");

  /** What a KinstaStaticSite's reconcile does, in order; the first step with an outcome ends it. */
  static final Steps<Run> STEPS =
      Steps.<Run>first(
              "read the variables' Secrets and ConfigMaps (nothing is called without them)",
              StaticSiteReconciler::resolveEnv)
          .then("create, find again or adopt the static site", StaticSiteReconciler::establish)
          .then(
              "stop when the company's list shows nothing changed", StaticSiteReconciler::unchanged)
          .then(
              "follow the deployment in flight (its polls read nothing else)",
              StaticSiteReconciler::follow)
          .then("observe the static site", StaticSiteReconciler::observe)
          .then("apply settings and pretty URLs", StaticSiteReconciler::applySettings)
          .then("apply variables and domains", StaticSiteReconciler::applyEnvAndDomains)
          .then("deploy when spec.deployment changed", StaticSiteReconciler::deployIfWanted);

  /** One reconcile of a static site: the attempt and the site as Sevalla reports it. */
  static final class Run {
    final Attempt<KinstaStaticSite, KinstaStaticSiteStatus> attempt;
    final HostingApi api;
    @Nullable StaticSite site;
    EnvSources.@Nullable Resolved env;

    Run(Attempt<KinstaStaticSite, KinstaStaticSiteStatus> attempt) {
      this.attempt = attempt;
      this.api = attempt.hosting();
    }

    StaticSite site() {
      return Objects.requireNonNull(site, "observed before use");
    }
  }

  public StaticSiteReconciler(ControllerServices services) {
    super(services, KinstaStaticSite.class, KinstaStaticSiteStatus.class);
  }

  @Override
  protected List<? extends Reason> reasons() {
    return List.of(StaticSiteReasons.values());
  }

  @Override
  protected Map<String, String> passwordSecrets(KinstaStaticSite site) {
    return site.getSpec() == null || site.getSpec().env == null
        ? Map.of()
        : EnvSources.secrets(site.getSpec().env, StaticSiteEnvironment.FIELD);
  }

  @Override
  protected Set<String> referencedConfigMaps(KinstaStaticSite site) {
    return site.getSpec() == null || site.getSpec().env == null
        ? Set.of()
        : EnvSources.configMaps(site.getSpec().env);
  }

  @Override
  protected List<FieldProblem> validate(KinstaStaticSite site) {
    KinstaStaticSiteSpec spec = site.getSpec();
    return spec == null || (spec.adopt == null) == (spec.git == null)
        ? List.of(new FieldProblem("spec", "set adopt or git"))
        : List.of();
  }

  @Override
  protected Outcome reconcileRemote(Attempt<KinstaStaticSite, KinstaStaticSiteStatus> attempt) {
    return STEPS.run(new Run(attempt), StaticSiteReconciler::ready);
  }

  private static Optional<Outcome> resolveEnv(Run run) {
    run.env = StaticSiteEnvironment.resolve(run.attempt);
    return run.env.missing();
  }

  private static Optional<Outcome> establish(Run run) {
    return run.attempt.status().staticSiteId == null
        ? new StaticSiteProvisioner(run.attempt).establish()
        : Optional.empty();
  }

  private static Optional<Outcome> unchanged(Run run) {
    KinstaStaticSiteStatus status = run.attempt.status();
    if (HostedDomains.anyPending(status.domains) || Boolean.TRUE.equals(status.redeployPending)) {
      return Optional.empty();
    }
    return ListedUnchanged.stillReady(
        run.attempt,
        run.attempt.hostingLists().staticSites(run.api, run.attempt.companyId()),
        status.staticSiteId,
        status.state,
        status.displayName);
  }

  // Every step after establish runs with the static site's id recorded.
  private static String staticSiteId(KinstaStaticSiteStatus status) {
    return requireNonNull(status.staticSiteId, "status.staticSiteId");
  }

  private static Optional<Outcome> observe(Run run) {
    KinstaStaticSiteStatus status = run.attempt.status();
    try {
      run.site = run.api.staticSites().getStaticSite(staticSiteId(status));
    } catch (KinstaApiException.NotFound gone) {
      return Optional.of(
          Outcome.stalled(
              StaticSiteReasons.STATIC_SITE_NOT_FOUND,
              "Static site "
                  + status.staticSiteId
                  + " no longer exists in Sevalla; delete and recreate this resource to create a"
                  + " new one"));
    }
    StaticSite site = run.site();
    status.name = site.name();
    status.displayName = site.displayName();
    status.state = site.status();
    status.observedSecretsVersion = status.secretsVersion;
    status.hostname = site.hostname();
    status.repoUrl = site.repoUrl();
    if (status.operation == null) {
      Optional<StaticSiteDeployment> latest =
          run.api.staticSites().latestStaticSiteDeployment(site.id());
      status.latestDeployment = latest.map(StaticSiteReconciler::summary).orElse(null);
      if (status.deployedFor == null) {
        takeOver(run.attempt, latest);
        if (status.operation != null) {
          return Optional.of(
              Outcome.progressing(
                  StaticSiteReasons.DEPLOYING_STATIC_SITE,
                  "Following deployment " + status.operation.deploymentId + ", Sevalla's first",
                  run.attempt.shortly()));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The deployment that runs when the operator first looks: adopting does not redeploy what runs
   * when it is of the wanted branch, and a created site's first deployment (Sevalla starts it) is
   * followed to its end.
   */
  private static void takeOver(
      Attempt<KinstaStaticSite, KinstaStaticSiteStatus> attempt,
      Optional<StaticSiteDeployment> latest) {
    KinstaStaticSiteStatus status = attempt.status();
    KinstaStaticSiteSpec.Deployment wanted = attempt.resource().getSpec().deployment;
    boolean current =
        wanted == null
            || (wanted.redeployToken == null
                && (wanted.branch == null
                    || latest.map(d -> Objects.equals(wanted.branch, d.branch())).orElse(false)));
    if (!current) {
      return;
    }
    status.deployedFor = trigger(wanted);
    if (!Boolean.TRUE.equals(status.adopted)
        && latest.isPresent()
        && !DeploymentFollower.SUCCEEDED.contains(latest.get().status())) {
      status.lastDeployment = summary(latest.get());
      TrackedOperation operation =
          attempt.tracked(StaticSiteOperation.DEPLOY_STATIC_SITE, latest.get().branch());
      operation.deploymentId = latest.get().id();
    }
  }

  /** The deployment the operator started (or took over), followed to its end. */
  private static Optional<Outcome> follow(Run run) {
    KinstaStaticSiteStatus status = run.attempt.status();
    return DeploymentFollower.follow(
        run.attempt,
        StaticSiteOperation.DEPLOY_STATIC_SITE,
        DEPLOYMENTS,
        id -> {
          StaticSiteDeployment deployment =
              run.api.staticSites().getStaticSiteDeployment(staticSiteId(status), id);
          status.lastDeployment = summary(deployment);
          status.latestDeployment = status.lastDeployment;
          return new DeploymentFollower.Seen(deployment.id(), deployment.status(), null);
        },
        failed -> {
          if (status.lastDeployment == null || status.lastDeployment.buildError == null) {
            // A single deployment's answer leaves the build's error out; the list gives it.
            run.api
                .staticSites()
                .latestStaticSiteDeployment(staticSiteId(status))
                .filter(latest -> latest.id().equals(failed.id()))
                .ifPresent(latest -> status.lastDeployment = summary(latest));
          }
          String error = status.lastDeployment == null ? null : status.lastDeployment.buildError;
          return error == null ? "" : error;
        });
  }

  private static Optional<Outcome> applyEnvAndDomains(Run run) {
    Attempt<KinstaStaticSite, KinstaStaticSiteStatus> attempt = run.attempt;
    KinstaStaticSiteSpec spec = attempt.resource().getSpec();
    KinstaStaticSiteStatus status = attempt.status();
    String id = run.site().id();
    StaticSiteEnvironment.apply(
        attempt, run.api, id, Objects.requireNonNull(run.env, "resolved first"));
    if (spec.domains != null || status.domains != null) {
      List<DomainStatus> domains =
          HostedDomains.reconcile(
              attempt,
              HostedService.STATIC_SITE,
              id,
              spec.domains,
              spec.primaryDomain,
              status.domains == null ? List.of() : status.domains);
      status.domains =
          spec.domains == null && domains.stream().noneMatch(d -> "CUSTOM".equals(d.type))
              ? null
              : domains;
    }
    return Optional.empty();
  }

  /** Sends the settings the spec sets that Sevalla has otherwise, in one PATCH. */
  private static Optional<Outcome> applySettings(Run run) {
    Attempt<KinstaStaticSite, KinstaStaticSiteStatus> attempt = run.attempt;
    KinstaStaticSiteSpec spec = attempt.resource().getSpec();
    StaticSite site = run.site();
    StaticSiteSettings change =
        new StaticSiteSettings(
            setting(attempt, "spec.displayName", spec.displayName, site.displayName()),
            setting(attempt, "spec.autoDeploy", spec.autoDeploy, site.autoDeploy()),
            setting(attempt, "spec.defaultBranch", spec.defaultBranch, site.defaultBranch()),
            setting(attempt, "spec.installCommand", spec.installCommand, site.installCommand()),
            setting(attempt, "spec.buildCommand", spec.buildCommand, site.buildCommand()),
            setting(attempt, "spec.nodeVersion", spec.nodeVersion, site.nodeVersion()),
            setting(attempt, "spec.rootDirectory", spec.rootDirectory, site.rootDirectory()),
            attempt.differing(
                "spec.publishedDirectory", spec.publishedDirectory, site.publishedDirectory()),
            setting(attempt, "spec.indexFile", spec.indexFile, site.indexFile()),
            setting(attempt, "spec.errorFile", spec.errorFile, site.errorFile()));
    if (!change.equals(NO_CHANGE)) {
      run.api.staticSites().updateStaticSite(site.id(), change);
      attempt.status().displayName =
          change.displayName() != null ? change.displayName() : site.displayName();
      attempt
          .events()
          .normal(
              attempt.resource(),
              StaticSiteReasons.SETTINGS_UPDATED,
              "Updated the settings of static site " + site.id());
    }
    // Sevalla only toggles pretty URLs and answers the new state: one flip per reconcile at most.
    KinstaStaticSiteStatus status = attempt.status();
    if (spec.prettyUrls != null
        && !spec.prettyUrls.equals(status.prettyUrlsEnabled)
        && attempt.correct("spec.prettyUrls", spec.prettyUrls, status.prettyUrlsEnabled)) {
      status.prettyUrlsEnabled = run.api.staticSites().togglePrettyUrls(site.id());
    }
    return Optional.empty();
  }

  private static final StaticSiteSettings NO_CHANGE =
      new StaticSiteSettings(null, null, null, null, null, null, null, null, null, null);

  /**
   * The value to send for one setting: the spec's when it sets one that differs (an empty text
   * matches none) and the change may be written ({@link Attempt#differing}); else null.
   */
  private static <T> @Nullable T setting(
      Attempt<?, ?> attempt, String field, @Nullable T wanted, @Nullable T current) {
    boolean emptyForNone = "".equals(wanted) && current == null;
    return attempt.differing(field, emptyForNone ? null : wanted, current);
  }

  /** Deploys when spec.deployment changed since the last deployment the operator started. */
  private static Optional<Outcome> deployIfWanted(Run run) {
    Attempt<KinstaStaticSite, KinstaStaticSiteStatus> attempt = run.attempt;
    KinstaStaticSiteSpec.Deployment wanted = attempt.resource().getSpec().deployment;
    KinstaStaticSiteStatus status = attempt.status();
    String trigger = trigger(wanted);
    boolean configChanged = Boolean.TRUE.equals(status.redeployPending);
    if (!configChanged && (wanted == null || trigger.equals(status.deployedFor))) {
      return Optional.empty();
    }
    if (!attempt.correct(
        "spec.deployment",
        wanted == null ? "a deployment" : trigger,
        configChanged ? "settings changed since the last deployment" : status.deployedFor)) {
      return Optional.empty();
    }
    status.redeployPending = null;
    if (wanted == null) {
      return redeployForConfig(run);
    }
    boolean redeploy =
        wanted.redeployToken != null && !wanted.redeployToken.equals(status.deployedRedeployToken);
    StaticSiteDeployment started =
        run.api
            .staticSites()
            .deployStaticSite(
                run.site().id(),
                wanted.branch,
                redeploy && status.latestDeployment != null ? status.latestDeployment.id : null);
    status.deployedFor = trigger;
    status.deployedRedeployToken = wanted.redeployToken;
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

  /** A deployment of the default branch, so that changed variables take effect. */
  private static Optional<Outcome> redeployForConfig(Run run) {
    Attempt<KinstaStaticSite, KinstaStaticSiteStatus> attempt = run.attempt;
    KinstaStaticSiteStatus status = attempt.status();
    StaticSiteDeployment started =
        run.api.staticSites().deployStaticSite(run.site().id(), null, null);
    status.lastDeployment = summary(started);
    TrackedOperation operation =
        attempt.tracked(StaticSiteOperation.DEPLOY_STATIC_SITE, "changed variables");
    operation.deploymentId = started.id();
    attempt
        .events()
        .normal(
            attempt.resource(),
            StaticSiteReasons.DEPLOYING_STATIC_SITE,
            "Started deployment " + started.id() + " for changed variables");
    return Optional.of(
        Outcome.progressing(
            StaticSiteReasons.DEPLOYING_STATIC_SITE,
            "Started deployment " + started.id(),
            attempt.shortly()));
  }

  private static Outcome ready(Run run) {
    KinstaStaticSiteStatus status = run.attempt.status();
    return HostedDomains.ready(
        run.attempt,
        "Static site " + run.site().name() + " matches the spec",
        status.lastDeployment == null ? "" : "; last deployment " + status.lastDeployment.status,
        status.domains);
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

  private static DeploymentStatus summary(StaticSiteDeployment deployment) {
    DeploymentStatus summary = new DeploymentStatus();
    summary.id = deployment.id();
    summary.branch = deployment.branch();
    summary.status = deployment.status();
    summary.buildError = deployment.buildError();
    String message = deployment.commitMessage();
    summary.commitMessage =
        message == null ? null : message.length() > 200 ? message.substring(0, 200) : message;
    summary.createdAt = deployment.createdAt();
    return summary;
  }

  @Override
  protected Optional<String> kinstaId(KinstaStaticSite site) {
    return recordedId(site);
  }

  /** The object's id as the resource records it: in status once known, else the one it adopts. */
  static Optional<String> recordedId(KinstaStaticSite site) {
    if (site.getStatus() != null && site.getStatus().staticSiteId != null) {
      return Optional.of(site.getStatus().staticSiteId);
    }
    KinstaStaticSiteSpec spec = site.getSpec();
    return Optional.ofNullable(spec == null || spec.adopt == null ? null : spec.adopt.id);
  }

  @Override
  protected boolean hasRemoteObject(KinstaStaticSiteStatus status) {
    return status.staticSiteId != null || status.creation != null;
  }

  @Override
  protected Deletion deleteRemote(Attempt<KinstaStaticSite, KinstaStaticSiteStatus> attempt) {
    KinstaStaticSiteStatus status = attempt.status();
    HostingApi api = attempt.hosting();
    Optional<Deletion> lookingForIt =
        new StaticSiteProvisioner(attempt).creation().resolveWhileDeleting();
    if (lookingForIt.isPresent()) {
      return lookingForIt.get();
    }
    if (status.staticSiteId == null) {
      return Deletion.finished();
    }
    String id = status.staticSiteId;
    return ReadBackDeletion.step(
        attempt,
        StaticSiteOperation.DELETE_STATIC_SITE,
        id,
        "static site " + id,
        StaticSiteReasons.DELETING_STATIC_SITE,
        () -> api.staticSites().deleteStaticSite(id),
        () -> api.staticSites().getStaticSite(id));
  }

  @Override
  protected DeletionPolicy deletionPolicy(KinstaStaticSite site) {
    return deletionPolicy(site.getSpec().deletionPolicy, site.getSpec().adopt != null);
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
