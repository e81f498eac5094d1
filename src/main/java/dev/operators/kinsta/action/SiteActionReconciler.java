package dev.operators.kinsta.action;

import dev.operators.kinsta.api.v1alpha1.KinstaSite;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteAction;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteActionSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteActionStatus;
import dev.operators.kinsta.client.KinstaApi;
import dev.operators.kinsta.client.KinstaApiException;
import dev.operators.kinsta.client.dto.Environment;
import dev.operators.kinsta.reconcile.Attempt;
import dev.operators.kinsta.reconcile.ControllerServices;
import dev.operators.kinsta.reconcile.FieldProblem;
import dev.operators.kinsta.reconcile.KinstaReconciler;
import dev.operators.kinsta.reconcile.Outcome;
import dev.operators.kinsta.reconcile.StatusConditions;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reconciles a {@link KinstaSiteAction}: finds the site and environment, follows the run in flight,
 * and starts runs: once per generation for a one-shot action, at each slot for a scheduled one
 * ({@link ScheduledRuns}). A run waits while the site's own reconciler has an operation going on
 * the same environment.
 */
public final class SiteActionReconciler
    extends KinstaReconciler<KinstaSiteAction, KinstaSiteActionStatus> {
  private static final String SITE_INDEX = "action-site";

  private volatile @Nullable InformerEventSource<KinstaSite, KinstaSiteAction> sites;

  public SiteActionReconciler(ControllerServices services) {
    super(services, KinstaSiteAction.class, KinstaSiteActionStatus.class);
  }

  @Override
  protected List<EventSource<?, KinstaSiteAction>> additionalEventSources(
      EventSourceContext<KinstaSiteAction> context) {
    context
        .getPrimaryCache()
        .addIndexer(
            SITE_INDEX,
            action ->
                action.getSpec() == null
                        || action.getSpec().site == null
                        || action.getSpec().site.name == null
                    ? List.of()
                    : List.of(
                        action.getMetadata().getNamespace() + "/" + action.getSpec().site.name));
    var configuration =
        InformerEventSourceConfiguration.from(KinstaSite.class, KinstaSiteAction.class)
            .withName("action-sites")
            .withNamespacesInheritedFromController()
            .withSecondaryToPrimaryMapper(
                site ->
                    context
                        .getPrimaryCache()
                        .byIndex(
                            SITE_INDEX,
                            site.getMetadata().getNamespace() + "/" + site.getMetadata().getName())
                        .stream()
                        .map(ResourceID::fromResource)
                        .collect(Collectors.toSet()))
            .build();
    sites = new InformerEventSource<>(configuration, context);
    return List.of(sites);
  }

  @Override
  protected List<FieldProblem> validate(KinstaSiteAction action) {
    return ActionSpecValidator.validate(action.getSpec());
  }

  @Override
  protected Outcome reconcileRemote(Attempt<KinstaSiteAction, KinstaSiteActionStatus> attempt) {
    KinstaSiteActionSpec spec = attempt.resource().getSpec();
    Optional<KinstaSite> managedSite = Optional.empty();
    String siteId = spec.site.id;
    if (spec.site.name != null) {
      managedSite =
          sites == null
              ? Optional.empty()
              : sites.get(
                  new ResourceID(spec.site.name, attempt.resource().getMetadata().getNamespace()));
      siteId =
          managedSite.map(s -> s.getStatus() == null ? null : s.getStatus().siteId).orElse(null);
      if (siteId == null || !managedSite.map(StatusConditions::isReadyAndCurrent).orElse(false)) {
        // No requeue: the site's informer reconciles this action when the site appears or becomes
        // Ready, which
        // is also when its own operations (a staging environment being created, say) are done.
        return Outcome.progressing(
            ActionReasons.WAITING_FOR_SITE,
            managedSite.isEmpty()
                ? "KinstaSite " + spec.site.name + " does not exist"
                : "KinstaSite " + spec.site.name + " is not Ready yet",
            null);
      }
    }
    KinstaApi api = attempt.kinsta();
    List<Environment> environments;
    try {
      environments = api.listEnvironments(siteId);
    } catch (KinstaApiException.NotFound missing) {
      return Outcome.stalled(ActionReasons.SITE_NOT_FOUND, "Kinsta has no site " + siteId);
    }
    Optional<Environment> environment = Environments.find(environments, spec.environment);
    if (environment.isEmpty()) {
      return Outcome.stalled(
          ActionReasons.ENVIRONMENT_NOT_FOUND,
          "Site "
              + siteId
              + " has no environment "
              + spec.environment
              + " (it has "
              + Environments.names(environments)
              + ")");
    }
    attempt.status().environmentId = environment.get().id();
    Runs runs =
        new Runs(
            attempt,
            api,
            siteId,
            environment.get(),
            environments,
            busySite(managedSite, environment.get()));
    Optional<Outcome> following = runs.follow();
    if (spec.schedule == null) {
      return following.orElseGet(runs::once);
    }
    return new ScheduledRuns(attempt, runs).reconcile(following);
  }

  /**
   * The site reconciler's operation on this environment, if one is going: a run must wait for it.
   */
  private static Optional<String> busySite(Optional<KinstaSite> site, Environment environment) {
    return site.map(KinstaSite::getStatus)
        .filter(s -> s.operation != null)
        .filter(
            s ->
                s.operation.target == null
                    || s.operation.target.equalsIgnoreCase(environment.name()))
        .map(s -> s.operation.id);
  }
}
