package dev.operators.kinsta.reconcile;

import dev.operators.kinsta.api.v1alpha1.KinstaStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.jspecify.annotations.Nullable;

/** Sees the status of every resource after each reconcile, and its removal, for metrics. */
public interface ResourceObserver {
  ResourceObserver NONE =
      new ResourceObserver() {
        @Override
        public void observed(HasMetadata resource, @Nullable KinstaStatus status) {}

        @Override
        public void forgotten(HasMetadata resource) {}
      };

  void observed(HasMetadata resource, @Nullable KinstaStatus status);

  void forgotten(HasMetadata resource);

  /** The resource went while its Kinsta object, which it should have deleted, stays. */
  default void orphaned(HasMetadata resource) {}

  /** The operator put back a field someone changed in Kinsta. */
  default void driftCorrected(HasMetadata resource) {}
}
