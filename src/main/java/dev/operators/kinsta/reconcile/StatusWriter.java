package dev.operators.kinsta.reconcile;

import dev.operators.kinsta.api.v1alpha1.KinstaStatus;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import org.jspecify.annotations.Nullable;

/**
 * The status writes of one reconcile or deletion step. Each is a patch computed against what the
 * previous write left on the server, and put in the controller's cache at once: a reconcile
 * triggered before the informer catches up must see the operation just started, or it would start
 * it again. Nothing is written when the status did not change.
 */
final class StatusWriter<R extends CustomResource<?, S>, S extends KinstaStatus> {
  private final Context<R> context;
  private final Class<S> statusClass;
  private R written;
  private @Nullable S writtenStatus;

  StatusWriter(Context<R> context, R resource, @Nullable S status, Class<S> statusClass) {
    this.context = context;
    this.statusClass = statusClass;
    this.written = resource;
    this.writtenStatus = status;
  }

  void write(S status) {
    if (StatusJson.same(writtenStatus, status)) {
      return;
    }
    S snapshot = StatusJson.copy(status, statusClass);
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
