package dev.operators.kinsta.wordpress.site;

import static java.util.Objects.requireNonNull;

import dev.operators.kinsta.api.v1alpha1.DeletionPolicy;
import dev.operators.kinsta.api.v1alpha1.EnvironmentSettings;
import dev.operators.kinsta.api.v1alpha1.FieldProblem;
import dev.operators.kinsta.api.v1alpha1.KinstaCompany;
import dev.operators.kinsta.api.v1alpha1.KinstaCompanyStatus;
import dev.operators.kinsta.api.v1alpha1.KinstaSite;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteStatus;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteStatus.EnvironmentStatus;
import dev.operators.kinsta.api.v1alpha1.SftpAccountsSettings;
import dev.operators.kinsta.api.v1alpha1.StagingEnvironment;
import dev.operators.kinsta.api.v1alpha1.TrackedOperation;
import dev.operators.kinsta.reconcile.Attempt;
import dev.operators.kinsta.reconcile.ControllerServices;
import dev.operators.kinsta.reconcile.Deletion;
import dev.operators.kinsta.reconcile.KinstaObjectReconciler;
import dev.operators.kinsta.reconcile.OperationFollower;
import dev.operators.kinsta.reconcile.OperationTracker.Poll;
import dev.operators.kinsta.reconcile.Outcome;
import dev.operators.kinsta.reconcile.Reason;
import dev.operators.kinsta.reconcile.Reasons;
import dev.operators.kinsta.reconcile.Steps;
import dev.operators.kinsta.reconcile.WakeUps;
import dev.operators.kinsta.transport.KinstaApiException;
import dev.operators.kinsta.wordpress.client.KinstaApi;
import dev.operators.kinsta.wordpress.client.dto.Environment;
import dev.operators.kinsta.wordpress.client.dto.OperationRef;
import dev.operators.kinsta.wordpress.client.dto.RedirectRule;
import dev.operators.kinsta.wordpress.client.dto.SftpAccounts;
import dev.operators.kinsta.wordpress.inventory.SiteInventory;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reconciles a {@link KinstaSite}: follows the operation in flight, makes sure the site exists,
 * records its environments, creates or deletes the staging environment, then applies the first
 * setting that differs.
 */
public final class SiteReconciler extends KinstaObjectReconciler<KinstaSite, KinstaSiteStatus> {
  static final String LIVE = "live";
  static final String STAGING = "staging";

  /** What the environments have beyond the company's site list; only this kind reads it. */
  private final EnvironmentExtras extras;

  public SiteReconciler(ControllerServices services) {
    super(services, KinstaSite.class, KinstaSiteStatus.class);
    this.extras = new EnvironmentExtras(services.settings().inventoryInterval(), services.clock());
  }

  @Override
  protected Map<String, String> passwordSecrets(KinstaSite site) {
    KinstaSiteSpec spec = site.getSpec();
    Map<String, String> names = new java.util.LinkedHashMap<>();
    if (spec != null
        && spec.wordpress != null
        && spec.wordpress.adminPasswordSecretRef != null
        && spec.wordpress.adminPasswordSecretRef.name != null) {
      names.put(
          "spec.wordpress.adminPasswordSecretRef", spec.wordpress.adminPasswordSecretRef.name);
    }
    names.putAll(SftpAccountSecrets.named(spec));
    return names;
  }

  /** The generated SFTP password Secrets too: a change to one (a new password) is acted on. */
  @Override
  protected Set<String> referencedSecrets(KinstaSite site) {
    Set<String> names = super.referencedSecrets(site);
    if (site.getSpec() != null) {
      names.addAll(SftpAccountSecrets.all(site));
    }
    return names;
  }

  /** Drift made in MyKinsta wakes the sites it touched, as the company's next list shows it. */
  @Override
  protected List<EventSource<?, KinstaSite>> additionalEventSources(
      EventSourceContext<KinstaSite> context) {
    WakeUps<KinstaSite> changes = new WakeUps<>("kinsta-inventory-changes");
    services
        .sites()
        .onChange(
            siteIds ->
                siteIds.forEach(
                    siteId -> changes.wake(resourcesManaging(context.getPrimaryCache(), siteId))));
    return List.of(changes);
  }

  @Override
  protected List<? extends Reason> reasons() {
    return List.of(SiteReasons.values());
  }

  @Override
  protected List<FieldProblem> validate(KinstaSite site) {
    return SiteSpecValidator.validate(site.getSpec());
  }

  /** What a KinstaSite's reconcile does, in order; the first step with an outcome ends it. */
  static final Steps<Run> STEPS =
      Steps.<Run>first("follow the operation in flight", SiteReconciler::followOperation)
          .then("create or adopt the site", SiteReconciler::establish)
          .then("observe the site and its environments", SiteReconciler::observe)
          .then("wait for the live environment", SiteReconciler::awaitLive)
          .then("read the DNS records new domains need", SiteReconciler::domainRecords)
          .then("create or delete the staging environment", SiteReconciler::staging)
          .then("apply the first setting that differs", SiteReconciler::applySettings)
          .then("report SFTP/SSH access and accounts", SiteReconciler::reportSsh);

  /** One reconcile of a site: the attempt and what has been observed so far. */
  static final class Run {
    final Attempt<KinstaSite, KinstaSiteStatus> attempt;
    final EnvironmentExtras extras;
    List<Environment> environments = List.of();
    @Nullable Environment live;

    Run(Attempt<KinstaSite, KinstaSiteStatus> attempt, EnvironmentExtras extras) {
      this.attempt = attempt;
      this.extras = extras;
    }

    /**
     * The operator changed the site: the next look reads again what the change touched (empty: the
     * site as the company's list shows it), or everything.
     */
    void changed(Optional<EnvironmentExtras.Part> part) {
      KinstaSiteStatus status = status();
      if (status.siteId == null) {
        return;
      }
      if (part.isPresent()) {
        extras.changed(part.get(), environmentIds(status));
      } else {
        attempt.sites().changed(attempt.companyId(), status.siteId);
      }
    }

    /** The site changed in an unknown way: all of it is read again. */
    void changedAll() {
      KinstaSiteStatus status = status();
      if (status.siteId == null) {
        return;
      }
      attempt.sites().changed(attempt.companyId(), status.siteId);
      extras.changed(environmentIds(status));
    }

    private static List<String> environmentIds(KinstaSiteStatus status) {
      return status.environments.stream().map(e -> e.id).filter(Objects::nonNull).toList();
    }

    KinstaSiteStatus status() {
      return attempt.status();
    }

    Environment live() {
      return Objects.requireNonNull(live, "observed before use");
    }
  }

  @Override
  protected Outcome reconcileRemote(Attempt<KinstaSite, KinstaSiteStatus> attempt) {
    return STEPS.run(new Run(attempt, extras), SiteReconciler::ready);
  }

  /** Polls the operation in flight; empty when there is none or it is over. */
  private static Optional<Outcome> followOperation(Run run) {
    return OperationFollower.follow(run.attempt, (operation, poll) -> ended(run, operation, poll));
  }

  private static Optional<Outcome> ended(Run run, TrackedOperation operation, Poll poll) {
    Attempt<KinstaSite, KinstaSiteStatus> attempt = run.attempt;
    KinstaSiteStatus status = attempt.status();
    // What the operation changed, the next look at the site must see.
    Optional<SiteOperation> type = SiteOperation.of(operation);
    if (type.isPresent()) {
      run.changed(type.get().touches());
    } else {
      run.changedAll();
    }
    if (poll instanceof Poll.Failed failed) {
      if (operation.is(SiteOperation.CREATE_SITE)) {
        // Kinsta's verdict, checked against the object: a site that exists after a "failed"
        // creation (or a poll answered 500 by a Kinsta in trouble) is this resource's site.
        Optional<String> made = SiteProvisioner.siteOfIntent(attempt);
        status.creation = null;
        if (made.isPresent()) {
          status.siteId = made.get();
          return Optional.empty();
        }
        return Optional.of(
            Outcome.stalled(
                SiteReasons.CREATE_FAILED,
                "Kinsta could not create the site: " + failed.message()));
      }
      String on = operation.target == null ? "" : " on " + operation.target;
      return Optional.of(
          Outcome.stalled(
              Reasons.OPERATION_FAILED,
              operation.type + on + " failed in Kinsta: " + failed.message()));
    }
    if (poll instanceof Poll.Succeeded succeeded) {
      type.ifPresent(known -> known.succeeded(status, operation, succeeded.status()));
    }
    // Lost operations fall through: the next steps look at the site itself.
    return Optional.empty();
  }

  private static Optional<Outcome> establish(Run run) {
    return run.status().siteId == null ? SiteProvisioner.establish(run.attempt) : Optional.empty();
  }

  // Every step after establish runs with the site's id recorded.
  static String siteId(KinstaSiteStatus status) {
    return requireNonNull(status.siteId, "status.siteId");
  }

  private static Optional<Outcome> observe(Run run) {
    KinstaSiteStatus status = run.status();
    Attempt<KinstaSite, KinstaSiteStatus> attempt = run.attempt;
    try {
      SiteInventory.SiteView view =
          attempt.sites().site(attempt.kinsta(), attempt.companyId(), siteId(status));
      if (status.siteName == null) {
        status.siteName = view.site().name();
      }
      run.environments = view.environments();
    } catch (KinstaApiException.NotFound gone) {
      return Optional.of(
          Outcome.stalled(
              SiteReasons.SITE_NOT_FOUND,
              "Site "
                  + status.siteId
                  + " no longer exists in Kinsta; delete the "
                  + "resource, or remove status.siteId to create it again"));
    }
    SiteObserver.record(status, run.environments, attempt.sites()::report);
    run.live =
        run.environments.stream().filter(e -> LIVE.equals(e.name())).findFirst().orElse(null);
    return Optional.empty();
  }

  private static Optional<Outcome> awaitLive(Run run) {
    if (run.live != null) {
      return Optional.empty();
    }
    // Waiting for Kinsta: the next look must read the site again, not the view that lacked it.
    run.changed(Optional.empty());
    return Optional.of(
        Outcome.progressing(
            SiteReasons.SITE_PROVISIONING,
            "Kinsta is still provisioning site " + run.status().siteId,
            run.attempt.shortly()));
  }

  private static Optional<Outcome> domainRecords(Run run) {
    for (Environment env : run.environments) {
      run.status().environments.stream()
          .filter(out -> env.id().equals(out.id))
          .findFirst()
          .ifPresent(out -> DomainRecords.fill(run.attempt.kinsta(), env, out));
    }
    return Optional.empty();
  }

  private static EnvironmentReads reads(Run run, Environment environment) {
    Attempt<KinstaSite, KinstaSiteStatus> attempt = run.attempt;
    EnvironmentExtras extras = run.extras;
    KinstaApi api = attempt.kinsta();
    String environmentId = environment.id();
    return new EnvironmentReads() {
      @Override
      public SftpAccounts sftpAccounts() {
        return extras.sftpAccounts(api, environmentId);
      }

      @Override
      public SftpPassword sftpPassword(String label, SftpAccountsSettings.Account account) {
        return SftpAccountSecrets.password(
            attempt, label, account, environment, this::sftpAccounts);
      }

      @Override
      public List<String> deniedIps() {
        return extras.deniedIps(api, environmentId);
      }

      @Override
      public EnvironmentExtras.SshAccess ssh() {
        return extras.ssh(api, environmentId);
      }

      @Override
      public List<RedirectRule> redirects() {
        return extras.redirects(api, environmentId);
      }
    };
  }

  /** For each environment whose spec manages SFTP/SSH: its access, and how to connect. */
  private static Optional<Outcome> reportSsh(Run run) {
    KinstaSiteSpec spec = run.attempt.resource().getSpec();
    KinstaSiteStatus status = run.status();
    if (spec.environments == null) {
      return Optional.empty();
    }
    for (EnvironmentStatus out : status.environments) {
      EnvironmentSettings settings =
          LIVE.equals(out.name)
              ? spec.environments.live
              : out.id != null && out.id.equals(status.stagingEnvironmentId)
                  ? spec.environments.staging
                  : null;
      Optional<Environment> env =
          run.environments.stream().filter(e -> e.id().equals(out.id)).findFirst();
      if (env.isPresent()) {
        String label = LIVE.equals(out.name) ? LIVE : STAGING;
        SftpAccountSecrets.fill(
            out,
            run.attempt.resource().getMetadata().getName(),
            label,
            settings,
            env.get(),
            reads(run, env.get())::sftpAccounts);
      }
      if (settings == null || settings.ssh == null) {
        out.ssh = null;
        continue;
      }
      SshReport.fill(run.attempt, run.extras, siteId(status), out);
    }
    return Optional.empty();
  }

  private static Optional<Outcome> staging(Run run) {
    return StagingEnvironments.reconcile(run.attempt, run.environments, run.live());
  }

  /**
   * Starts the first change that differs; a change Kinsta applies at once is followed by the next
   * one, against the environments as Kinsta reports them after it.
   */
  private static Optional<Outcome> applySettings(Run run) {
    try {
      return applyEachSetting(run);
    } catch (SftpPasswordProblem problem) {
      return Optional.of(Outcome.stalled(problem.reason(), problem.describe()));
    }
  }

  private static Optional<Outcome> applyEachSetting(Run run) {
    Attempt<KinstaSite, KinstaSiteStatus> attempt = run.attempt;
    KinstaSiteStatus status = run.status();
    KinstaApi api = attempt.kinsta();
    if (attempt.observing()) {
      for (SettingChange planned : changes(run, run.environments, run.live(), true)) {
        attempt.correct(planned.field(), planned.value(), planned.currentOrDiffers());
      }
      return Optional.empty();
    }
    Optional<SettingChange> change = nextChange(run, run.environments, run.live());
    while (change.isPresent()) {
      SettingChange next = change.get();
      attempt.correct(next.field(), next.value(), next.currentOrDiffers());
      if (next.destructive()) {
        Optional<Outcome> held =
            attempt.approval(
                next.type().wireName() + " on " + next.environment() + ": " + next.value());
        if (held.isPresent()) {
          return held;
        }
        attempt
            .events()
            .normal(
                attempt.resource(),
                next.type(),
                next.type().wireName() + " on " + next.environment() + ": " + next.value());
      }
      OperationRef ref = next.call().apply(api);
      if (ref != null) {
        Outcome started = attempt.started(ref, next.type(), next.environment(), next.value());
        requireNonNull(status.operation, "status.operation").phpAllocation = next.allocation();
        return Optional.of(started);
      }
      run.changed(next.type().touches());
      run.environments =
          attempt.sites().site(api, attempt.companyId(), siteId(status)).environments();
      SiteObserver.record(status, run.environments, attempt.sites()::report);
      change = nextChange(run, run.environments, run.live());
    }
    return Optional.empty();
  }

  private static Outcome ready(Run run) {
    KinstaSiteStatus status = run.status();
    List<String> ignored =
        SiteProvisioner.changedCreateOnlyFields(
            run.attempt.resource().getSpec(), status.createdWith);
    String name = status.siteName == null ? status.siteId : status.siteName;
    return run.attempt.ready(
        ignored.isEmpty()
            ? "Site " + name + " matches the spec"
            : "Site "
                + name
                + " matches the spec, except create-only fields changed after creation, which Kinsta "
                + "cannot apply: "
                + String.join(", ", ignored));
  }

  private static Optional<SettingChange> nextChange(
      Run run, List<Environment> environments, Environment live) {
    return changes(run, environments, live, false).stream().findFirst();
  }

  /** The first setting that differs, live before staging; or, with {@code all}, every one. */
  private static List<SettingChange> changes(
      Run run, List<Environment> environments, Environment live, boolean all) {
    Attempt<KinstaSite, KinstaSiteStatus> attempt = run.attempt;
    KinstaSiteSpec spec = attempt.resource().getSpec();
    KinstaSiteStatus status = attempt.status();
    if (spec.environments == null) {
      return List.of();
    }
    String siteId = siteId(status);
    List<SettingChange> found =
        new ArrayList<>(
            EnvironmentPlanner.changes(
                all,
                LIVE,
                spec.environments.live,
                live,
                status.appliedPhpAllocation,
                (a, threads, memory) -> a.sites().changeSitePhpAllocation(siteId, threads, memory),
                reads(run, live),
                status));
    if ((!found.isEmpty() && !all)
        || spec.environments.staging == null
        || status.stagingEnvironmentId == null) {
      return found;
    }
    StagingEnvironment stagingSpec = spec.environments.staging;
    Optional<Environment> staging =
        environments.stream().filter(e -> e.id().equals(status.stagingEnvironmentId)).findFirst();
    if (staging.isEmpty()) {
      return found;
    }
    String stagingId = staging.get().id();
    found.addAll(
        EnvironmentPlanner.changes(
            all,
            STAGING,
            stagingSpec,
            staging.get(),
            status.appliedStagingPhpAllocation,
            Boolean.TRUE.equals(stagingSpec.premium)
                ? (a, threads, memory) ->
                    a.environments().changeEnvironmentPhpAllocation(stagingId, threads, memory)
                : null,
            reads(run, staging.get()),
            status));
    return found;
  }

  /**
   * The newest entry of the activity log a KinstaCompany of the site's namespace shows for the
   * site, made by someone other than the company's own key.
   */
  @Override
  protected Optional<String> changedInKinstaBy(KinstaSite site) {
    String siteId = site.getStatus() == null ? null : site.getStatus().siteId;
    if (siteId == null) {
      return Optional.empty();
    }
    return services
        .caches()
        .all(KinstaCompany.class)
        .filter(
            company ->
                company.getMetadata().getNamespace().equals(site.getMetadata().getNamespace()))
        .filter(
            company -> company.getStatus() != null && company.getStatus().recentActivity != null)
        .flatMap(
            company ->
                company.getStatus().recentActivity.stream()
                    .filter(entry -> siteId.equals(entry.siteId) && entry.by != null)
                    .filter(entry -> entry.at != null)
                    .filter(entry -> !("API key " + company.getStatus().keyName).equals(entry.by)))
        .max(Comparator.comparing((KinstaCompanyStatus.ActivityStatus entry) -> entry.at))
        .map(entry -> entry.by + " (" + entry.description + ", " + entry.at + ")");
  }

  @Override
  protected Optional<String> kinstaId(KinstaSite site) {
    return recordedId(site);
  }

  /** The object's id as the resource records it: in status once known, else the one it adopts. */
  static Optional<String> recordedId(KinstaSite site) {
    if (site.getStatus() != null && site.getStatus().siteId != null) {
      return Optional.of(site.getStatus().siteId);
    }
    return Optional.ofNullable(site.getSpec() == null ? null : site.getSpec().siteId);
  }

  @Override
  protected boolean hasRemoteObject(KinstaSiteStatus status) {
    return status.siteId != null
        || status.creation != null
        || (status.operation != null && status.operation.is(SiteOperation.CREATE_SITE));
  }

  @Override
  protected Deletion deleteRemote(Attempt<KinstaSite, KinstaSiteStatus> attempt) {
    return SiteDeletion.delete(attempt);
  }

  @Override
  protected DeletionPolicy deletionPolicy(KinstaSite site) {
    boolean adopted =
        site.getSpec().siteId != null
            || (site.getStatus() != null && Boolean.TRUE.equals(site.getStatus().adopted));
    return deletionPolicy(site.getSpec().deletionPolicy, adopted);
  }

  @Override
  protected String remoteKind() {
    return "Site";
  }

  @Override
  protected String describeRemote(KinstaSiteStatus status) {
    return "Site " + (status.siteId == null ? "(being created)" : status.siteId);
  }
}
