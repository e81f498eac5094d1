package dev.operators.kinsta.reconcile;

import dev.operators.kinsta.api.v1alpha1.FieldProblem;
import dev.operators.kinsta.api.v1alpha1.KinstaSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaStatus;
import dev.operators.kinsta.api.v1alpha1.SchemaCheck;
import dev.operators.kinsta.api.v1alpha1.Unreadable;
import dev.operators.kinsta.transport.KinstaApiException;
import dev.operators.kinsta.transport.WritesOnThisThread;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every Kinsta controller does around its own work: validate the spec, honour the pause
 * annotation, read the credentials Secret, skip a stalled resource whose inputs did not change,
 * turn Kinsta errors into conditions or back-off, write kstatus conditions, and patch the status
 * only when it changed. A controller supplies the Kinsta-specific steps. Kinds whose resource
 * stands for a Kinsta object extend {@link KinstaObjectReconciler}, which adds deletion; the others
 * need no finalizer and are told of deletions only to forget them.
 */
public abstract class KinstaReconciler<
        R extends CustomResource<? extends KinstaSpec, S>, S extends KinstaStatus>
    implements Reconciler<R> {
  private static final String SECRET_INDEX = "kinsta.operators.dev/referenced-secrets";

  /** Rate-limit refusals in a row, by resource (namespace/name); gone at the next success. */
  private final Map<String, Integer> refusals = new ConcurrentHashMap<>();

  private volatile @Nullable Set<String> mayClear;

  private static final String CONFIG_MAP_INDEX = "kinsta.operators.dev/referenced-config-maps";
  private static final KubernetesSerialization JSON = new KubernetesSerialization();
  // Enough for every resource of a large installation; past it the verdicts are computed again.
  private static final int MAX_SCHEMA_VERDICTS = 20_000;
  private static final Set<String> MISSING_SECRET =
      Set.of(Reasons.CREDENTIALS_NOT_FOUND.code(), Reasons.SECRET_NOT_FOUND.code());
  private static final Duration SECRET_RECHECK = Duration.ofSeconds(30);

  /**
   * Older first (by creation time, then namespace and name): when resources compete for one thing,
   * the first one keeps it.
   */
  protected static final Comparator<HasMetadata> SENIORITY =
      Comparator.comparing((HasMetadata r) -> r.getMetadata().getCreationTimestamp())
          .thenComparing(r -> r.getMetadata().getNamespace())
          .thenComparing(r -> r.getMetadata().getName());

  protected final ControllerServices services;
  private final Class<S> statusClass;
  final Logger log;
  private final Class<R> resourceClass;
  private final Map<String, List<FieldProblem>> schemaVerdicts = new ConcurrentHashMap<>();

  protected KinstaReconciler(
      ControllerServices services, Class<R> resourceClass, Class<S> statusClass) {
    this.services = services;
    this.statusClass = statusClass;
    this.log = LoggerFactory.getLogger(getClass());
    this.resourceClass = resourceClass;
  }

  /** Name of the credentials Secret, or null when the spec lacks it. */
  protected final @Nullable String credentialsSecret(R resource) {
    return resource.getSpec() == null ? null : resource.getSpec().credentialsSecretName();
  }

  /**
   * Every Secret the resource reads (credentials first); a change to any of them triggers a
   * reconcile. The credentials Secret alone unless a kind reads more.
   */
  protected Set<String> referencedSecrets(R resource) {
    Set<String> names = new LinkedHashSet<>();
    String credentials = credentialsSecret(resource);
    if (credentials != null) {
      names.add(credentials);
    }
    names.addAll(passwordSecrets(resource).values());
    return names;
  }

  /** Every ConfigMap the resource reads; a change to any of them triggers a reconcile. */
  protected Set<String> referencedConfigMaps(R resource) {
    return Set.of();
  }

  /**
   * The Secrets the resource reads a password from, by the field that names them. A Secret holding
   * an API key is credentials and nothing else: naming one here stalls the resource before any
   * call, so an API key is never sent to Kinsta as a password or copied into a connection Secret.
   */
  protected Map<String, String> passwordSecrets(R resource) {
    return Map.of();
  }

  /**
   * What the schema cannot check, besides the credentials reference every kind has (checked here);
   * each problem names its field. No Kinsta call is made when there are any.
   */
  protected abstract List<FieldProblem> validate(R resource);

  /** Brings Kinsta one step closer to the spec; at most one write per call. */
  protected abstract Outcome reconcileRemote(Attempt<R, S> attempt);

  /** Called after each successful step against Kinsta, with the status it produced. */
  void afterRemoteStep(R resource, S status) {}

  /** A reason not to call Kinsta at all for this resource now, checked before its credentials. */
  protected Optional<Outcome> refusal(R resource, Context<R> context) {
    return Optional.empty();
  }

  /** The resources of this kind in the resource's namespace that read the named Secret. */
  protected final List<R> readingSecret(R resource, String secretName, Context<R> context) {
    return context
        .getPrimaryCache()
        .byIndex(SECRET_INDEX, key(resource.getMetadata().getNamespace(), secretName));
  }

  @Override
  public List<EventSource<?, R>> prepareEventSources(EventSourceContext<R> context) {
    services.caches().publish(resourceClass, context.getPrimaryCache());
    context
        .getPrimaryCache()
        .addIndexer(
            SECRET_INDEX,
            resource ->
                referencedSecrets(resource).stream()
                    .map(name -> key(resource.getMetadata().getNamespace(), name))
                    .toList());
    // The Secrets come from the one cache every controller shares; a change to one reconciles the
    // resources of this kind that name it.
    WakeUps<R> secretChanges = new WakeUps<>("kinsta-secrets");
    services
        .secrets()
        .onChange(
            secret ->
                secretChanges.wake(
                    context
                        .getPrimaryCache()
                        .byIndex(
                            SECRET_INDEX,
                            key(
                                secret.getMetadata().getNamespace(),
                                secret.getMetadata().getName()))
                        .stream()
                        .map(ResourceID::fromResource)
                        .collect(Collectors.toSet())));
    context
        .getPrimaryCache()
        .addIndexer(
            CONFIG_MAP_INDEX,
            resource ->
                referencedConfigMaps(resource).stream()
                    .map(name -> key(resource.getMetadata().getNamespace(), name))
                    .toList());
    WakeUps<R> configMapChanges = new WakeUps<>("kinsta-config-maps");
    services
        .configMaps()
        .onChange(
            configMap ->
                configMapChanges.wake(
                    context
                        .getPrimaryCache()
                        .byIndex(
                            CONFIG_MAP_INDEX,
                            key(
                                configMap.getMetadata().getNamespace(),
                                configMap.getMetadata().getName()))
                        .stream()
                        .map(ResourceID::fromResource)
                        .collect(Collectors.toSet())));
    List<EventSource<?, R>> sources = new ArrayList<>();
    sources.add(secretChanges);
    sources.add(configMapChanges);
    sources.addAll(additionalEventSources(context));
    return sources;
  }

  /**
   * Further resources whose changes should reconcile this kind (e.g. the other ends of a
   * connection).
   */
  protected List<EventSource<?, R>> additionalEventSources(EventSourceContext<R> context) {
    return List.of();
  }

  @Override
  public UpdateControl<R> reconcile(R resource, Context<R> context) {
    if (context.isPrimaryResourceDeleted() || resource.isMarkedForDeletion()) {
      // Kinds without a Kinsta object see their deletions
      // here, and have nothing to clean up in Kinsta.
      services.observer().forgotten(resource);
      return UpdateControl.noUpdate();
    }
    Unreadable unreadableStatus =
        resource.getStatus() == null ? null : resource.getStatus().unreadable();
    if (unreadableStatus != null) {
      reportUnreadableStatus(resource, unreadableStatus, context);
      return UpdateControl.noUpdate();
    }
    S before = copy(resource.getStatus());
    S status = workingCopy(before);
    StatusWrites writes = new StatusWrites(context, resource, before);
    Outcome outcome = evaluate(resource, before, status, writes, context);
    if (outcome.kind() == Outcome.Kind.UNCHANGED) {
      services.observer().observed(resource, before);
      UpdateControl<R> unchanged = UpdateControl.noUpdate();
      if (waitsForASecret(before)) {
        return unchanged.rescheduleAfter(secretRecheck());
      }
      // A reconcile without a reschedule replaces the one pending: a stall that may clear keeps
      // its next look, whatever event came in between.
      Optional<Duration> nextLook = nextLookOfAStallThatMayClear(before);
      return nextLook.isPresent() ? unchanged.rescheduleAfter(nextLook.get()) : unchanged;
    }
    if (outcome.kind() == Outcome.Kind.STALLED) {
      outcome =
          MISSING_SECRET.contains(outcome.reason().code())
              ? outcome.withRequeue(secretRecheck())
              : lookAgainLater(status, outcome);
    }
    finish(resource, before, status, outcome);
    services.observer().observed(resource, status);
    writes.write(status);
    UpdateControl<R> control = UpdateControl.noUpdate();
    return outcome.requeueAfter() == null
        ? control
        : control.rescheduleAfter(outcome.requeueAfter());
  }

  /**
   * Runs the steps up to the Kinsta call. A transient Kinsta failure (5xx, timeout, dropped
   * connection) is thrown: the controller's retry ({@link JitteredRetry}) backs off and {@link
   * #updateErrorStatus} reports it.
   */
  private Outcome evaluate(
      R resource, @Nullable S before, S status, StatusWrites writes, Context<R> context) {
    List<FieldProblem> problems = specProblems(resource);
    String credentialsName = credentialsSecret(resource);
    if (problems.isEmpty() && (credentialsName == null || credentialsName.isBlank())) {
      problems.add(new FieldProblem("spec.credentialsRef.name", "is required"));
    }
    if (!problems.isEmpty() || credentialsName == null) {
      return Outcome.stalled(
          Reasons.INVALID_SPEC,
          "Invalid spec: "
              + problems.stream().map(FieldProblem::toString).collect(Collectors.joining("; ")));
    }
    Optional<Outcome> misused = misusedSecret(resource, credentialsName);
    if (misused.isPresent()) {
      return misused.get();
    }
    if (ResourceControls.paused(resource)) {
      return Outcome.paused();
    }
    Optional<Outcome> refused = refusal(resource, context);
    if (refused.isPresent()) {
      return refused.get();
    }
    String secretsVersion = secretsVersion(resource);
    if (stalledWithSameInputs(resource, before, secretsVersion)) {
      return Outcome.unchanged();
    }
    status.secretsVersion = secretsVersion;
    CredentialsResolver.Resolved credentials;
    try {
      credentials =
          services.credentials().resolve(this::findSecret, namespace(resource), credentialsName);
    } catch (CredentialsProblem problem) {
      return Outcome.stalled(problem.reason(), problem.getMessage());
    }
    String key = key(namespace(resource), resource.getMetadata().getName());
    long writesBefore = WritesOnThisThread.count();
    try {
      Outcome outcome = reconcileRemote(attempt(resource, status, credentials, writes));
      refusals.remove(key);
      afterRemoteStep(resource, status);
      return outcome;
    } catch (KinstaApiException.RateLimited limited) {
      // A reconcile refused half way reads again what it read before the refusal; waiting longer
      // after each refusal in a row that changed nothing leaves the budget room for all of it, so
      // it cannot starve itself on its own re-reads. One that got a write through made progress:
      // it comes back at the next permit.
      boolean progressed = WritesOnThisThread.count() > writesBefore;
      if (progressed) {
        refusals.remove(key);
      }
      int inARow =
          limited.waitingForCreation() || progressed ? 1 : refusals.merge(key, 1, Integer::sum);
      Duration wait = limited.retryAfter().multipliedBy(1L << Math.min(inARow - 1, 5));
      return Outcome.waiting(
          Reasons.RATE_LIMITED,
          "Waiting for Kinsta's rate limit: " + limited.getMessage(),
          withJitter(wait));
    } catch (KinstaApiException failure) {
      if (failure.isRetriable()) {
        throw failure;
      }
      return terminal(failure);
    }
  }

  /**
   * What is wrong with the spec, each problem naming its field: first what the model could not
   * read, then what the CRD's schema and rules reject, then what only code can check. Checked on
   * every reconcile, whatever the API server enforced.
   */
  private List<FieldProblem> specProblems(R resource) {
    List<FieldProblem> problems = new ArrayList<>();
    KinstaSpec spec = resource.getSpec();
    if (spec == null) {
      problems.add(new FieldProblem("spec", "is required"));
      return problems;
    }
    Unreadable unreadable = spec.unreadable();
    if (unreadable != null) {
      problems.add(new FieldProblem(unreadable.field(), unreadable.problem()));
      // The rest of what the schema says about the spec as stored, minus what was just said.
      SchemaCheck.of(resourceClass).checkSpec(unreadable).stream()
          .filter(problem -> !problem.field().equals(unreadable.field()))
          .forEach(problems::add);
      return problems;
    }
    problems.addAll(schemaProblems(resource, spec));
    if (problems.isEmpty()) {
      problems.addAll(validate(resource));
    }
    return problems;
  }

  /** The schema's verdict on a spec, computed once per generation of each resource. */
  private List<FieldProblem> schemaProblems(R resource, KinstaSpec spec) {
    String key = resource.getMetadata().getUid() + "@" + resource.getMetadata().getGeneration();
    List<FieldProblem> known = schemaVerdicts.get(key);
    if (known != null) {
      return known;
    }
    List<FieldProblem> verdict = List.copyOf(SchemaCheck.of(resourceClass).checkSpec(spec));
    if (schemaVerdicts.size() > MAX_SCHEMA_VERDICTS) {
      schemaVerdicts.clear();
    }
    if (resource.getMetadata().getGeneration() != null) {
      schemaVerdicts.put(key, verdict);
    }
    return verdict;
  }

  private Optional<Outcome> misusedSecret(R resource, String credentialsName) {
    for (Map.Entry<String, String> source : passwordSecrets(resource).entrySet()) {
      String name = source.getValue();
      boolean holdsAKey =
          findSecret(namespace(resource), name)
              .map(secret -> SecretLookup.value(secret, CredentialsResolver.API_KEY).isPresent())
              .orElse(false);
      if (name.equals(credentialsName) || holdsAKey) {
        return Optional.of(
            Outcome.stalled(
                Reasons.SECRET_MISUSED,
                source.getKey()
                    + " names Secret "
                    + name
                    + ", which holds a Kinsta API key; a password must come from a Secret of its"
                    + " own"));
      }
    }
    return Optional.empty();
  }

  private Outcome terminal(KinstaApiException failure) {
    if (failure instanceof KinstaApiException.Unauthorized) {
      return Outcome.stalled(
          Reasons.INVALID_CREDENTIALS,
          "Kinsta rejected the API key (401); fix the credentials Secret: " + failure.getMessage());
    }
    if (failure instanceof KinstaApiException.Forbidden) {
      return Outcome.stalled(
          Reasons.PERMISSION_DENIED,
          "The API key is not allowed to call "
              + failure.endpoint()
              + " (403): "
              + failure.getMessage());
    }
    if (failure instanceof KinstaApiException.NotFound) {
      return Outcome.stalled(Reasons.NOT_FOUND, failure.getMessage());
    }
    return Outcome.stalled(Reasons.KINSTA_REJECTED, failure.getMessage());
  }

  /** The kind's own reasons, beside the shared {@link Reasons}. */
  protected List<? extends Reason> reasons() {
    return List.of();
  }

  /**
   * The codes of the stall reasons whose cause may clear on Kinsta's side (a key enabled again, a
   * permission granted, an object restored, an operation that failed for a passing reason): such a
   * stall is looked at again every {@code KINSTA_STALLED_RETRY}. Every other stall is final until
   * the spec, a Secret or a reconcile request changes.
   */
  private Set<String> stallsThatMayClear() {
    Set<String> codes = mayClear;
    if (codes == null) {
      codes =
          Stream.concat(Arrays.stream(Reasons.values()), reasons().stream())
              .filter(Reason::mayClear)
              .map(Reason::code)
              .collect(Collectors.toUnmodifiableSet());
      mayClear = codes;
    }
    return codes;
  }

  /**
   * A Secret created after the resource that names it is not in the operator's Secret cache until
   * the operator reads and labels it, so a resource waiting for one looks for it again regularly.
   */
  private boolean waitsForASecret(@Nullable S status) {
    return status != null
        && StatusConditions.find(status.conditions, StatusConditions.STALLED)
            .filter(c -> "True".equals(c.getStatus()) && MISSING_SECRET.contains(c.getReason()))
            .isPresent();
  }

  private Duration secretRecheck() {
    Duration max = services.settings().retryMax();
    return max.compareTo(SECRET_RECHECK) < 0 ? max : SECRET_RECHECK;
  }

  private Outcome lookAgainLater(S status, Outcome stalled) {
    status.stalledCheckedAt =
        DateTimeFormatter.ISO_INSTANT.format(
            services.clock().instant().truncatedTo(ChronoUnit.SECONDS));
    return stalled.reason().mayClear()
        ? Outcome.stalled(stalled.reason(), stalled.message())
            .withRequeue(services.settings().stalledRetry())
        : stalled;
  }

  private boolean stalledWithSameInputs(R resource, @Nullable S before, String secretsVersion) {
    if (before == null) {
      return false;
    }
    Optional<Condition> stalled =
        StatusConditions.find(before.conditions, StatusConditions.STALLED)
            .filter(c -> "True".equals(c.getStatus()));
    if (stalled.isPresent()
        && stallsThatMayClear().contains(stalled.get().getReason())
        && dueForAnotherLook(before.stalledCheckedAt)) {
      return false;
    }
    return stalled.isPresent()
        && Objects.equals(
            stalled.get().getObservedGeneration(), resource.getMetadata().getGeneration())
        && Objects.equals(before.secretsVersion, secretsVersion)
        && Objects.equals(
            before.lastHandledReconcileAt,
            ResourceControls.reconcileRequest(resource).orElse(null));
  }

  private Optional<Duration> nextLookOfAStallThatMayClear(@Nullable S status) {
    if (status == null || status.stalledCheckedAt == null) {
      return Optional.empty();
    }
    boolean mayClear =
        StatusConditions.find(status.conditions, StatusConditions.STALLED)
            .filter(c -> "True".equals(c.getStatus()))
            .filter(c -> stallsThatMayClear().contains(c.getReason()))
            .isPresent();
    if (!mayClear) {
      return Optional.empty();
    }
    try {
      Duration left =
          Duration.between(
              services.clock().instant(),
              Instant.parse(status.stalledCheckedAt).plus(services.settings().stalledRetry()));
      return Optional.of(left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left);
    } catch (DateTimeParseException unreadable) {
      return Optional.empty();
    }
  }

  private boolean dueForAnotherLook(@Nullable String checkedAt) {
    if (checkedAt == null) {
      return true;
    }
    try {
      return !services
          .clock()
          .instant()
          .isBefore(Instant.parse(checkedAt).plus(services.settings().stalledRetry()));
    } catch (DateTimeParseException unreadable) {
      return true;
    }
  }

  private void finish(R resource, @Nullable S before, S status, Outcome outcome) {
    long generation = generation(resource);
    status.observedGeneration = generation;
    status.lastHandledReconcileAt = ResourceControls.reconcileRequest(resource).orElse(null);
    StatusConditions.apply(status, generation, outcome, services.clock().instant());
    announce(resource, before, status);
  }

  /** One log line and, where it matters, one event per transition of Ready or Stalled. */
  private void announce(R resource, @Nullable S before, S after) {
    Optional<Condition> oldReady =
        before == null
            ? Optional.empty()
            : StatusConditions.find(before.conditions, StatusConditions.READY);
    Condition ready = StatusConditions.find(after.conditions, StatusConditions.READY).orElseThrow();
    boolean flipped = oldReady.map(c -> !c.getStatus().equals(ready.getStatus())).orElse(true);
    boolean reasonChanged =
        oldReady.map(c -> !Objects.equals(c.getReason(), ready.getReason())).orElse(true);
    if (!flipped && !reasonChanged) {
      return;
    }
    log.info(
        "{} {}/{}: Ready={} {}: {}",
        resource.getKind(),
        namespace(resource),
        resource.getMetadata().getName(),
        ready.getStatus(),
        ready.getReason(),
        ready.getMessage());
    boolean nowStalled = StatusConditions.isTrue(after, StatusConditions.STALLED);
    boolean wasStalled = StatusConditions.isTrue(before, StatusConditions.STALLED);
    if (nowStalled && (!wasStalled || reasonChanged)) {
      services.events().transition(resource, true, ready.getReason(), ready.getMessage());
    } else if (flipped && "True".equals(ready.getStatus())) {
      services.events().transition(resource, false, ready.getReason(), ready.getMessage());
    }
  }

  /**
   * A status the model cannot read may still hold what the operator must not lose (the id of the
   * Kinsta object, an operation in flight): nothing is called and nothing else is written, only the
   * conditions, patched into the status as it is stored.
   */
  private void reportUnreadableStatus(R resource, Unreadable unreadable, Context<R> context) {
    String message =
        "The status cannot be read ("
            + unreadable
            + "); nothing is done until it can. Fix or remove the field with kubectl edit"
            + " --subresource=status.";
    if (unreadable.recordsCondition(
        StatusConditions.STALLED, Reasons.UNREADABLE_STATUS.code(), message)) {
      return;
    }
    S fresh = newStatus();
    StatusConditions.apply(
        fresh,
        generation(resource),
        Outcome.stalled(Reasons.UNREADABLE_STATUS, message),
        services.clock().instant());
    log.warn(
        "{} {}/{}: {}",
        resource.getKind(),
        namespace(resource),
        resource.getMetadata().getName(),
        message);
    services.events().warning(resource, Reasons.UNREADABLE_STATUS, message);
    context
        .getClient()
        .genericKubernetesResources(resource.getApiVersion(), resource.getKind())
        .inNamespace(namespace(resource))
        .withName(resource.getMetadata().getName())
        .subresource("status")
        // A JSON patch: the conditions replace the list as stored, whatever else the status holds.
        .patch(
            PatchContext.of(PatchType.JSON),
            JSON.asJson(
                List.of(
                    Map.of("op", "add", "path", "/status/conditions", "value", fresh.conditions))));
  }

  @Override
  public ErrorStatusUpdateControl<R> updateErrorStatus(
      R resource, Context<R> context, Exception error) {
    boolean transientKinsta = error instanceof KinstaApiException;
    int attempt = context.getRetryInfo().map(info -> info.getAttemptCount()).orElse(1);
    String message =
        error instanceof KinstaApiException kinsta ? kinsta.getMessage() : describe(error);
    log.warn(
        "{} {}/{}: {} (attempt {}), retrying: {}",
        resource.getKind(),
        namespace(resource),
        resource.getMetadata().getName(),
        transientKinsta ? "Kinsta call failed" : "reconcile failed",
        attempt,
        message);
    S before = copy(resource.getStatus());
    S status = workingCopy(before);
    StatusConditions.retrying(
        status,
        generation(resource),
        transientKinsta ? Reasons.KINSTA_UNAVAILABLE : Reasons.INTERNAL_ERROR,
        message,
        services.clock().instant());
    if (sameJson(before, status)) {
      return ErrorStatusUpdateControl.defaultErrorProcessing();
    }
    // A copy: the resource given here is the controller's cached one, which must keep saying what
    // the API server holds, or every later patch computed against it would be wrong.
    R withStatus = JSON.clone(resource);
    withStatus.setStatus(status);
    return ErrorStatusUpdateControl.patchStatus(withStatus);
  }

  /**
   * Writes the status when it changed. Patched and put in the controller's cache at once: a
   * reconcile triggered before the informer catches up must see the operation just started, or it
   * would start it again.
   */
  /**
   * The status writes of one reconcile or deletion step. Each is a patch computed against what the
   * previous write left on the server, and put in the controller's cache at once: a reconcile
   * triggered before the informer catches up must see the operation just started, or it would start
   * it again. Nothing is written when the status did not change.
   */
  final class StatusWrites {
    private final Context<R> context;
    private R written;
    private @Nullable S writtenStatus;

    StatusWrites(Context<R> context, R resource, @Nullable S status) {
      this.context = context;
      this.written = resource;
      this.writtenStatus = status;
    }

    void write(S status) {
      if (sameJson(writtenStatus, status)) {
        return;
      }
      S snapshot = workingCopy(status);
      written =
          PrimaryUpdateAndCacheUtils.patchStatusAndCacheResource(
              written,
              context,
              fresh -> {
                fresh.setStatus(snapshot);
                return fresh;
              });
      writtenStatus = snapshot;
    }
  }

  final StatusWrites statusWrites(Context<R> context, R resource, @Nullable S status) {
    return new StatusWrites(context, resource, status);
  }

  final Attempt<R, S> attempt(
      R resource, S status, CredentialsResolver.Resolved credentials, StatusWrites writes) {
    return new Attempt<>(
        resource,
        status,
        credentials.credentials(),
        services,
        this::findSecret,
        (reason, message) -> writes.write(inProgress(resource, status, reason, message)));
  }

  /** A copy of the status as work in progress, with the kstatus conditions every write carries. */
  private S inProgress(R resource, S status, Reason reason, String message) {
    S snapshot = workingCopy(status);
    long generation = generation(resource);
    snapshot.observedGeneration = generation;
    StatusConditions.apply(
        snapshot,
        generation,
        Outcome.progressing(reason, message, null),
        services.clock().instant());
    return snapshot;
  }

  /** Forgets what is kept in memory about a resource that is going away. */
  final void forgetRefusals(R resource) {
    refusals.remove(key(namespace(resource), resource.getMetadata().getName()));
  }

  final Optional<Secret> findSecret(String namespace, String name) {
    return services.secrets().find(namespace, name);
  }

  private String secretsVersion(R resource) {
    Set<String> versions = new TreeSet<>();
    for (String name : referencedSecrets(resource)) {
      versions.add(
          name
              + "@"
              + findSecret(namespace(resource), name).map(SecretFingerprint::of).orElse("absent"));
    }
    for (String name : referencedConfigMaps(resource)) {
      versions.add(
          "configmap:"
              + name
              + "@"
              + services
                  .configMaps()
                  .find(namespace(resource), name)
                  .map(SecretFingerprint::of)
                  .orElse("absent"));
    }
    return String.join(",", versions);
  }

  final S newStatus() {
    try {
      return statusClass.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  final @Nullable S copy(@Nullable S status) {
    return status == null ? null : JSON.convertValue(status, statusClass);
  }

  /** The status a step works on: a copy of the one read, or a new one. */
  final S workingCopy(@Nullable S before) {
    return before == null ? newStatus() : JSON.convertValue(before, statusClass);
  }

  private static boolean sameJson(@Nullable Object a, @Nullable Object b) {
    return JSON.asJson(a).equals(JSON.asJson(b));
  }

  static Duration withJitter(Duration base) {
    long millis = Math.max(base.toMillis(), 100);
    return Duration.ofMillis(
        millis + (long) (millis * 0.2 * ThreadLocalRandom.current().nextDouble()));
  }

  public static long generation(CustomResource<?, ?> resource) {
    return Optional.ofNullable(resource.getMetadata().getGeneration()).orElse(0L);
  }

  private static String describe(Exception error) {
    String message = error.getMessage();
    return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  static String namespace(CustomResource<?, ?> resource) {
    return resource.getMetadata().getNamespace();
  }

  private static String key(String namespace, String name) {
    return namespace + "/" + name;
  }
}
