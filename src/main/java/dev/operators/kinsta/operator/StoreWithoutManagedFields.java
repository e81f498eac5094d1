package dev.operators.kinsta.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;

/**
 * An informer's store that drops each object's {@code metadata.managedFields} as it comes in: the
 * server-side apply bookkeeping of every field manager, which the operator never reads and which is
 * the largest part of a cached KinstaSite.
 */
final class StoreWithoutManagedFields<R extends HasMetadata> extends BasicItemStore<R> {
  StoreWithoutManagedFields() {
    super(Cache::metaNamespaceKeyFunc);
  }

  @Override
  public R put(String key, R object) {
    if (object.getMetadata() != null) {
      object.getMetadata().setManagedFields(null);
    }
    return super.put(key, object);
  }
}
