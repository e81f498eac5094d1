package dev.operators.kinsta.reconcile;

import dev.operators.kinsta.api.v1alpha1.DriftEntry;
import dev.operators.kinsta.api.v1alpha1.FieldProblem;
import dev.operators.kinsta.api.v1alpha1.KinstaSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaStatus;
import dev.operators.kinsta.api.v1alpha1.Unreadable;
import dev.operators.kinsta.transport.KinstaApiException;
import dev.operators.kinsta.transport.ObserveOnly;
import dev.operators.kinsta.transport.ReadCarry;
import dev.operators.kinsta.transport.WritesOnThisThread;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
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
  private final SpecCheck<R> specCheck;
  private final ReferencedInputs<R> inputs;
  private final StallPolicy stalls;
  private final RateLimitWaits rateLimitWaits = new RateLimitWaits();
  // What a refused reconcile read, by resource, for its next pass (transport/ReadCarry).
  private final Map<String, ReadCarry.Reads> carriedReads = new ConcurrentHashMap<>();

  protected KinstaReconciler(
      ControllerServices services, Class<R> resourceClass, Class<S> statusClass) {
    this.services = services;
    this.statusClass = statusClass;
    this.log = LoggerFactory.getLogger(getClass());
    this.resourceClass = resourceClass;
    this.specCheck = new SpecCheck<>(resourceClass, this::validate);
    this.inputs =
        new ReferencedInputs<>(services, this::referencedSecrets, this::referencedConfigMaps);
    this.stalls = new StallPolicy(services.settings(), services.clock(), this::reasons);
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
    return inputs.readingSecret(context, namespace(resource), secretName);
  }

  @Override
  public List<EventSource<?, R>> prepareEventSources(EventSourceContext<R> context) {
    services.caches().publish(resourceClass, context.getPrimaryCache());
    List<EventSource<?, R>> sources = new ArrayList<>(inputs.eventSources(context));
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
      UnreadableStatus.report(resource, unreadableStatus, newStatus(), context, services, log);
      return UpdateControl.noUpdate();
    }
    S before = copy(resource.getStatus());
    S status = workingCopy(before);
    StatusWriter<R, S> writes = statusWrites(context, resource, before);
    Outcome outcome = evaluate(resource, before, status, writes, context);
    if (outcome.kind() == Outcome.Kind.UNCHANGED) {
      services.observer().observed(resource, before);
      UpdateControl<R> unchanged = UpdateControl.noUpdate();
      Optional<Duration> nextLook = stalls.nextLook(before);
      return nextLook.isPresent() ? unchanged.rescheduleAfter(nextLook.get()) : unchanged;
    }
    if (outcome.kind() == Outcome.Kind.STALLED) {
      outcome = stalls.reported(status, outcome);
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
      R resource, @Nullable S before, S status, StatusWriter<R, S> writes, Context<R> context) {
    List<FieldProblem> problems = specCheck.problems(resource);
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
    String secretsVersion = inputs.version(resource);
    if (stalls.unchanged(
        resource,
        before,
        secretsVersion,
        ResourceControls.reconcileRequest(resource).orElse(null))) {
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
    Attempt<R, S> attempt = attempt(resource, status, credentials, writes);
    ReadCarry.begin(carriedReads.remove(key));
    boolean rateLimited = false;
    try {
      Outcome outcome = observed(attempt);
      rateLimitWaits.forget(key);
      afterRemoteStep(resource, status);
      attempt.drift().writeTo(status, outcome);
      return outcome;
    } catch (ObserveOnly.WriteWithheld withheld) {
      // A step that writes without first reporting the difference: its call is the plan's next
      // entry, and the look stops there.
      attempt.drift().found(new DriftEntry("(next call)", withheld.endpoint(), "not sent"));
      Outcome outcome =
          attempt.ready(
              "Observed; Manage would go on with "
                  + withheld.endpoint()
                  + " (status.drift); nothing is written to Kinsta under Observe");
      attempt.drift().writeTo(status, outcome);
      return outcome;
    } catch (KinstaApiException.RateLimited limited) {
      rateLimited = true;
      return rateLimitWaits.refused(key, limited, WritesOnThisThread.count() > writesBefore);
    } catch (KinstaApiException failure) {
      if (failure.isRetriable()) {
        throw failure;
      }
      return TerminalFailures.stalled(failure);
    } finally {
      ReadCarry.Reads reads = ReadCarry.end();
      if (rateLimited && !reads.isEmpty()) {
        carriedReads.values().removeIf(kept -> kept.outlivedBy(reads));
        carriedReads.put(key, reads);
      }
    }
  }

  /** Runs the kind's steps; under Observe with every write withheld, and Ready says so. */
  private Outcome observed(Attempt<R, S> attempt) {
    if (!attempt.observing()) {
      Outcome outcome = reconcileRemote(attempt);
      return outcome.kind() == Outcome.Kind.READY ? attempt.held().orElse(outcome) : outcome;
    }
    Outcome outcome = ObserveOnly.run(() -> reconcileRemote(attempt));
    if (outcome.kind() != Outcome.Kind.READY) {
      return outcome;
    }
    int differences = attempt.drift().entries().size();
    return differences == 0
        ? outcome
        : Outcome.ready(
            "Observed; "
                + differences
                + (differences == 1 ? " field differs" : " fields differ")
                + " from the spec (status.drift), nothing is written under Observe",
            services.settings().resyncInterval());
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

  /** The kind's own reasons, beside the shared {@link Reasons}. */
  protected List<? extends Reason> reasons() {
    return List.of();
  }

  private void finish(R resource, @Nullable S before, S status, Outcome outcome) {
    long generation = StatusConditions.generation(resource);
    status.observedGeneration = generation;
    status.lastHandledReconcileAt = ResourceControls.reconcileRequest(resource).orElse(null);
    StatusConditions.apply(status, generation, outcome, services.clock().instant());
    Transitions.announce(log, services.events(), resource, before, status);
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
        StatusConditions.generation(resource),
        transientKinsta ? Reasons.KINSTA_UNAVAILABLE : Reasons.INTERNAL_ERROR,
        message,
        services.clock().instant());
    if (StatusJson.same(before, status)) {
      return ErrorStatusUpdateControl.defaultErrorProcessing();
    }
    // A copy: the resource given here is the controller's cached one, which must keep saying what
    // the API server holds, or every later patch computed against it would be wrong.
    R withStatus = StatusJson.JSON.clone(resource);
    withStatus.setStatus(status);
    return ErrorStatusUpdateControl.patchStatus(withStatus);
  }

  final StatusWriter<R, S> statusWrites(Context<R> context, R resource, @Nullable S status) {
    return new StatusWriter<>(context, resource, status, statusClass);
  }

  final Attempt<R, S> attempt(
      R resource, S status, CredentialsResolver.Resolved credentials, StatusWriter<R, S> writes) {
    return new Attempt<>(
        resource,
        status,
        credentials.credentials(),
        services,
        this::findSecret,
        (reason, message) -> writes.write(inProgress(resource, status, reason, message)),
        () -> changedInKinstaBy(resource));
  }

  /**
   * Who last changed the resource's Kinsta object outside the operator, when the kind can tell (the
   * company's activity log); for the event that announces a drift correction.
   */
  protected Optional<String> changedInKinstaBy(R resource) {
    return Optional.empty();
  }

  /** A copy of the status as work in progress, with the kstatus conditions every write carries. */
  private S inProgress(R resource, S status, Reason reason, String message) {
    S snapshot = workingCopy(status);
    long generation = StatusConditions.generation(resource);
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
    rateLimitWaits.forget(key(namespace(resource), resource.getMetadata().getName()));
  }

  final Optional<Secret> findSecret(String namespace, String name) {
    return services.secrets().find(namespace, name);
  }

  final S newStatus() {
    try {
      return statusClass.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  final @Nullable S copy(@Nullable S status) {
    return status == null ? null : StatusJson.copy(status, statusClass);
  }

  /** The status a step works on: a copy of the one read, or a new one. */
  final S workingCopy(@Nullable S before) {
    return before == null ? newStatus() : StatusJson.copy(before, statusClass);
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
