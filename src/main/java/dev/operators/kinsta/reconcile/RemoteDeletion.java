package dev.operators.kinsta.reconcile;

import dev.operators.kinsta.api.v1alpha1.DeletionPolicy;
import dev.operators.kinsta.api.v1alpha1.KinstaSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaStatus;
import dev.operators.kinsta.api.v1alpha1.ManagementPolicy;
import dev.operators.kinsta.api.v1alpha1.Unreadable;
import dev.operators.kinsta.transport.KinstaApiException;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One step of deleting a resource's Kinsta object: Retain and paused resources let go at once;
 * Delete calls the kind's {@code deleteRemote} until it reports the object gone. A transient
 * failure is thrown to the controller's retry; credentials that stay unusable release the resource
 * as Orphaned after {@code KINSTA_ORPHAN_AFTER}.
 */
final class RemoteDeletion<
    R extends CustomResource<? extends KinstaSpec, S>, S extends KinstaStatus> {
  /** What deleting needs to know of the kind's Kinsta object. */
  record Hooks<R extends CustomResource<? extends KinstaSpec, S>, S extends KinstaStatus>(
      Predicate<S> hasRemoteObject,
      Function<S, String> describeRemote,
      BiFunction<R, IndexedResourceCache<R>, Optional<R>> manager,
      Function<R, DeletionPolicy> deletionPolicy,
      Function<Attempt<R, S>, Deletion> deleteRemote) {}

  private final KinstaReconciler<R, S> kind;
  private final Hooks<R, S> hooks;

  RemoteDeletion(KinstaReconciler<R, S> kind, Hooks<R, S> hooks) {
    this.kind = kind;
    this.hooks = hooks;
  }

  DeleteControl step(R resource, Context<R> context) {
    ControllerServices services = kind.services;
    S before = kind.copy(resource.getStatus());
    S status = kind.workingCopy(before);
    StatusWriter<R, S> writes = kind.statusWrites(context, resource, before);
    Unreadable unreadableStatus =
        resource.getStatus() == null ? null : resource.getStatus().unreadable();
    if (unreadableStatus != null) {
      // Whether there is a Kinsta object, and which, is in the status: unknown until it is read.
      return orphanOrWait(
          resource,
          "The " + resource.getKind() + "'s Kinsta object, if any,",
          "the status cannot be read: " + unreadableStatus);
    }
    if (!hooks.hasRemoteObject().test(status)) {
      return DeleteControl.defaultDelete();
    }
    String remote = hooks.describeRemote().apply(status);
    Unreadable unreadableSpec = resource.getSpec() == null ? null : resource.getSpec().unreadable();
    if (unreadableSpec != null) {
      // The deletion policy and the credentials are in the spec: a fix is waited for.
      return orphanOrWait(resource, remote, "the spec cannot be read: " + unreadableSpec);
    }
    Optional<R> manager = hooks.manager().apply(resource, context.getPrimaryCache());
    if (manager.isPresent()) {
      // Another resource manages this object: deleting this one must not touch it.
      services
          .events()
          .normal(
              resource,
              Reasons.RETAINED,
              remote
                  + " is left in Kinsta: it is managed by "
                  + manager.get().getMetadata().getNamespace()
                  + "/"
                  + manager.get().getMetadata().getName());
      return DeleteControl.defaultDelete();
    }
    if (Attempt.managementPolicy(resource) == ManagementPolicy.Observe) {
      services
          .events()
          .normal(
              resource,
              Reasons.RETAINED,
              remote + " is left in Kinsta (managementPolicy Observe writes nothing)");
      return DeleteControl.defaultDelete();
    }
    if (hooks.deletionPolicy().apply(resource) == DeletionPolicy.Retain) {
      services
          .events()
          .normal(
              resource, Reasons.RETAINED, remote + " is left in Kinsta (deletionPolicy Retain)");
      return DeleteControl.defaultDelete();
    }
    if (ResourceControls.paused(resource)) {
      services.orphaned(
          resource, remote + " is left in Kinsta: the resource was deleted while paused");
      return DeleteControl.defaultDelete();
    }
    String credentialsName = kind.credentialsSecret(resource);
    if (credentialsName == null) {
      return orphanOrWait(resource, remote, "the spec names no credentials Secret");
    }
    CredentialsResolver.Resolved credentials;
    try {
      credentials =
          services
              .credentials()
              .resolve(kind::findSecret, resource.getMetadata().getNamespace(), credentialsName);
    } catch (CredentialsProblem problem) {
      return orphanOrWait(resource, remote, problem.getMessage());
    }
    Attempt<R, S> attempt = kind.attempt(resource, status, credentials, writes);
    Optional<Outcome> held = attempt.approval("Deleting " + remote);
    if (held.isPresent()) {
      return awaitingApproval(resource, status, writes, held.get());
    }
    Deletion deletion;
    try {
      deletion = hooks.deleteRemote().apply(attempt);
    } catch (KinstaApiException.Unauthorized | KinstaApiException.Forbidden rejected) {
      return orphanOrWait(resource, remote, rejected.getMessage());
    } catch (KinstaApiException.RateLimited limited) {
      return DeleteControl.noFinalizerRemoval()
          .rescheduleAfter(RateLimitWaits.withJitter(limited.retryAfter()));
    } catch (KinstaApiException failure) {
      kind.log.warn(
          "{} {}/{}: deleting {} failed, retrying: {}",
          resource.getKind(),
          resource.getMetadata().getNamespace(),
          resource.getMetadata().getName(),
          remote,
          failure.getMessage());
      throw failure;
    }
    if (deletion.done()) {
      kind.log.info(
          "{} {}/{}: {} deleted in Kinsta",
          resource.getKind(),
          resource.getMetadata().getNamespace(),
          resource.getMetadata().getName(),
          remote);
      return DeleteControl.defaultDelete();
    }
    // Marking a custom resource for deletion raises its generation, so the deletion's status
    // describes that one.
    long generation = StatusConditions.generation(resource);
    status.observedGeneration = generation;
    StatusConditions.apply(
        status,
        generation,
        Outcome.progressing(Reasons.DELETING, String.valueOf(deletion.message()), null),
        services.clock().instant());
    try {
      writes.write(status);
    } catch (KubernetesClientException failed) {
      kind.log.warn(
          "{} {}/{}: could not record deletion progress: {}",
          resource.getKind(),
          resource.getMetadata().getNamespace(),
          resource.getMetadata().getName(),
          failed.getMessage());
    }
    return DeleteControl.noFinalizerRemoval().rescheduleAfter(deletion.next());
  }

  /** Holds the deletion, with the change waiting for approval in the status, until approved. */
  private DeleteControl awaitingApproval(
      R resource, S status, StatusWriter<R, S> writes, Outcome held) {
    long generation = StatusConditions.generation(resource);
    status.observedGeneration = generation;
    StatusConditions.apply(status, generation, held, kind.services.clock().instant());
    writes.write(status);
    return DeleteControl.noFinalizerRemoval()
        .rescheduleAfter(kind.services.settings().resyncInterval());
  }

  private DeleteControl orphanOrWait(R resource, String remote, String why) {
    ControllerServices services = kind.services;
    Instant deletedAt = Instant.parse(resource.getMetadata().getDeletionTimestamp());
    if (services.clock().instant().isAfter(deletedAt.plus(services.settings().orphanAfter()))) {
      services.orphaned(
          resource,
          remote
              + " is left in Kinsta: it could not be deleted for "
              + services.settings().orphanAfter()
              + " ("
              + why
              + ")");
      return DeleteControl.defaultDelete();
    }
    return DeleteControl.noFinalizerRemoval()
        .rescheduleAfter(services.settings().maxPollInterval());
  }
}
