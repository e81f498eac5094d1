package dev.operators.kinsta.reconcile;

import dev.operators.kinsta.api.v1alpha1.DeletionPolicy;
import dev.operators.kinsta.api.v1alpha1.KinstaSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaStatus;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;

/**
 * A kind whose resource stands for one Kinsta object (a site, a database, an application): besides
 * the shared reconcile steps, it holds a finalizer and deletes the object with the resource's
 * deletion policy ({@link RemoteDeletion}). While deleting will need the credentials, their Secret
 * is kept from going first ({@link CredentialsProtection}).
 */
public abstract class KinstaObjectReconciler<
        R extends CustomResource<? extends KinstaSpec, S>, S extends KinstaStatus>
    extends KinstaReconciler<R, S> implements Cleaner<R> {
  private final RemoteDeletion<R, S> deletion = new RemoteDeletion<>(this);

  protected KinstaObjectReconciler(
      ControllerServices services, Class<R> resourceClass, Class<S> statusClass) {
    super(services, resourceClass, statusClass);
  }

  /**
   * Whether the status refers to a Kinsta object (or an operation creating one) that deletion must
   * handle.
   */
  protected abstract boolean hasRemoteObject(S status);

  /** Deletes the Kinsta object, one step per call. */
  protected abstract Deletion deleteRemote(Attempt<R, S> attempt);

  /** The deletion policy in force: the spec's, else the default for created or adopted objects. */
  protected abstract DeletionPolicy deletionPolicy(R resource);

  /** How the Kinsta object is named in events, e.g. {@code Site 5c0e…}. */
  protected abstract String describeRemote(S status);

  /**
   * The spec's deletion policy, else Retain for adopted objects and the operator's default for
   * created ones.
   */
  protected final DeletionPolicy deletionPolicy(DeletionPolicy declared, boolean adopted) {
    if (declared != null) {
      return declared;
    }
    return adopted ? DeletionPolicy.Retain : services.settings().defaultDeletionPolicy();
  }

  @Override
  final void afterRemoteStep(R resource, S status) {
    String credentials = credentialsSecret(resource);
    if (credentials != null
        && hasRemoteObject(status)
        && deletionPolicy(resource) == DeletionPolicy.Delete) {
      findSecret(namespace(resource), credentials)
          .ifPresent(services.credentialsProtection()::protect);
    }
  }

  @Override
  public DeleteControl cleanup(R resource, Context<R> context) {
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
