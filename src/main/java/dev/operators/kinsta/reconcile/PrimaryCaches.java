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
  /**
   * The index a kind that stands for a Kinsta object keeps on its cache: the id of the object each
   * resource manages or is told to adopt ({@link KinstaObjectReconciler#kinstaId}).
   */
  static final String KINSTA_ID_INDEX = "kinsta.operators.dev/kinsta-id";

  private final Map<Class<?>, IndexedResourceCache<?>> byKind = new ConcurrentHashMap<>();

  <R extends HasMetadata> void publish(Class<R> kind, IndexedResourceCache<R> cache) {
    byKind.put(kind, cache);
  }

  /** Every resource of the kind its controller holds; empty while that controller is starting. */
  public <R extends HasMetadata> Stream<R> all(Class<R> kind) {
    IndexedResourceCache<?> cache = byKind.get(kind);
    return cache == null ? Stream.empty() : cache.list().map(kind::cast);
  }

  /**
   * Whether a resource of the kind, in any watched namespace, manages the Kinsta object or is told
   * to adopt it; false while that controller is starting. For kinds that stand for a Kinsta object.
   */
  public <R extends HasMetadata> boolean manage(Class<R> kind, String kinstaId) {
    IndexedResourceCache<?> cache = byKind.get(kind);
    return cache != null && !cache.byIndex(KINSTA_ID_INDEX, kinstaId).isEmpty();
  }

  /** The resource as its controller last saw it; empty too while that controller is starting. */
  public <R extends HasMetadata> Optional<R> get(Class<R> kind, String namespace, String name) {
    IndexedResourceCache<?> cache = byKind.get(kind);
    return cache == null
        ? Optional.empty()
        : cache.get(new ResourceID(name, namespace)).map(kind::cast);
  }
}
