package dev.operators.kinsta.company;

import static java.util.Objects.requireNonNull;

import dev.operators.kinsta.api.v1alpha1.FieldProblem;
import dev.operators.kinsta.api.v1alpha1.KinstaApplication;
import dev.operators.kinsta.api.v1alpha1.KinstaCompany;
import dev.operators.kinsta.api.v1alpha1.KinstaCompanySpec;
import dev.operators.kinsta.api.v1alpha1.KinstaCompanyStatus;
import dev.operators.kinsta.api.v1alpha1.KinstaDatabase;
import dev.operators.kinsta.api.v1alpha1.KinstaDnsRecord;
import dev.operators.kinsta.api.v1alpha1.KinstaDnsRecordSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaPipeline;
import dev.operators.kinsta.api.v1alpha1.KinstaSite;
import dev.operators.kinsta.api.v1alpha1.KinstaStaticSite;
import dev.operators.kinsta.hosting.client.dto.ApplicationSummary;
import dev.operators.kinsta.hosting.client.dto.DatabaseSummary;
import dev.operators.kinsta.hosting.client.dto.Project;
import dev.operators.kinsta.reconcile.Attempt;
import dev.operators.kinsta.reconcile.ControllerServices;
import dev.operators.kinsta.reconcile.KinstaReconciler;
import dev.operators.kinsta.reconcile.Outcome;
import dev.operators.kinsta.reconcile.OwnedConfigMaps;
import dev.operators.kinsta.reconcile.PrimaryCaches;
import dev.operators.kinsta.reconcile.Reasons;
import dev.operators.kinsta.reconcile.StatusConditions;
import dev.operators.kinsta.reconcile.Steps;
import dev.operators.kinsta.transport.KinstaApiException;
import dev.operators.kinsta.transport.TimedReads;
import dev.operators.kinsta.wordpress.client.dto.ActivityEntry;
import dev.operators.kinsta.wordpress.client.dto.CompanyApiKey;
import dev.operators.kinsta.wordpress.client.dto.DnsZone;
import dev.operators.kinsta.wordpress.client.dto.Site;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Reconciles a {@link KinstaCompany}: reads the company behind its credentials (regions, users, API
 * keys) and compares what the company runs in Kinsta with what resources of this operator manage.
 * Read-only towards Kinsta. The site and database lists are the per-company inventories every
 * controller shares, so a KinstaCompany adds only its own few reads per resync.
 */
public final class CompanyReconciler extends KinstaReconciler<KinstaCompany, KinstaCompanyStatus> {
  /** The condition type, beside the kstatus three, that warns of an API key about to expire. */
  public static final String KEY_EXPIRING = "KeyExpiring";

  /**
   * What a KinstaCompany read that changes rarely, and its activity log, kept per company: a
   * reconcile refused a permit half way comes back and reads only what it still lacks.
   */
  private final TimedReads reads;

  public CompanyReconciler(ControllerServices services) {
    super(services, KinstaCompany.class, KinstaCompanyStatus.class);
    this.reads = new TimedReads(services.clock());
  }

  /**
   * How long the parts that change rarely (regions, users, API keys, the key's name) are kept: an
   * hour, or the inventory interval when that is longer. An expiry warning is worked out from the
   * keys' expiry times, so it comes on time all the same.
   */
  private static final Duration RARELY = Duration.ofHours(1);

  @Override
  protected List<FieldProblem> validate(KinstaCompany company) {
    return List.of();
  }

  /** One KinstaCompany per credentials Secret: the older one shows it, a later one stalls. */
  @Override
  protected Optional<Outcome> refusal(KinstaCompany company, Context<KinstaCompany> context) {
    String secret = credentialsSecret(company);
    if (secret == null) {
      return Optional.empty();
    }
    return readingSecret(company, secret, context).stream()
        .filter(other -> !other.getMetadata().getUid().equals(company.getMetadata().getUid()))
        .filter(other -> SENIORITY.compare(other, company) < 0)
        .min(SENIORITY)
        .map(
            other ->
                Outcome.stalled(
                    Reasons.ALREADY_MANAGED,
                    "The company behind Secret "
                        + secret
                        + " is shown by KinstaCompany "
                        + other.getMetadata().getName()
                        + "; one KinstaCompany per credentials Secret"));
  }

  /**
   * What a KinstaCompany's reconcile reads, in order. No step ends it early: a part the key may not
   * read is named in {@code status.unavailable} and the others are still shown.
   */
  static final Steps<Run> STEPS =
      Steps.<Run>first("read the regions", CompanyReconciler::regions)
          .then("read the users", CompanyReconciler::users)
          .then("read the API keys and this key's name", CompanyReconciler::apiKeys)
          .then("tell the new activity-log entries", CompanyReconciler::activity)
          .then("compare the sites with the KinstaSites", CompanyReconciler::sites)
          .then("compare the hosting objects with their kinds", CompanyReconciler::hosting)
          .then("read the DNS zones and their records", CompanyReconciler::dnsZones)
          .then("write the unmanaged objects as manifests", CompanyReconciler::export);

  /** One reconcile of a company: what it reads, and the parts it could not. */
  static final class Run {
    final Attempt<KinstaCompany, KinstaCompanyStatus> attempt;
    final TimedReads reads;
    final PrimaryCaches caches;
    final List<String> unavailable = new ArrayList<>();
    @Nullable List<CompanyApiKey> keys;

    Run(
        Attempt<KinstaCompany, KinstaCompanyStatus> attempt,
        TimedReads reads,
        PrimaryCaches caches) {
      this.attempt = attempt;
      this.reads = reads;
      this.caches = caches;
    }

    KinstaCompanyStatus status() {
      return attempt.status();
    }

    /** A part that changes rarely, read at most once an hour for the company. */
    <T> T rarely(String part, Supplier<T> read) {
      Duration interval = attempt.settings().inventoryInterval();
      return once(part, interval.compareTo(RARELY) > 0 ? interval : RARELY, read);
    }

    /** A part read at most once per {@code maxAge} for the company. */
    <T> T once(String part, Duration maxAge, Supplier<T> read) {
      reads.forgetOlderThan(RARELY.multipliedBy(2));
      return reads.get(attempt.companyId() + "/" + part, maxAge, read);
    }

    /**
     * A part of the company the key may not read (403) or Kinsta no longer serves (404) is left out
     * and named; any other failure fails the reconcile as usual.
     */
    <T> @Nullable T section(String name, Supplier<T> read) {
      try {
        return read.get();
      } catch (KinstaApiException.Forbidden | KinstaApiException.NotFound refused) {
        unavailable.add(name + " (HTTP " + refused.httpStatus() + ")");
        return null;
      }
    }

    /** The Kinsta ids that resources of a kind hold, across the namespaces the operator watches. */
    <R extends HasMetadata> Set<String> managedIds(
        Class<R> kind, Function<R, @Nullable String> id) {
      Stream<@Nullable String> ids = caches.all(kind).map(id);
      return ids.filter(Objects::nonNull).collect(Collectors.toSet());
    }
  }

  @Override
  protected Outcome reconcileRemote(Attempt<KinstaCompany, KinstaCompanyStatus> attempt) {
    attempt.status().companyId = attempt.companyId();
    return STEPS.run(new Run(attempt, reads, services.caches()), CompanyReconciler::reported);
  }

  private static Optional<Outcome> regions(Run run) {
    Attempt<KinstaCompany, KinstaCompanyStatus> attempt = run.attempt;
    run.status().regions =
        run.section(
            "regions",
            () ->
                run.rarely("regions", () -> attempt.kinsta().company().regions()).stream()
                    .map(r -> new KinstaCompanyStatus.RegionStatus(r.region(), r.name()))
                    .sorted(Comparator.comparing(r -> String.valueOf(r.region)))
                    .toList());
    return Optional.empty();
  }

  private static Optional<Outcome> users(Run run) {
    KinstaCompanySpec spec = run.attempt.resource().getSpec();
    KinstaCompanyStatus status = run.status();
    run.section(
        "users",
        () -> {
          var users = run.rarely("users", () -> run.attempt.kinsta().company().companyUsers());
          status.userCount = users.size();
          status.users = CompanyReport.users(users, Boolean.TRUE.equals(spec.showUserEmails));
          return users;
        });
    return Optional.empty();
  }

  private static Optional<Outcome> apiKeys(Run run) {
    Attempt<KinstaCompany, KinstaCompanyStatus> attempt = run.attempt;
    KinstaCompanyStatus status = run.status();
    run.keys =
        run.section("apiKeys", () -> run.rarely("apiKeys", attempt.kinsta().company()::apiKeys));
    status.apiKeys = run.keys == null ? null : CompanyReport.apiKeys(run.keys);
    status.keyName =
        run.rarely(
            "keyName/" + attempt.keyFingerprint(),
            () -> attempt.kinsta().company().validate().name());
    return Optional.empty();
  }

  private static Optional<Outcome> activity(Run run) {
    Attempt<KinstaCompany, KinstaCompanyStatus> attempt = run.attempt;
    KinstaCompanyStatus status = run.status();
    ActivityLog.Read activity =
        run.section(
            "activityLog",
            () ->
                run.once(
                    "activityLog/" + attempt.resource().getMetadata().getUid(),
                    attempt.settings().inventoryInterval(),
                    () -> ActivityLog.read(attempt.kinsta(), status.activityCursor)));
    if (activity != null) {
      tell(run, activity.fresh(), ownKeyId(run.keys, status.keyName));
      status.recentActivity = ActivityLog.recent(activity.newest());
      status.activityCursor = activity.cursor();
    }
    return Optional.empty();
  }

  private static Optional<Outcome> sites(Run run) {
    Attempt<KinstaCompany, KinstaCompanyStatus> attempt = run.attempt;
    run.status().sites =
        run.section(
            "sites",
            () ->
                CompanyReport.inventory(
                    attempt.sites().sites(attempt.kinsta(), attempt.companyId()),
                    Site::id,
                    Site::displayName,
                    run.managedIds(KinstaSite.class, CompanyReconciler::siteId)));
    return Optional.empty();
  }

  private static Optional<Outcome> hosting(Run run) {
    Attempt<KinstaCompany, KinstaCompanyStatus> attempt = run.attempt;
    KinstaCompanyStatus status = run.status();
    status.applications =
        run.section(
            "applications",
            () ->
                CompanyReport.inventory(
                    attempt.hostingLists().applications(attempt.hosting(), attempt.companyId()),
                    ApplicationSummary::id,
                    ApplicationSummary::displayName,
                    run.managedIds(KinstaApplication.class, CompanyReconciler::applicationId)));
    status.databases =
        run.section(
            "databases",
            () ->
                CompanyReport.inventory(
                    attempt.databases().databases(attempt.hosting(), attempt.companyId()),
                    DatabaseSummary::id,
                    DatabaseSummary::displayName,
                    run.managedIds(KinstaDatabase.class, CompanyReconciler::databaseId)));
    status.staticSites =
        run.section(
            "staticSites",
            () ->
                CompanyReport.inventory(
                    attempt.hostingLists().staticSites(attempt.hosting(), attempt.companyId()),
                    ApplicationSummary::id,
                    ApplicationSummary::displayName,
                    run.managedIds(KinstaStaticSite.class, CompanyReconciler::staticSiteId)));
    status.projects =
        run.section(
            "projects",
            () ->
                CompanyReport.inventory(
                    attempt.hostingLists().projects(attempt.hosting(), attempt.companyId()),
                    Project::id,
                    Project::displayName,
                    Set.of()));
    return Optional.empty();
  }

  /**
   * The company's zones and record sets, from the lists its KinstaDnsRecords share: one list of
   * zones and one of records per zone per interval, whatever the number of records.
   */
  private static Optional<Outcome> dnsZones(Run run) {
    Attempt<KinstaCompany, KinstaCompanyStatus> attempt = run.attempt;
    List<KinstaDnsRecord> managing = run.caches.all(KinstaDnsRecord.class).toList();
    run.status().dnsZones =
        run.section(
            "dnsZones",
            () ->
                attempt.dns().zones(attempt.kinsta(), attempt.companyId()).stream()
                    .sorted(Comparator.comparing(DnsZone::name))
                    .limit(KinstaCompanyStatus.DnsZoneStatus.MAX_ZONES)
                    .map(
                        zone ->
                            CompanyReport.zone(
                                zone,
                                attempt
                                    .dns()
                                    .records(attempt.kinsta(), attempt.companyId(), zone.id()),
                                key -> managing.stream().anyMatch(r -> manages(r, key))))
                    .toList());
    return Optional.empty();
  }

  /**
   * With {@code spec.export}, every object of the company no resource manages, as a manifest in the
   * ConfigMap it names. The lists are the ones the kinds share, so an export costs the zones'
   * record lists beyond what the company's look reads anyway.
   */
  private static Optional<Outcome> export(Run run) {
    Attempt<KinstaCompany, KinstaCompanyStatus> attempt = run.attempt;
    KinstaCompanySpec.Export wanted = attempt.resource().getSpec().export;
    KinstaCompanyStatus status = run.status();
    if (wanted == null) {
      status.export = null;
      return Optional.empty();
    }
    CompanyExport export =
        new CompanyExport(
            requireNonNull(
                attempt.resource().getSpec().credentialsSecretName(), "spec.credentialsRef"));
    String company = attempt.companyId();
    CompanyExport read =
        run.section(
            "export",
            () -> {
              export.sites(
                  attempt.sites().sites(attempt.kinsta(), company),
                  id -> run.caches.manage(KinstaSite.class, id));
              export.databases(
                  attempt.databases().databases(attempt.hosting(), company),
                  id -> run.caches.manage(KinstaDatabase.class, id));
              export.applications(
                  attempt.hostingLists().applications(attempt.hosting(), company),
                  id -> run.caches.manage(KinstaApplication.class, id));
              export.staticSites(
                  attempt.hostingLists().staticSites(attempt.hosting(), company),
                  id -> run.caches.manage(KinstaStaticSite.class, id));
              export.pipelines(
                  attempt.hostingLists().pipelines(attempt.hosting(), company),
                  id -> run.caches.manage(KinstaPipeline.class, id));
              List<KinstaDnsRecord> records = run.caches.all(KinstaDnsRecord.class).toList();
              for (DnsZone zone : attempt.dns().zones(attempt.kinsta(), company)) {
                export.dnsRecords(
                    zone,
                    attempt.dns().records(attempt.kinsta(), company, zone.id()),
                    key -> records.stream().anyMatch(record -> manages(record, key)));
              }
              return export;
            });
    KinstaCompanyStatus.ExportStatus written = new KinstaCompanyStatus.ExportStatus();
    written.configMapName = wanted.configMapName;
    if (read == null) {
      // A list the key may not read would leave its objects out, and a rewrite would drop the
      // manifests written before: the ConfigMap stays as it is.
      written.problem = "not written: a part of the company could not be read (status.unavailable)";
      status.export = written;
      return Optional.empty();
    }
    CompanyExport.Written fitting = read.fitting();
    try {
      attempt
          .ownedConfigMaps()
          .ensure(
              attempt.resource(),
              requireNonNull(wanted.configMapName, "spec.export.configMapName"),
              fitting.data());
      written.manifests = fitting.data().size();
      written.leftOut = fitting.leftOut() == 0 ? null : fitting.leftOut();
    } catch (OwnedConfigMaps.NotOurs taken) {
      written.problem = taken.getMessage();
    }
    status.export = written;
    return Optional.empty();
  }

  private static boolean manages(KinstaDnsRecord record, CompanyExport.DnsRecordKey key) {
    KinstaDnsRecordSpec spec = record.getSpec();
    if (spec == null || spec.type == null || spec.name == null || spec.domain == null) {
      return false;
    }
    DnsZone zone = key.zone();
    boolean sameZone =
        spec.domain.equalsIgnoreCase(zone.name())
            || spec.domain.equals(zone.id())
            || (record.getStatus() != null && zone.id().equals(record.getStatus().domainId));
    return sameZone
        && spec.type.name().equals(key.type())
        && spec.fqdnIn(zone.name().toLowerCase(Locale.ROOT)).equals(key.fqdn());
  }

  /** What was read, in status; a key about to expire warned of. */
  private static Outcome reported(Run run) {
    Attempt<KinstaCompany, KinstaCompanyStatus> attempt = run.attempt;
    KinstaCompanyStatus status = run.status();
    status.unavailable = run.unavailable.isEmpty() ? null : List.copyOf(run.unavailable);
    status.checkedAt = attempt.now().toString();
    if (run.keys != null) {
      warnOfExpiringKeys(attempt, run.keys);
    }
    // Looked at once per inventory interval, so that activity is told within it.
    return Outcome.ready(CompanyReport.summary(status), attempt.settings().inventoryInterval());
  }

  /**
   * Each new activity-log entry becomes one event: on the KinstaSite that manages its site, else on
   * the KinstaCompany. What the operator's own key did is left out: the resources' own events say
   * it.
   */
  private static void tell(Run run, List<ActivityEntry> entries, @Nullable String ownKeyId) {
    Attempt<KinstaCompany, KinstaCompanyStatus> attempt = run.attempt;
    for (ActivityEntry entry : entries) {
      boolean throughApi = entry.apiKeyInfo() != null;
      if (throughApi && Objects.equals(entry.apiKeyInfo().id(), ownKeyId)) {
        continue;
      }
      HasMetadata target =
          entry.siteId() == null
              ? attempt.resource()
              : run.caches
                  .all(KinstaSite.class)
                  .filter(site -> entry.siteId().equals(siteId(site)))
                  .min(SENIORITY)
                  .<HasMetadata>map(site -> site)
                  .orElse(attempt.resource());
      String message =
          ActivityLog.description(entry)
              + (throughApi ? " through " : " in MyKinsta by ")
              + ActivityLog.by(entry)
              + (entry.hasFailed()
                  ? " (failed"
                      + (entry.publicError() == null ? "" : ": " + entry.publicError())
                      + ")"
                  : "");
      attempt
          .events()
          .once(
              target,
              entry.hasFailed(),
              throughApi ? CompanyReasons.CHANGED_THROUGH_API : CompanyReasons.CHANGED_IN_MY_KINSTA,
              message,
              "activity-" + entry.id());
    }
  }

  /** The id of the key in the credentials Secret, when its name tells it among the company's. */
  private static @Nullable String ownKeyId(
      @Nullable List<CompanyApiKey> keys, @Nullable String keyName) {
    if (keys == null || keyName == null) {
      return null;
    }
    List<CompanyApiKey> named = keys.stream().filter(k -> keyName.equals(k.name())).toList();
    return named.size() == 1 ? named.get(0).id() : null;
  }

  private static @Nullable String siteId(KinstaSite site) {
    return site.getStatus() == null ? null : site.getStatus().siteId;
  }

  private static @Nullable String applicationId(KinstaApplication application) {
    return application.getStatus() == null ? null : application.getStatus().applicationId;
  }

  private static @Nullable String staticSiteId(KinstaStaticSite site) {
    return site.getStatus() == null ? null : site.getStatus().staticSiteId;
  }

  private static @Nullable String databaseId(KinstaDatabase database) {
    return database.getStatus() == null ? null : database.getStatus().databaseId;
  }

  private static void warnOfExpiringKeys(
      Attempt<KinstaCompany, KinstaCompanyStatus> attempt, List<CompanyApiKey> keys) {
    KinstaCompany company = attempt.resource();
    List<CompanyApiKey> expiring =
        CompanyReport.expiringSoon(
            keys, attempt.now(), company.getSpec().keyExpiryWarningOrDefault());
    boolean wasExpiring =
        StatusConditions.find(attempt.status().conditions, KEY_EXPIRING)
            .map(c -> "True".equals(c.getStatus()))
            .orElse(false);
    String message =
        expiring.isEmpty()
            ? "No active API key expires within " + company.getSpec().keyExpiryWarningText()
            : expiring.stream()
                .map(
                    key ->
                        "API key "
                            + key.name()
                            + " expires at "
                            + CompanyReport.expiry(key).orElseThrow())
                .collect(Collectors.joining("; "));
    StatusConditions.set(
        attempt.status(),
        KEY_EXPIRING,
        !expiring.isEmpty(),
        expiring.isEmpty() ? CompanyReasons.KEYS_VALID : CompanyReasons.KEY_EXPIRES_SOON,
        message,
        company.getMetadata().getGeneration() == null ? 0 : company.getMetadata().getGeneration(),
        attempt.now());
    if (!expiring.isEmpty() && !wasExpiring) {
      attempt.events().warning(company, CompanyReasons.KEY_EXPIRES_SOON, message);
    }
  }
}
