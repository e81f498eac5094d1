package dev.operators.kinsta.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;

/** The owner reference of what a resource writes, and whether an object carries it. */
final class Owners {
  private Owners() {}

  /** Controlled by {@code owner}, so Kubernetes deletes it with the resource. */
  static OwnerReference reference(HasMetadata owner) {
    return new OwnerReferenceBuilder()
        .withApiVersion(owner.getApiVersion())
        .withKind(owner.getKind())
        .withName(owner.getMetadata().getName())
        .withUid(owner.getMetadata().getUid())
        .withController(true)
        .withBlockOwnerDeletion(false)
        .build();
  }

  /** Whether {@code object} was made by {@code owner}. */
  static boolean owns(HasMetadata owner, HasMetadata object) {
    return object.getMetadata().getOwnerReferences().stream()
        .anyMatch(ref -> owner.getMetadata().getUid().equals(ref.getUid()));
  }
}
