package dev.operators.kinsta.operator;

import dev.operators.kinsta.api.v1alpha1.LenientReading;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.api.config.Cloner;

/**
 * JOSDK's copy of a resource before each reconcile, keeping what could not be read: the default
 * copy (write, then read) would turn an unreadable spec into an empty, readable one.
 */
final class MarkKeepingCloner implements Cloner {
  private final KubernetesSerialization serialization;

  MarkKeepingCloner(KubernetesSerialization serialization) {
    this.serialization = serialization;
  }

  @Override
  public <R extends HasMetadata> R clone(R object) {
    R copy = serialization.clone(object);
    if (object instanceof CustomResource<?, ?> original && copy instanceof CustomResource<?, ?> c) {
      LenientReading.carryMarks(original, c);
    }
    return copy;
  }
}
