package dev.operators.kinsta.reconcile;

import static java.util.Objects.requireNonNull;

import dev.operators.kinsta.api.v1alpha1.ApiGroup;
import dev.operators.kinsta.api.v1alpha1.Approval;
import dev.operators.kinsta.api.v1alpha1.ApprovalSetting;
import dev.operators.kinsta.api.v1alpha1.DriftEntry;
import dev.operators.kinsta.api.v1alpha1.KinstaObjectSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaStatus;
import dev.operators.kinsta.api.v1alpha1.ManagementPolicy;
import dev.operators.kinsta.api.v1alpha1.OperationType;
import dev.operators.kinsta.api.v1alpha1.PendingApproval;
import dev.operators.kinsta.api.v1alpha1.TrackedOperation;
import dev.operators.kinsta.hosting.client.HostingApi;
import dev.operators.kinsta.hosting.inventory.DatabaseInventory;
import dev.operators.kinsta.hosting.inventory.HostingInventory;
import dev.operators.kinsta.transport.KinstaCredentials;
import dev.operators.kinsta.wordpress.client.KinstaApi;
import dev.operators.kinsta.wordpress.client.dto.OperationRef;
import dev.operators.kinsta.wordpress.inventory.DnsInventory;
import dev.operators.kinsta.wordpress.inventory.SiteInventory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.CustomResource;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One reconcile of one resource against Kinsta: the resource, the status being built, clients bound
 * to its credentials, and the helpers a controller needs to start and follow operations.
 */
public final class Attempt<R extends CustomResource<?, S>, S extends KinstaStatus> {
  private final R resource;
  private final S status;
  private final KinstaCredentials credentials;
  private final ControllerServices services;
  private final SecretLookup secrets;
  private final BiConsumer<Reason, String> writeStatus;
  private final Drift drift;
  private final Supplier<Optional<String>> changedBy;
  private @Nullable Outcome held;

  Attempt(
      R resource,
      S status,
      KinstaCredentials credentials,
      ControllerServices services,
      SecretLookup secrets,
      BiConsumer<Reason, String> writeStatus,
      Supplier<Optional<String>> changedBy) {
    this.resource = resource;
    this.status = status;
    this.credentials = credentials;
    this.services = services;
    this.secrets = secrets;
    this.writeStatus = writeStatus;
    this.changedBy = changedBy;
    this.drift = new Drift(managementPolicy(resource), readyForGeneration(resource, status));
  }

  static ManagementPolicy managementPolicy(CustomResource<?, ?> resource) {
    return resource.getSpec() instanceof KinstaObjectSpec spec
        ? spec.managementPolicyOrDefault()
        : ManagementPolicy.Manage;
  }

  private static boolean readyForGeneration(CustomResource<?, ?> resource, KinstaStatus status) {
    return StatusConditions.readyFor(status, StatusConditions.generation(resource)).isPresent();
  }

  Drift drift() {
    return drift;
  }

  /**
   * Whether the resource is only observed ({@code managementPolicy: Observe}): nothing may be
   * written to Kinsta, and every difference is reported as the plan instead.
   */
  public boolean observing() {
    return drift.observing();
  }

  /**
   * Reports that {@code field} (its path in the spec) differs: the spec says {@code wanted}, Kinsta
   * has {@code actual}. Returns whether to write the change: false when the resource is only
   * observed (the difference stays in {@code status.drift} as the plan). When the resource was
   * Ready for its generation before, someone changed the field in Kinsta, and putting it back is
   * announced with a {@code DriftCorrected} event and counted.
   */
  public boolean correct(String field, @Nullable Object wanted, @Nullable Object actual) {
    DriftEntry entry = new DriftEntry(field, Drift.text(wanted), Drift.text(actual));
    drift.found(entry);
    if (drift.observing()) {
      return false;
    }
    if (drift.fromOutside()) {
      services.driftCorrected(
          resource,
          "Putting back "
              + field
              + ": Kinsta has "
              + entry.kinsta
              + ", the spec says "
              + entry.spec
              + changedBy.get().map(by -> "; changed in Kinsta by " + by).orElse(""));
    }
    return true;
  }

  /**
   * The value to send for one field of a settings update: the spec's when it sets the field, Kinsta
   * has another value, and the change may be written ({@link #correct}); else null, left alone.
   */
  public <T> @Nullable T differing(String field, @Nullable T wanted, @Nullable T actual) {
    return wanted == null || wanted.equals(actual) || !correct(field, wanted, actual)
        ? null
        : wanted;
  }

  /**
   * Under Observe, the Kinsta object the spec describes does not exist: the plan is to create it,
   * and the resource waits (looked at again now and then) instead of creating anything.
   */
  public Outcome nothingToObserve(String what) {
    drift.found(new DriftEntry("(object)", what, "absent"));
    return Outcome.stalled(
        Reasons.NOTHING_TO_OBSERVE,
        "Observe: "
            + what
            + " does not exist in Kinsta and is not created under managementPolicy Observe; set"
            + " Manage to create it, or name an existing one");
  }

  /**
   * A change that destroys data ({@code change} says what it does): empty when it may go ahead,
   * otherwise the outcome that holds it until the approve annotation names this generation.
   */
  public Optional<Outcome> approval(String change) {
    Approval approval =
        resource.getSpec() instanceof ApprovalSetting spec && spec.approvalSetting() != null
            ? spec.approvalSetting()
            : services.settings().defaultApproval();
    long generation = StatusConditions.generation(resource);
    if (approval != Approval.Destructive) {
      return Optional.empty();
    }
    if (ResourceControls.approved(resource, generation)) {
      services
          .events()
          .normal(resource, Reasons.APPROVED, change + ": approved for generation " + generation);
      return Optional.empty();
    }
    status.pendingApproval = new PendingApproval(change, generation);
    return Optional.of(
        Outcome.progressing(
            Reasons.AWAITING_APPROVAL,
            change
                + " destroys data and waits for approval: annotate the resource with "
                + ApiGroup.APPROVE_ANNOTATION
                + "="
                + generation,
            services.settings().resyncInterval()));
  }

  /**
   * For a step that goes on past a change it may not make yet: whether the change that destroys
   * data may go ahead now. When it may not, the step leaves it out, and the reconcile that would
   * have ended Ready reports {@code AwaitingApproval} for it instead.
   */
  public boolean approved(String change) {
    Optional<Outcome> outcome = approval(change);
    if (outcome.isPresent() && held == null) {
      held = outcome.get();
    }
    return outcome.isEmpty();
  }

  /** The change a step left out for want of approval, if any. */
  Optional<Outcome> held() {
    return Optional.ofNullable(held);
  }

  /**
   * Ready as the last full look found it: a quick look (the company's list shows nothing changed)
   * keeps the drift that look reported.
   */
  public Outcome stillReady(String message) {
    drift.quickLook();
    return ready(message);
  }

  public R resource() {
    return resource;
  }

  public S status() {
    return status;
  }

  public String companyId() {
    return credentials.companyId();
  }

  /** A digest prefix that tells the resource's API key apart from others without revealing it. */
  public String keyFingerprint() {
    return credentials.apiKey().fingerprint();
  }

  public KinstaApi kinsta() {
    return services.clients().kinsta(credentials);
  }

  public HostingApi hosting() {
    return services.clients().hosting(credentials);
  }

  /** What the resource's company has in Kinsta, listed once per interval for all its resources. */
  public SiteInventory sites() {
    return services.sites();
  }

  /** The company's databases, listed once per interval for all its KinstaDatabases. */
  public DatabaseInventory databases() {
    return services.databases();
  }

  /** The company's Kinsta DNS zones and records, listed once per interval for all its records. */
  public DnsInventory dns() {
    return services.dns();
  }

  /** Every controller's cache of its own resources, to see what other resources claim. */
  public PrimaryCaches caches() {
    return services.caches();
  }

  /** The company's applications and static sites, listed once per interval for all of them. */
  public HostingInventory hostingLists() {
    return services.hosting();
  }

  public ReconcileSettings settings() {
    return services.settings();
  }

  public EventRecorder events() {
    return services.events();
  }

  /** Reports the resource as leaving its Kinsta object behind: a Warning event and a metric. */
  public void orphaned(String message) {
    services.orphaned(resource, message);
  }

  public OwnedSecrets ownedSecrets() {
    return services.ownedSecrets();
  }

  public OwnedConfigMaps ownedConfigMaps() {
    return services.ownedConfigMaps();
  }

  public Optional<Secret> secret(String name) {
    return secrets.find(resource.getMetadata().getNamespace(), name);
  }

  public Optional<ConfigMap> configMap(String name) {
    return services.configMaps().find(resource.getMetadata().getNamespace(), name);
  }

  /**
   * Records a started operation in the status and reports progress; the status patch persists it.
   */
  public Outcome started(
      OperationRef ref, OperationType type, @Nullable String target, @Nullable String value) {
    TrackedOperation operation =
        services.operations().started(type, ref.operationId(), target, value);
    status.operation = operation;
    return waitingFor(operation, services.operations().nextPoll(operation, pollOverride()));
  }

  /**
   * Writes the status as it is now to the API server before going on, as work in progress ({@code
   * Reconciling} with this reason and message): for what must be on record before a Kinsta call,
   * such as a creation intent. Throws when the write fails, so the call is not made.
   */
  public void writeStatusNow(Reason reason, String message) {
    writeStatus.accept(reason, message);
  }

  /** Polls the operation in {@code status.operation} once. */
  public OperationTracker.Poll pollOperation() {
    return services
        .operations()
        .poll(kinsta(), requireNonNull(status.operation, "status.operation"), pollOverride());
  }

  public Outcome waitingFor(TrackedOperation operation, Duration next) {
    String about = operation.target == null ? "" : " on " + operation.target;
    String value = operation.value == null ? "" : " to " + operation.value;
    String what =
        operation.id == null
            ? operation.type
            : "Kinsta operation " + operation.id + " (" + operation.type + about + value + ")";
    return Outcome.progressing(Reasons.OPERATION_IN_PROGRESS, "Waiting for " + what, next);
  }

  /**
   * The next poll of something that is not an operation (a site still provisioning, a database
   * starting).
   */
  public Duration shortly() {
    return services.operations().nextPoll(Duration.ZERO, pollOverride());
  }

  /**
   * Records work Kinsta does without an operation id (a database being deleted, a deployment) in
   * {@code status.operation}, so that polling survives a restart and its age sets the poll
   * interval.
   */
  public TrackedOperation tracked(OperationType type, @Nullable String target) {
    TrackedOperation operation = services.operations().started(type, null, target, null);
    status.operation = operation;
    return operation;
  }

  /** When to look again at something that started at {@code operation}'s start time. */
  public Duration pollAfter(TrackedOperation operation) {
    return services.operations().nextPoll(services.operations().age(operation), pollOverride());
  }

  /** When to look again at something Kinsta started at {@code since}. */
  public Duration pollAfter(java.time.@Nullable Instant since) {
    Duration age =
        since == null ? Duration.ZERO : Duration.between(since, services.clock().instant());
    return services.operations().nextPoll(age.isNegative() ? Duration.ZERO : age, pollOverride());
  }

  public java.time.Instant now() {
    return services.clock().instant();
  }

  public Outcome ready(String message) {
    return Outcome.ready(message, services.settings().resyncInterval());
  }

  private @Nullable Duration pollOverride() {
    return ResourceControls.pollInterval(resource).orElse(null);
  }
}
