package dev.operators.kinsta.reconcile;

import dev.operators.kinsta.api.v1alpha1.DeletionPolicy;
import dev.operators.kinsta.api.v1alpha1.KinstaSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaStatus;
import dev.operators.kinsta.api.v1alpha1.ManagementPolicy;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A kind whose resource stands for one Kinsta object (a site, a database, an application): besides
 * the shared reconcile steps, it holds a finalizer and deletes the object with the resource's
 * deletion policy ({@link RemoteDeletion}). While deleting will need the credentials, their Secret
 * is kept from going first ({@link CredentialsProtection}).
 */
public abstract class KinstaObjectReconciler<
        R extends CustomResource<? extends KinstaSpec, S>, S extends KinstaStatus>
    extends KinstaReconciler<R, S> implements Cleaner<R> {

  private final RemoteDeletion<R, S> deletion =
      new RemoteDeletion<>(
          this,
          new RemoteDeletion.Hooks<>(
              this::hasRemoteObject,
              this::describeRemote,
              this::manager,
              this::deletionPolicy,
              this::deleteRemote));
  private volatile @Nullable IndexedResourceCache<R> primaryCache;

  protected KinstaObjectReconciler(
      ControllerServices services, Class<R> resourceClass, Class<S> statusClass) {
    super(services, resourceClass, statusClass);
  }

  /**
   * The Kinsta object this resource manages (its id in the status) or is told to adopt (an id in
   * the spec); empty before it has one.
   */
  protected abstract Optional<String> kinstaId(R resource);

  /**
   * Whether the status refers to a Kinsta object (or an operation creating one) that deletion must
   * handle.
   */
  protected abstract boolean hasRemoteObject(S status);

  /** Deletes the Kinsta object, one step per call. */
  protected abstract Deletion deleteRemote(Attempt<R, S> attempt);

  /** The deletion policy in force: the spec's, else the default for created or adopted objects. */
  protected abstract DeletionPolicy deletionPolicy(R resource);

  /** What kind of Kinsta object this is, as messages name it, e.g. {@code Site}. */
  protected abstract String remoteKind();

  /** How the Kinsta object is named in events, e.g. {@code Site 5c0e…}. */
  protected abstract String describeRemote(S status);

  /**
   * The spec's deletion policy, else Retain for adopted objects and the operator's default for
   * created ones.
   */
  protected final DeletionPolicy deletionPolicy(
      @Nullable DeletionPolicy declared, boolean adopted) {
    if (declared != null) {
      return declared;
    }
    return adopted ? DeletionPolicy.Retain : services.settings().defaultDeletionPolicy();
  }

  @Override
  public List<EventSource<?, R>> prepareEventSources(EventSourceContext<R> context) {
    primaryCache = context.getPrimaryCache();
    context
        .getPrimaryCache()
        .addIndexer(
            PrimaryCaches.KINSTA_ID_INDEX, resource -> kinstaId(resource).stream().toList());
    return super.prepareEventSources(context);
  }

  /**
   * One resource per Kinsta object: when several resources of this kind point at the same object,
   * the oldest manages it and the others stall, with zero writes, naming it.
   */
  @Override
  protected final Optional<Outcome> refusal(R resource, Context<R> context) {
    return manager(resource, context.getPrimaryCache())
        .map(other -> alreadyManaged(kinstaId(resource).orElse(""), other));
  }

  /**
   * The refusal for a Kinsta object whose id a reconcile has only just worked out (e.g. a record
   * named in a zone given by id): Stalled, naming the older resource that manages it, if there is
   * one. Call it before the first write.
   */
  protected final Optional<Outcome> refusalOnceKnown(R resource, String kinstaId) {
    IndexedResourceCache<R> cache = primaryCache;
    if (cache == null) {
      return Optional.empty();
    }
    return olderManager(resource, kinstaId, cache).map(other -> alreadyManaged(kinstaId, other));
  }

  private Outcome alreadyManaged(String kinstaId, R other) {
    return Outcome.stalled(
        Reasons.ALREADY_MANAGED,
        remoteKind()
            + " "
            + kinstaId
            + " is managed by "
            + other.getKind()
            + " "
            + namespace(other)
            + "/"
            + other.getMetadata().getName()
            + "; one resource manages one Kinsta object");
  }

  /** The resources of this kind that point at a Kinsta object. */
  protected final Set<ResourceID> resourcesManaging(
      IndexedResourceCache<R> cache, String kinstaId) {
    return cache.byIndex(PrimaryCaches.KINSTA_ID_INDEX, kinstaId).stream()
        .map(ResourceID::fromResource)
        .collect(Collectors.toSet());
  }

  /** The older resource that manages the Kinsta object this one points at, if there is one. */
  final Optional<R> manager(R resource, IndexedResourceCache<R> cache) {
    Optional<String> id = kinstaId(resource);
    return id.isEmpty() ? Optional.empty() : olderManager(resource, id.get(), cache);
  }

  private Optional<R> olderManager(R resource, String kinstaId, IndexedResourceCache<R> cache) {
    return cache.byIndex(PrimaryCaches.KINSTA_ID_INDEX, kinstaId).stream()
        .filter(other -> !other.getMetadata().getUid().equals(resource.getMetadata().getUid()))
        .filter(other -> SENIORITY.compare(other, resource) < 0)
        .min(SENIORITY);
  }

  @Override
  final void afterRemoteStep(R resource, S status) {
    String credentials = credentialsSecret(resource);
    // An observed object is never deleted, so its deletion never needs the credentials.
    if (credentials != null
        && hasRemoteObject(status)
        && deletionPolicy(resource) == DeletionPolicy.Delete
        && Attempt.managementPolicy(resource) == ManagementPolicy.Manage) {
      findSecret(namespace(resource), credentials)
          .ifPresent(services.credentialsProtection()::protect);
    }
  }

  @Override
  public DeleteControl cleanup(R resource, Context<R> context) {
    forgetRefusals(resource);
    DeleteControl control = deletion.step(resource, context);
    if (control.isRemoveFinalizer()) {
      services.observer().forgotten(resource);
      String credentials = credentialsSecret(resource);
      if (credentials != null) {
        services.credentialsProtection().releaseLater(namespace(resource), credentials);
      }
    }
    return control;
  }
}
