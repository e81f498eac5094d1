package dev.operators.kinsta.reconcile;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.operators.kinsta.api.v1alpha1.DeletionPolicy;
import dev.operators.kinsta.api.v1alpha1.KinstaStatus;
import dev.operators.kinsta.client.KinstaApiException;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every Kinsta controller does around its own work: validate the spec, honour the pause annotation, read the
 * credentials Secret, skip a stalled resource whose inputs did not change, turn Kinsta errors into conditions or
 * back-off, write kstatus conditions, patch the status only when it changed, and delete with the resource's
 * policy. A controller supplies the Kinsta-specific steps.
 */
public abstract class KinstaReconciler<R extends CustomResource<?, S>, S extends KinstaStatus>
    implements Reconciler<R>, Cleaner<R> {
  private static final String SECRET_INDEX = "kinsta.operators.dev/referenced-secrets";
  private static final ObjectMapper JSON = Serialization.jsonMapper();

  protected final ControllerServices services;
  private final Class<R> resourceClass;
  private final Class<S> statusClass;
  private final Logger log;
  private final Map<String, Integer> consecutiveFailures = new ConcurrentHashMap<>();
  private volatile InformerEventSource<Secret, R> secretSource;

  protected KinstaReconciler(ControllerServices services, Class<R> resourceClass, Class<S> statusClass) {
    this.services = services;
    this.resourceClass = resourceClass;
    this.statusClass = statusClass;
    this.log = LoggerFactory.getLogger(getClass());
  }

  /** Name of the credentials Secret, or null when the spec lacks it. */
  protected abstract String credentialsSecret(R resource);

  /**
   * Every Secret the resource reads (credentials first); a change to any of them triggers a reconcile. The
   * credentials Secret alone unless a kind reads more.
   */
  protected Set<String> referencedSecrets(R resource) {
    String credentials = credentialsSecret(resource);
    return credentials == null ? new LinkedHashSet<>() : new LinkedHashSet<>(Set.of(credentials));
  }

  /**
   * What the schema cannot check, besides the credentials reference every kind has (checked here); each problem
   * names its field. No Kinsta call is made when there are any.
   */
  protected abstract List<FieldProblem> validate(R resource);

  /** Brings Kinsta one step closer to the spec; at most one write per call. */
  protected abstract Outcome reconcileRemote(Attempt<R, S> attempt);

  /** Whether the status refers to a Kinsta object (or an operation creating one) that deletion must handle. */
  protected abstract boolean hasRemoteObject(S status);

  /** Deletes the Kinsta object, one step per call. */
  protected abstract Deletion deleteRemote(Attempt<R, S> attempt);

  /** The deletion policy in force: the spec's, else the default for created or adopted objects. */
  protected abstract DeletionPolicy deletionPolicy(R resource);

  /** The spec's deletion policy, else Retain for adopted objects and the operator's default for created ones. */
  protected DeletionPolicy deletionPolicy(DeletionPolicy declared, boolean adopted) {
    if (declared != null) {
      return declared;
    }
    return adopted ? DeletionPolicy.Retain : services.settings().defaultDeletionPolicy();
  }

  /** How the Kinsta object is named in events, e.g. {@code site 5c0e…}. */
  protected abstract String describeRemote(S status);

  @Override
  public List<EventSource<?, R>> prepareEventSources(EventSourceContext<R> context) {
    context.getPrimaryCache().addIndexer(SECRET_INDEX, resource -> referencedSecrets(resource).stream()
        .map(name -> key(resource.getMetadata().getNamespace(), name)).toList());
    var configuration = InformerEventSourceConfiguration.from(Secret.class, resourceClass)
        .withNamespacesInheritedFromController()
        .withSecondaryToPrimaryMapper(secret -> context.getPrimaryCache()
            .byIndex(SECRET_INDEX, key(secret.getMetadata().getNamespace(), secret.getMetadata().getName()))
            .stream().map(ResourceID::fromResource).collect(Collectors.toSet()))
        .build();
    secretSource = new InformerEventSource<>(configuration, context);
    List<EventSource<?, R>> sources = new java.util.ArrayList<>();
    sources.add(secretSource);
    sources.addAll(additionalEventSources(context));
    return sources;
  }

  /** Further resources whose changes should reconcile this kind (e.g. the other ends of a connection). */
  protected List<EventSource<?, R>> additionalEventSources(EventSourceContext<R> context) {
    return List.of();
  }

  /**
   * Whether deleting this resource will call Kinsta with its credentials, so the credentials Secret must outlive
   * it (see {@link CredentialsProtection}).
   */
  private boolean needsCredentialsToDelete(R resource, S status) {
    return deletableRemotely() && hasRemoteObject(status) && deletionPolicy(resource) == DeletionPolicy.Delete;
  }

  /** False for objects Kinsta's API cannot delete: deletion then only warns, and never waits. */
  protected boolean deletableRemotely() {
    return true;
  }

  @Override
  public UpdateControl<R> reconcile(R resource, Context<R> context) {
    S before = copy(resource.getStatus());
    S status = before == null ? newStatus() : copy(before);
    Outcome outcome = evaluate(resource, before, status);
    if (outcome.kind() == Outcome.Kind.UNCHANGED) {
      services.observer().observed(resource, before);
      return UpdateControl.noUpdate();
    }
    finish(resource, before, status, outcome);
    services.observer().observed(resource, status);
    if (!sameJson(before, status)) {
      // Patched and put in the controller's cache at once: a reconcile triggered before the informer catches up
      // must see the operation just started, or it would start it again.
      PrimaryUpdateAndCacheUtils.patchStatusAndCacheResource(resource, context, fresh -> {
        fresh.setStatus(status);
        return fresh;
      });
    }
    UpdateControl<R> control = UpdateControl.noUpdate();
    return outcome.requeueAfter() == null ? control : control.rescheduleAfter(outcome.requeueAfter());
  }

  private Outcome evaluate(R resource, S before, S status) {
    List<FieldProblem> problems = new ArrayList<>();
    String credentialsName = credentialsSecret(resource);
    if (resource.getSpec() != null && (credentialsName == null || credentialsName.isBlank())) {
      problems.add(new FieldProblem("spec.credentialsRef.name", "is required"));
    }
    problems.addAll(validate(resource));
    if (!problems.isEmpty()) {
      return Outcome.stalled(Reasons.INVALID_SPEC, "Invalid spec: "
          + problems.stream().map(FieldProblem::toString).collect(Collectors.joining("; ")));
    }
    if (ResourceControls.paused(resource)) {
      return Outcome.paused();
    }
    String secretsVersion = secretsVersion(resource);
    if (stalledWithSameInputs(resource, before, secretsVersion)) {
      return Outcome.unchanged();
    }
    status.secretsVersion = secretsVersion;
    CredentialsResolver.Resolved credentials;
    try {
      credentials = services.credentials().resolve(this::findSecret, namespace(resource), credentialsName);
    } catch (CredentialsProblem problem) {
      return Outcome.stalled(problem.reason(), problem.getMessage());
    }
    String failureKey = resource.getMetadata().getUid();
    try {
      Outcome outcome = reconcileRemote(new Attempt<>(resource, status, credentials.credentials(), services,
          this::findSecret));
      consecutiveFailures.remove(failureKey);
      if (needsCredentialsToDelete(resource, status)) {
        findSecret(namespace(resource), credentialsName).ifPresent(services.credentialsProtection()::protect);
      }
      return outcome;
    } catch (KinstaApiException.RateLimited limited) {
      return Outcome.waiting(Reasons.RATE_LIMITED, "Waiting for Kinsta's rate limit: " + limited.getMessage(),
          withJitter(limited.retryAfter()));
    } catch (KinstaApiException failure) {
      if (failure.isRetriable()) {
        int attempts = consecutiveFailures.merge(failureKey, 1, Integer::sum);
        Duration backoff = new JitteredRetry(services.settings().retryInitial(), services.settings().retryMax())
            .baseDelay(attempts);
        log.warn("{} {}/{}: Kinsta call failed (attempt {}), retrying in {}: {}", resource.getKind(),
            namespace(resource), resource.getMetadata().getName(), attempts, backoff, failure.getMessage());
        return Outcome.waiting(Reasons.KINSTA_UNAVAILABLE, failure.getMessage(), withJitter(backoff));
      }
      consecutiveFailures.remove(failureKey);
      return terminal(failure);
    }
  }

  private Outcome terminal(KinstaApiException failure) {
    if (failure instanceof KinstaApiException.Unauthorized) {
      return Outcome.stalled(Reasons.INVALID_CREDENTIALS,
          "Kinsta rejected the API key (401); fix the credentials Secret: " + failure.getMessage());
    }
    if (failure instanceof KinstaApiException.Forbidden) {
      return Outcome.stalled(Reasons.PERMISSION_DENIED,
          "The API key is not allowed to call " + failure.endpoint() + " (403): " + failure.getMessage());
    }
    if (failure instanceof KinstaApiException.NotFound) {
      return Outcome.stalled(Reasons.NOT_FOUND, failure.getMessage());
    }
    return Outcome.stalled(Reasons.KINSTA_REJECTED, failure.getMessage());
  }

  private boolean stalledWithSameInputs(R resource, S before, String secretsVersion) {
    if (before == null) {
      return false;
    }
    Optional<Condition> stalled = StatusConditions.find(before.conditions, StatusConditions.STALLED)
        .filter(c -> "True".equals(c.getStatus()));
    return stalled.isPresent()
        && Objects.equals(stalled.get().getObservedGeneration(), resource.getMetadata().getGeneration())
        && Objects.equals(before.secretsVersion, secretsVersion)
        && Objects.equals(before.lastHandledReconcileAt, ResourceControls.reconcileRequest(resource).orElse(null));
  }

  private void finish(R resource, S before, S status, Outcome outcome) {
    long generation = Optional.ofNullable(resource.getMetadata().getGeneration()).orElse(0L);
    status.observedGeneration = generation;
    status.lastHandledReconcileAt = ResourceControls.reconcileRequest(resource).orElse(null);
    StatusConditions.apply(status, generation, outcome, services.clock().instant());
    announce(resource, before, status);
  }

  /** One log line and, where it matters, one event per transition of Ready or Stalled. */
  private void announce(R resource, S before, S after) {
    Optional<Condition> oldReady = before == null ? Optional.empty()
        : StatusConditions.find(before.conditions, StatusConditions.READY);
    Condition ready = StatusConditions.find(after.conditions, StatusConditions.READY).orElseThrow();
    boolean flipped = oldReady.map(c -> !c.getStatus().equals(ready.getStatus())).orElse(true);
    boolean reasonChanged = oldReady.map(c -> !Objects.equals(c.getReason(), ready.getReason())).orElse(true);
    if (!flipped && !reasonChanged) {
      return;
    }
    log.info("{} {}/{}: Ready={} {}: {}", resource.getKind(), namespace(resource), resource.getMetadata().getName(),
        ready.getStatus(), ready.getReason(), ready.getMessage());
    boolean nowStalled = StatusConditions.isTrue(after, StatusConditions.STALLED);
    boolean wasStalled = StatusConditions.isTrue(before, StatusConditions.STALLED);
    if (nowStalled && (!wasStalled || reasonChanged)) {
      services.events().warning(resource, ready.getReason(), ready.getMessage());
    } else if (flipped && "True".equals(ready.getStatus())) {
      services.events().normal(resource, ready.getReason(), ready.getMessage());
    }
  }

  @Override
  public ErrorStatusUpdateControl<R> updateErrorStatus(R resource, Context<R> context, Exception error) {
    log.warn("{} {}/{}: reconcile failed, will retry: {}", resource.getKind(), namespace(resource),
        resource.getMetadata().getName(), describe(error));
    S before = copy(resource.getStatus());
    S status = before == null ? newStatus() : copy(before);
    long generation = Optional.ofNullable(resource.getMetadata().getGeneration()).orElse(0L);
    StatusConditions.retrying(status, generation, Reasons.INTERNAL_ERROR, describe(error),
        services.clock().instant());
    if (sameJson(before, status)) {
      return ErrorStatusUpdateControl.defaultErrorProcessing();
    }
    resource.setStatus(status);
    return ErrorStatusUpdateControl.patchStatus(resource);
  }

  @Override
  public DeleteControl cleanup(R resource, Context<R> context) {
    DeleteControl control = deleteStep(resource, context);
    if (control.isRemoveFinalizer()) {
      services.observer().forgotten(resource);
      String credentials = credentialsSecret(resource);
      if (credentials != null && deletableRemotely()) {
        services.credentialsProtection().releaseLater(namespace(resource), credentials);
      }
    }
    return control;
  }

  private DeleteControl deleteStep(R resource, Context<R> context) {
    S before = copy(resource.getStatus());
    S status = before == null ? newStatus() : copy(before);
    if (!hasRemoteObject(status)) {
      return DeleteControl.defaultDelete();
    }
    if (!deletableRemotely()) {
      services.events().warning(resource, Reasons.NOT_DELETED_IN_KINSTA, describeRemote(status) + " stays in Kinsta: "
          + "Kinsta's API cannot delete it; remove it in MyKinsta if it should go");
      return DeleteControl.defaultDelete();
    }
    if (deletionPolicy(resource) == DeletionPolicy.Retain) {
      services.events().normal(resource, Reasons.RETAINED,
          describeRemote(status) + " is left in Kinsta (deletionPolicy "
          + "Retain)");
      return DeleteControl.defaultDelete();
    }
    if (ResourceControls.paused(resource)) {
      services.events().warning(resource, Reasons.ORPHANED, describeRemote(status)
          + " is left in Kinsta: the resource was deleted while paused");
      return DeleteControl.defaultDelete();
    }
    CredentialsResolver.Resolved credentials;
    try {
      credentials = services.credentials().resolve(this::findSecret, namespace(resource),
          credentialsSecret(resource));
    } catch (CredentialsProblem problem) {
      return orphanOrWait(resource, status, problem.getMessage());
    }
    Deletion deletion;
    try {
      deletion = deleteRemote(new Attempt<>(resource, status, credentials.credentials(), services,
          this::findSecret));
    } catch (KinstaApiException.Unauthorized | KinstaApiException.Forbidden rejected) {
      return orphanOrWait(resource, status, rejected.getMessage());
    } catch (KinstaApiException.RateLimited limited) {
      return DeleteControl.noFinalizerRemoval().rescheduleAfter(withJitter(limited.retryAfter()));
    } catch (KinstaApiException failure) {
      log.warn("{} {}/{}: deleting {} failed, retrying: {}", resource.getKind(), namespace(resource),
          resource.getMetadata().getName(), describeRemote(status), failure.getMessage());
      deletion = Deletion.waiting(services.settings().maxPollInterval(), failure.getMessage());
    }
    if (deletion.done()) {
      log.info("{} {}/{}: {} deleted in Kinsta", resource.getKind(), namespace(resource),
          resource.getMetadata().getName(), describeRemote(before == null ? status : before));
      return DeleteControl.defaultDelete();
    }
    // Marking a custom resource for deletion raises its generation, so the deletion's status describes that one.
    long generation = Optional.ofNullable(resource.getMetadata().getGeneration()).orElse(0L);
    status.observedGeneration = generation;
    StatusConditions.apply(status, generation, Outcome.progressing(Reasons.DELETING, deletion.message(), null),
        services.clock().instant());
    persistStatus(context, resource, before, status);
    return DeleteControl.noFinalizerRemoval().rescheduleAfter(deletion.next());
  }

  private DeleteControl orphanOrWait(R resource, S status, String why) {
    Instant deletedAt = Instant.parse(resource.getMetadata().getDeletionTimestamp());
    if (services.clock().instant().isAfter(deletedAt.plus(services.settings().orphanAfter()))) {
      services.events().warning(resource, Reasons.ORPHANED, describeRemote(status) + " is left in Kinsta: it could not "
          + "be deleted for " + services.settings().orphanAfter() + " (" + why + ")");
      return DeleteControl.defaultDelete();
    }
    return DeleteControl.noFinalizerRemoval().rescheduleAfter(services.settings().maxPollInterval());
  }

  private void persistStatus(Context<R> context, R resource, S before, S status) {
    if (sameJson(before, status)) {
      return;
    }
    try {
      // The same status write as a reconcile's, cached at once so the next deletion step sees it.
      PrimaryUpdateAndCacheUtils.patchStatusAndCacheResource(resource, context, fresh -> {
        fresh.setStatus(status);
        return fresh;
      });
    } catch (KubernetesClientException failed) {
      log.warn("{} {}/{}: could not record deletion progress: {}", resource.getKind(), namespace(resource),
          resource.getMetadata().getName(), failed.getMessage());
    }
  }

  private Optional<Secret> findSecret(String namespace, String name) {
    InformerEventSource<Secret, R> source = secretSource;
    return source == null ? Optional.empty() : source.get(new ResourceID(name, namespace));
  }

  private String secretsVersion(R resource) {
    Set<String> versions = new TreeSet<>();
    for (String name : referencedSecrets(resource)) {
      versions.add(name + "@" + findSecret(namespace(resource), name)
          .map(secret -> secret.getMetadata().getResourceVersion()).orElse("absent"));
    }
    return String.join(",", versions);
  }

  private S newStatus() {
    try {
      return statusClass.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private S copy(S status) {
    return status == null ? null : JSON.convertValue(status, statusClass);
  }

  private static boolean sameJson(Object a, Object b) {
    return Objects.equals(JSON.valueToTree(a), JSON.valueToTree(b));
  }

  private static Duration withJitter(Duration base) {
    long millis = Math.max(base.toMillis(), 100);
    return Duration.ofMillis(millis + (long) (millis * 0.2 * ThreadLocalRandom.current().nextDouble()));
  }

  private static String describe(Exception error) {
    String message = error.getMessage();
    return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private static String namespace(CustomResource<?, ?> resource) {
    return resource.getMetadata().getNamespace();
  }

  private static String key(String namespace, String name) {
    return namespace + "/" + name;
  }
}
