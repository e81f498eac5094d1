package dev.operators.kinsta.wordpress.siteaction;

import dev.operators.kinsta.api.v1alpha1.FieldProblem;
import dev.operators.kinsta.api.v1alpha1.KinstaSite;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteAction;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteActionSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteActionStatus;
import dev.operators.kinsta.reconcile.Attempt;
import dev.operators.kinsta.reconcile.ControllerServices;
import dev.operators.kinsta.reconcile.KinstaReconciler;
import dev.operators.kinsta.reconcile.Outcome;
import dev.operators.kinsta.reconcile.PrimaryCaches;
import dev.operators.kinsta.reconcile.Reason;
import dev.operators.kinsta.reconcile.StatusConditions;
import dev.operators.kinsta.reconcile.Steps;
import dev.operators.kinsta.transport.KinstaApiException;
import dev.operators.kinsta.wordpress.client.dto.Environment;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reconciles a {@link KinstaSiteAction}: finds the site and environment, follows the run in flight,
 * and starts runs: once per generation for a one-shot action, at each slot for a scheduled one
 * ({@link ScheduledRuns}). A run waits while the site's own reconciler has an operation going on
 * the same environment.
 */
public final class SiteActionReconciler
    extends KinstaReconciler<KinstaSiteAction, KinstaSiteActionStatus> {

  public SiteActionReconciler(ControllerServices services) {
    super(services, KinstaSiteAction.class, KinstaSiteActionStatus.class);
  }

  @Override
  protected List<? extends Reason> reasons() {
    return List.of(ActionReasons.values());
  }

  @Override
  protected Map<String, String> passwordSecrets(KinstaSiteAction action) {
    KinstaSiteActionSpec spec = action.getSpec();
    return spec == null
            || spec.resetSite == null
            || spec.resetSite.adminPasswordSecretRef == null
            || spec.resetSite.adminPasswordSecretRef.name == null
        ? Map.of()
        : Map.of("resetSite.adminPasswordSecretRef", spec.resetSite.adminPasswordSecretRef.name);
  }

  @Override
  protected List<FieldProblem> validate(KinstaSiteAction action) {
    return ActionSpecValidator.validate(action.getSpec());
  }

  /** What a KinstaSiteAction's reconcile does, in order; the first step with an outcome ends it. */
  static final Steps<Run> STEPS =
      Steps.<Run>first("stop at a finished one-shot run", SiteActionReconciler::finished)
          .then("wait for the site", SiteActionReconciler::findSite)
          .then("find the environment", SiteActionReconciler::findEnvironment);

  /** One reconcile of an action: the attempt, its site and environment as Kinsta reports them. */
  static final class Run {
    final Attempt<KinstaSiteAction, KinstaSiteActionStatus> attempt;
    final PrimaryCaches sites;
    Optional<KinstaSite> managedSite = Optional.empty();
    @Nullable String siteId;
    List<Environment> environments = List.of();
    @Nullable Environment environment;

    Run(Attempt<KinstaSiteAction, KinstaSiteActionStatus> attempt, PrimaryCaches sites) {
      this.attempt = attempt;
      this.sites = sites;
    }
  }

  @Override
  protected Outcome reconcileRemote(Attempt<KinstaSiteAction, KinstaSiteActionStatus> attempt) {
    return STEPS.run(new Run(attempt, services.caches()), SiteActionReconciler::runs);
  }

  /** A one-shot action whose run for this generation succeeded is done: nothing to ask Kinsta. */
  private static Optional<Outcome> finished(Run run) {
    return run.attempt.resource().getSpec().schedule == null
        ? Runs.succeeded(run.attempt)
        : Optional.empty();
  }

  private static Optional<Outcome> findSite(Run run) {
    KinstaSiteActionSpec spec = run.attempt.resource().getSpec();
    KinstaSiteActionSpec.SiteReference site = Objects.requireNonNull(spec.site, "spec.site");
    run.siteId = site.id;
    if (site.name == null) {
      return Optional.empty();
    }
    String namespace = run.attempt.resource().getMetadata().getNamespace();
    run.managedSite = run.sites.get(KinstaSite.class, namespace, site.name);
    run.siteId =
        run.managedSite.map(s -> s.getStatus() == null ? null : s.getStatus().siteId).orElse(null);
    if (run.siteId != null
        && run.managedSite.map(StatusConditions::isReadyAndCurrent).orElse(false)) {
      return Optional.empty();
    }
    // Looked at again shortly, in the site controller's cache: no call, and no second copy of every
    // KinstaSite for the actions' sake.
    return Optional.of(
        Outcome.progressing(
            ActionReasons.WAITING_FOR_SITE,
            run.managedSite.isEmpty()
                ? "KinstaSite " + spec.site.name + " does not exist"
                : "KinstaSite " + spec.site.name + " is not Ready yet",
            run.attempt.shortly()));
  }

  private static Optional<Outcome> findEnvironment(Run run) {
    KinstaSiteActionSpec spec = run.attempt.resource().getSpec();
    String siteId = Objects.requireNonNull(run.siteId, "found before use");
    try {
      run.environments =
          run.attempt
              .sites()
              .site(run.attempt.kinsta(), run.attempt.companyId(), siteId)
              .environments();
    } catch (KinstaApiException.NotFound missing) {
      return Optional.of(
          Outcome.stalled(ActionReasons.SITE_NOT_FOUND, "Kinsta has no site " + siteId));
    }
    run.environment = Environments.find(run.environments, spec.environment).orElse(null);
    if (run.environment == null) {
      return Optional.of(
          Outcome.stalled(
              ActionReasons.ENVIRONMENT_NOT_FOUND,
              "Site "
                  + siteId
                  + " has no environment "
                  + spec.environment
                  + " (it has "
                  + Environments.names(run.environments)
                  + ")"));
    }
    run.attempt.status().environmentId = run.environment.id();
    return Optional.empty();
  }

  /** Follows the run in flight, then runs once or on the schedule. */
  private static Outcome runs(Run run) {
    Environment environment = Objects.requireNonNull(run.environment, "found before use");
    Runs runs =
        new Runs(
            run.attempt,
            run.attempt.kinsta(),
            Objects.requireNonNull(run.siteId, "found before use"),
            environment,
            run.environments,
            busySite(run.managedSite, environment));
    Optional<Outcome> following = runs.follow();
    if (run.attempt.resource().getSpec().schedule == null) {
      return following.orElseGet(runs::once);
    }
    return new ScheduledRuns(run.attempt, runs).reconcile(following);
  }

  /**
   * The site reconciler's operation on this environment, if one is going: a run must wait for it.
   */
  private static Optional<String> busySite(Optional<KinstaSite> site, Environment environment) {
    return site.map(KinstaSite::getStatus)
        .map(s -> s.operation)
        .filter(op -> op.target == null || op.target.equalsIgnoreCase(environment.name()))
        .map(op -> op.id);
  }
}
