package dev.operators.kinsta.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Each controller's cache of its own resources, readable by the other controllers: a controller
 * that needs another kind (an action its KinstaSite) reads it here instead of holding a second copy
 * of every object of that kind.
 */
public final class PrimaryCaches {
  private final Map<Class<?>, IndexedResourceCache<?>> byKind = new ConcurrentHashMap<>();

  <R extends HasMetadata> void publish(Class<R> kind, IndexedResourceCache<R> cache) {
    byKind.put(kind, cache);
  }

  /** Every resource of the kind its controller holds; empty while that controller is starting. */
  public <R extends HasMetadata> Stream<R> all(Class<R> kind) {
    IndexedResourceCache<?> cache = byKind.get(kind);
    return cache == null ? Stream.empty() : cache.list().map(kind::cast);
  }

  /** The resource as its controller last saw it; empty too while that controller is starting. */
  public <R extends HasMetadata> Optional<R> get(Class<R> kind, String namespace, String name) {
    IndexedResourceCache<?> cache = byKind.get(kind);
    return cache == null
        ? Optional.empty()
        : cache.get(new ResourceID(name, namespace)).map(kind::cast);
  }
}
