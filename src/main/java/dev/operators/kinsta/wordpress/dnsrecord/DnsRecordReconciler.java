package dev.operators.kinsta.wordpress.dnsrecord;

import dev.operators.kinsta.api.v1alpha1.DeletionPolicy;
import dev.operators.kinsta.api.v1alpha1.FieldProblem;
import dev.operators.kinsta.api.v1alpha1.KinstaDnsRecord;
import dev.operators.kinsta.api.v1alpha1.KinstaDnsRecordSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaDnsRecordSpec.RecordType;
import dev.operators.kinsta.api.v1alpha1.KinstaDnsRecordStatus;
import dev.operators.kinsta.api.v1alpha1.TrackedOperation;
import dev.operators.kinsta.reconcile.Attempt;
import dev.operators.kinsta.reconcile.ControllerServices;
import dev.operators.kinsta.reconcile.CreationClaims;
import dev.operators.kinsta.reconcile.Deletion;
import dev.operators.kinsta.reconcile.KinstaObjectReconciler;
import dev.operators.kinsta.reconcile.LostCreation;
import dev.operators.kinsta.reconcile.OperationFollower;
import dev.operators.kinsta.reconcile.OperationTracker.Poll;
import dev.operators.kinsta.reconcile.Outcome;
import dev.operators.kinsta.reconcile.Reason;
import dev.operators.kinsta.reconcile.Reasons;
import dev.operators.kinsta.reconcile.Steps;
import dev.operators.kinsta.transport.KinstaApiException;
import dev.operators.kinsta.wordpress.client.KinstaApi;
import dev.operators.kinsta.wordpress.client.dto.DnsRecord;
import dev.operators.kinsta.wordpress.client.dto.DnsZone;
import dev.operators.kinsta.wordpress.client.dto.OperationRef;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * Reconciles a {@link KinstaDnsRecord}: finds its zone, takes the record over (only when the spec
 * says adopt) or creates it, and keeps its TTL and values as the spec says, putting back a record
 * changed or removed in MyKinsta at the next resync. Kinsta keys a record set by type and name, so
 * a creation whose answer was lost is recognised by the intent written before the call.
 */
public final class DnsRecordReconciler
    extends KinstaObjectReconciler<KinstaDnsRecord, KinstaDnsRecordStatus> {
  /** The types of the apex and {@code www} records Kinsta keeps for a site's domain. */
  private static final Set<RecordType> SITE_RECORD_TYPES =
      Set.of(RecordType.A, RecordType.AAAA, RecordType.CNAME);

  /** What a KinstaDnsRecord's reconcile does, in order; the first step with an outcome ends it. */
  static final Steps<Run> STEPS =
      Steps.<Run>first("follow the operation in flight", DnsRecordReconciler::followOperation)
          .then("find the zone", DnsRecordReconciler::findZone)
          .then("observe the record", DnsRecordReconciler::observe)
          .then("adopt or create the record", DnsRecordReconciler::establish)
          .then("apply TTL and values", DnsRecordReconciler::apply);

  public DnsRecordReconciler(ControllerServices services) {
    super(services, KinstaDnsRecord.class, KinstaDnsRecordStatus.class);
  }

  /**
   * One reconcile of a record: the attempt, the record as the zone's list shows it, and the check
   * that no older KinstaDnsRecord manages the same record set.
   */
  static final class Run {
    final Attempt<KinstaDnsRecord, KinstaDnsRecordStatus> attempt;
    final BiFunction<KinstaDnsRecord, String, Optional<Outcome>> olderManager;
    @Nullable DnsRecord record;

    Run(
        Attempt<KinstaDnsRecord, KinstaDnsRecordStatus> attempt,
        BiFunction<KinstaDnsRecord, String, Optional<Outcome>> olderManager) {
      this.attempt = attempt;
      this.olderManager = olderManager;
    }

    KinstaDnsRecordSpec spec() {
      return attempt.resource().getSpec();
    }

    RecordType type() {
      return Objects.requireNonNull(spec().type, "spec.type");
    }

    KinstaDnsRecordStatus status() {
      return attempt.status();
    }

    String zoneId() {
      return Objects.requireNonNull(status().domainId, "found before use");
    }

    String fqdn() {
      return Objects.requireNonNull(status().fqdn, "found before use");
    }

    /** How messages name the record, e.g. {@code the TXT record _dmarc.shop.example.com}. */
    String named() {
      return "the " + spec().type + " record " + fqdn();
    }
  }

  @Override
  protected List<FieldProblem> validate(KinstaDnsRecord record) {
    // The CRD's schema and rules say everything a record's spec must be.
    return List.of();
  }

  @Override
  protected List<? extends Reason> reasons() {
    return List.of(DnsReasons.values());
  }

  @Override
  protected Outcome reconcileRemote(Attempt<KinstaDnsRecord, KinstaDnsRecordStatus> attempt) {
    return STEPS.run(new Run(attempt, this::refusalOnceKnown), DnsRecordReconciler::ready);
  }

  /** Polls the operation in flight; empty when there is none or it is over. */
  private static Optional<Outcome> followOperation(Run run) {
    return OperationFollower.follow(run.attempt, (operation, poll) -> ended(run, operation, poll));
  }

  private static Optional<Outcome> ended(Run run, TrackedOperation operation, Poll poll) {
    Attempt<KinstaDnsRecord, KinstaDnsRecordStatus> attempt = run.attempt;
    KinstaDnsRecordStatus status = run.status();
    if (status.domainId != null) {
      attempt.dns().changed(attempt.companyId(), status.domainId);
    }
    boolean creation = operation.is(DnsOperation.CREATE_DNS_RECORD);
    if (poll instanceof Poll.Failed failed) {
      // Kinsta's verdict, checked against the zone: a record with the spec's content after a
      // "failed" creation is the one this resource asked for.
      if (!creation || madeAsAsked(run).isEmpty()) {
        status.creation = null;
        Reason reason = creation ? DnsReasons.RECORD_CREATE_FAILED : Reasons.OPERATION_FAILED;
        return Optional.of(
            Outcome.stalled(
                reason,
                operation.type
                    + " on "
                    + operation.target
                    + " failed in Kinsta: "
                    + failed.message()));
      }
    }
    if (creation && status.adopted == null) {
      confirmCreated(run);
    }
    // Lost operations fall through: the next steps look at the zone itself.
    return Optional.empty();
  }

  /** The zone, by domain name or id, and the record's full name in it. */
  private static Optional<Outcome> findZone(Run run) {
    Attempt<KinstaDnsRecord, KinstaDnsRecordStatus> attempt = run.attempt;
    KinstaDnsRecordSpec spec = run.spec();
    String wanted =
        Objects.requireNonNull(spec.domain != null ? spec.domain : spec.domainId, "spec.domain");
    Optional<DnsZone> zone = attempt.dns().zone(attempt.kinsta(), attempt.companyId(), wanted);
    if (zone.isEmpty()) {
      return Optional.of(
          Outcome.stalled(
              DnsReasons.ZONE_NOT_FOUND,
              "The company has no Kinsta DNS zone "
                  + (spec.domain != null ? "for " + spec.domain : "with id " + spec.domainId)
                  + "; add the domain to Kinsta DNS in MyKinsta first"));
    }
    KinstaDnsRecordStatus status = run.status();
    String domain = zone.get().name().toLowerCase(Locale.ROOT);
    status.domainId = zone.get().id();
    status.domain = domain;
    status.siteId = zone.get().siteId();
    status.fqdn = spec.fqdnIn(domain);
    status.siteRecord = isSiteRecord(spec, zone.get()) ? Boolean.TRUE : null;
    return run.olderManager.apply(attempt.resource(), key(spec, domain));
  }

  private static boolean isSiteRecord(KinstaDnsRecordSpec spec, DnsZone zone) {
    return zone.siteId() != null
        && SITE_RECORD_TYPES.contains(spec.type)
        && ("@".equals(spec.name) || "www".equalsIgnoreCase(spec.name));
  }

  /** The record as the zone's list (at most one interval old) shows it, once it is managed. */
  private static Optional<Outcome> observe(Run run) {
    if (run.status().adopted != null) {
      Attempt<KinstaDnsRecord, KinstaDnsRecordStatus> attempt = run.attempt;
      run.record =
          find(attempt.dns().records(attempt.kinsta(), attempt.companyId(), run.zoneId()), run)
              .orElse(null);
    }
    return Optional.empty();
  }

  /**
   * Before the resource manages a record: one this resource asked for (found by the intent), one
   * the spec says to adopt, or a new one. A record nobody here made is left alone unless adopted.
   */
  private static Optional<Outcome> establish(Run run) {
    KinstaDnsRecordStatus status = run.status();
    if (status.adopted != null) {
      return Optional.empty();
    }
    Attempt<KinstaDnsRecord, KinstaDnsRecordStatus> attempt = run.attempt;
    Optional<Outcome> unconfirmed = confirmIntent(run);
    if (unconfirmed.isPresent() || status.adopted != null) {
      return unconfirmed;
    }
    Optional<DnsRecord> existing = Optional.ofNullable(run.record);
    if (existing.isEmpty()) {
      return Optional.of(create(run));
    }
    if (run.spec().adopts()) {
      status.adopted = true;
      status.creation = null;
      attempt
          .events()
          .normal(attempt.resource(), Reasons.ADOPTED, "Adopted " + run.named() + " in Kinsta DNS");
      return Optional.empty();
    }
    String whose =
        Boolean.TRUE.equals(status.siteRecord)
            ? "Kinsta keeps it for site " + status.siteId
            : "no resource created it";
    return Optional.of(
        Outcome.stalled(
            DnsReasons.RECORD_EXISTS,
            "Kinsta DNS already has "
                + run.named()
                + " ("
                + existing.get().values().size()
                + " value(s)); "
                + whose
                + ". Set spec.adopt to true to manage it, or choose another name"));
  }

  /**
   * A creation asked for earlier whose outcome was not seen: the record, looked up now, is this
   * resource's when it has the spec's content; meanwhile the outcome to report. Also reads the
   * record into the run.
   */
  private static Optional<Outcome> confirmIntent(Run run) {
    Attempt<KinstaDnsRecord, KinstaDnsRecordStatus> attempt = run.attempt;
    KinstaDnsRecordStatus status = run.status();
    run.record =
        find(attempt.dns().freshRecords(attempt.kinsta(), attempt.companyId(), run.zoneId()), run)
            .orElse(null);
    if (status.creation == null) {
      return Optional.empty();
    }
    List<String> made =
        Optional.ofNullable(run.record).filter(record -> sameContent(record, run.spec())).stream()
            .map(record -> run.spec().type + " " + run.fqdn())
            .toList();
    LostCreation.Resolution resolution =
        LostCreation.resolve(attempt, status.creation, "DNS record", made, CreationClaims.none());
    if (resolution instanceof LostCreation.Resolution.Unresolved unresolved) {
      return Optional.of(unresolved.outcome());
    }
    status.creation = null;
    if (resolution instanceof LostCreation.Resolution.Created && status.adopted == null) {
      status.adopted = false;
    }
    return Optional.empty();
  }

  /** TTL and values as the spec says; a managed record removed in MyKinsta is created again. */
  private static Optional<Outcome> apply(Run run) {
    Attempt<KinstaDnsRecord, KinstaDnsRecordStatus> attempt = run.attempt;
    if (run.record == null) {
      Optional<Outcome> unconfirmed = confirmIntent(run);
      if (unconfirmed.isPresent()) {
        return unconfirmed;
      }
    }
    DnsRecord record = run.record;
    if (record == null) {
      if (attempt.observing()) {
        return Optional.of(attempt.nothingToObserve(run.named()));
      }
      attempt
          .events()
          .warning(
              attempt.resource(),
              DnsReasons.RECORD_RESTORED,
              "The zone no longer has "
                  + run.named()
                  + " (removed outside the operator); creating it again");
      return Optional.of(create(run));
    }
    KinstaDnsRecordSpec spec = run.spec();
    Set<String> wanted = wantedValues(spec);
    Set<String> present = new LinkedHashSet<>(record.values());
    int ttl = spec.ttlOrDefault();
    boolean ttlDiffers = !Objects.equals(record.ttl(), ttl);
    boolean valuesDiffer = !wanted.equals(present);
    boolean write = true;
    if (ttlDiffers) {
      write = attempt.correct("spec.ttl", ttl, record.ttl());
    }
    if (valuesDiffer) {
      write = attempt.correct("spec.values", wanted, present) && write;
    }
    if (!write || (!ttlDiffers && !valuesDiffer)) {
      return Optional.empty();
    }
    List<String> added = wanted.stream().filter(v -> !present.contains(v)).toList();
    List<String> removed = present.stream().filter(v -> !wanted.contains(v)).toList();
    OperationRef ref =
        attempt
            .kinsta()
            .dns()
            .updateDnsRecord(run.zoneId(), run.type().name(), run.fqdn(), ttl, added, removed);
    attempt.dns().changed(attempt.companyId(), run.zoneId());
    attempt
        .events()
        .normal(
            attempt.resource(),
            DnsReasons.RECORD_UPDATED,
            "Updating "
                + run.named()
                + ": TTL "
                + record.ttl()
                + " -> "
                + ttl
                + ", "
                + added.size()
                + " value(s) added, "
                + removed.size()
                + " removed");
    return Optional.of(
        attempt.started(ref, DnsOperation.UPDATE_DNS_RECORD, run.fqdn(), String.valueOf(ttl)));
  }

  private static Outcome ready(Run run) {
    DnsRecord record = Objects.requireNonNull(run.record, "observed before use");
    KinstaDnsRecordStatus status = run.status();
    status.ttl = record.ttl();
    status.values = record.values();
    String message =
        "Kinsta DNS has "
            + run.named()
            + " with "
            + record.values().size()
            + " value(s), TTL "
            + record.ttl();
    if (Boolean.TRUE.equals(status.siteRecord)) {
      message +=
          "; Kinsta keeps it for site "
              + status.siteId
              + ", so it is deleted only with"
              + " deletionPolicy Delete";
    }
    return run.attempt.ready(message);
  }

  /**
   * A first creation: the intent goes on record before the call, so a lost answer is recognised.
   */
  private static Outcome create(Run run) {
    if (run.attempt.observing()) {
      return run.attempt.nothingToObserve(run.named());
    }
    run.status().creation = LostCreation.intent(run.attempt, run.spec().type + " " + run.fqdn());
    run.attempt.writeStatusNow(Reasons.CREATING, "Creating " + run.named() + " in Kinsta DNS");
    try {
      return send(run);
    } catch (KinstaApiException.InvalidRequest
        | KinstaApiException.RateLimited
        | KinstaApiException.Unauthorized
        | KinstaApiException.Forbidden refused) {
      // Kinsta refused the call outright: nothing was created.
      run.status().creation = null;
      throw refused;
    }
  }

  private static Outcome send(Run run) {
    Attempt<KinstaDnsRecord, KinstaDnsRecordStatus> attempt = run.attempt;
    KinstaDnsRecordSpec spec = run.spec();
    OperationRef ref =
        attempt
            .kinsta()
            .dns()
            .createDnsRecord(
                run.zoneId(),
                DnsRecord.of(
                    run.type().name(),
                    run.fqdn(),
                    spec.ttlOrDefault(),
                    List.copyOf(wantedValues(spec))));
    attempt.dns().changed(attempt.companyId(), run.zoneId());
    return attempt.started(ref, DnsOperation.CREATE_DNS_RECORD, run.fqdn(), null);
  }

  private static void confirmCreated(Run run) {
    run.status().adopted = false;
    run.status().creation = null;
    run.attempt
        .events()
        .normal(
            run.attempt.resource(), Reasons.CREATED, "Created " + run.named() + " in Kinsta DNS");
  }

  /** The record as a list taken now shows it, when it has the spec's values and TTL. */
  private static Optional<DnsRecord> madeAsAsked(Run run) {
    Attempt<KinstaDnsRecord, KinstaDnsRecordStatus> attempt = run.attempt;
    if (run.status().domainId == null) {
      return Optional.empty();
    }
    return find(
            attempt.dns().freshRecords(attempt.kinsta(), attempt.companyId(), run.zoneId()), run)
        .filter(record -> sameContent(record, run.spec()));
  }

  private static boolean sameContent(DnsRecord record, KinstaDnsRecordSpec spec) {
    return new LinkedHashSet<>(record.values()).equals(wantedValues(spec))
        && Objects.equals(record.ttl(), spec.ttlOrDefault());
  }

  private static Set<String> wantedValues(KinstaDnsRecordSpec spec) {
    Set<String> values = new LinkedHashSet<>();
    Objects.requireNonNull(spec.values, "spec.values").forEach(value -> values.add(value.trim()));
    return values;
  }

  private static Optional<DnsRecord> find(List<DnsRecord> records, Run run) {
    return find(records, run.type(), run.fqdn());
  }

  private static Optional<DnsRecord> find(List<DnsRecord> records, RecordType type, String fqdn) {
    return records.stream()
        .filter(record -> type.name().equalsIgnoreCase(record.type()))
        .filter(record -> record.name() != null && sameName(record.name(), fqdn))
        .findFirst();
  }

  private static boolean sameName(String listed, String fqdn) {
    String name = listed.endsWith(".") ? listed.substring(0, listed.length() - 1) : listed;
    return name.equalsIgnoreCase(fqdn);
  }

  /** Which record a resource names: its type and full name, e.g. {@code A www.shop.example.com}. */
  private static String key(KinstaDnsRecordSpec spec, String domain) {
    return spec.type + " " + spec.fqdnIn(domain.toLowerCase(Locale.ROOT));
  }

  @Override
  protected Optional<String> kinstaId(KinstaDnsRecord record) {
    KinstaDnsRecordSpec spec = record.getSpec();
    if (spec == null || spec.type == null || spec.name == null) {
      return Optional.empty();
    }
    String domain =
        spec.domain != null
            ? spec.domain
            : record.getStatus() == null ? null : record.getStatus().domain;
    return domain == null ? Optional.empty() : Optional.of(key(spec, domain));
  }

  @Override
  protected boolean hasRemoteObject(KinstaDnsRecordStatus status) {
    return status.adopted != null || status.creation != null || status.operation != null;
  }

  /**
   * Deletes the record this resource manages, once the operation in flight is over; a record only
   * asked for is deleted when the zone has it with the spec's content, else it was never made.
   */
  @Override
  protected Deletion deleteRemote(Attempt<KinstaDnsRecord, KinstaDnsRecordStatus> attempt) {
    Run run = new Run(attempt, this::refusalOnceKnown);
    KinstaDnsRecordStatus status = attempt.status();
    Optional<Deletion> waited =
        OperationFollower.beforeDeleting(
            attempt,
            (operation, poll) -> {
              if (operation.is(DnsOperation.DELETE_DNS_RECORD)
                  && poll instanceof Poll.Failed failed) {
                attempt
                    .events()
                    .warning(
                        attempt.resource(),
                        DnsReasons.RECORD_DELETE_FAILED,
                        "Kinsta could not delete " + run.named() + ": " + failed.message());
                return Optional.of(
                    Deletion.waiting(
                        attempt.settings().maxPollInterval(),
                        "Kinsta could not delete " + run.named() + "; trying again"));
              }
              return Optional.empty();
            });
    if (waited.isPresent()) {
      return waited.get();
    }
    if (status.domainId == null || status.fqdn == null) {
      return Deletion.finished();
    }
    KinstaApi api = attempt.kinsta();
    Optional<DnsRecord> record =
        find(attempt.dns().freshRecords(api, attempt.companyId(), status.domainId), run);
    if (status.adopted == null) {
      // Only asked for: a record with the spec's content is the one the create call made.
      List<String> made =
          record.filter(r -> sameContent(r, run.spec())).stream().map(r -> status.fqdn).toList();
      LostCreation.DeletionLookup lookup =
          status.creation == null
              ? new LostCreation.DeletionLookup(null, null)
              : LostCreation.whileDeleting(
                  attempt, status.creation, "DNS record", made, CreationClaims.none());
      if (lookup.waiting() != null) {
        return lookup.waiting();
      }
      if (lookup.id() == null) {
        return Deletion.finished();
      }
    }
    if (record.isEmpty()) {
      return Deletion.finished();
    }
    OperationRef ref = api.dns().deleteDnsRecord(status.domainId, run.type().name(), status.fqdn);
    attempt.dns().changed(attempt.companyId(), status.domainId);
    attempt
        .events()
        .normal(
            attempt.resource(),
            DnsReasons.DELETING_RECORD,
            "Deleting " + run.named() + " in Kinsta DNS");
    attempt.started(ref, DnsOperation.DELETE_DNS_RECORD, status.fqdn, null);
    return Deletion.waiting(attempt.shortly(), "Waiting for Kinsta to delete " + run.named());
  }

  /**
   * The spec's policy, else Retain for adopted records and the operator's default for created ones;
   * the apex and {@code www} records of a site's domain are deleted only when the spec says so.
   */
  @Override
  protected DeletionPolicy deletionPolicy(KinstaDnsRecord record) {
    KinstaDnsRecordStatus status = record.getStatus();
    DeletionPolicy declared = record.getSpec().deletionPolicy;
    if (status != null && Boolean.TRUE.equals(status.siteRecord) && declared == null) {
      return DeletionPolicy.Retain;
    }
    return deletionPolicy(declared, status != null && Boolean.TRUE.equals(status.adopted));
  }

  @Override
  protected String remoteKind() {
    return "DNS record";
  }

  @Override
  protected String describeRemote(KinstaDnsRecordStatus status) {
    return "DNS record";
  }
}
