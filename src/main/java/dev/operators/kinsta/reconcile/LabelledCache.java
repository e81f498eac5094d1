package dev.operators.kinsta.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cache of the objects of one core kind (Secrets, ConfigMaps) that resources name: only those
 * carrying the cache's label, which the operator adds the first time it reads one. Unrelated
 * objects in the cluster are never listed nor held in memory. One not in the cache yet is read
 * directly and labelled, after which its changes reach the resources that name it.
 */
public class LabelledCache<T extends HasMetadata> implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LabelledCache.class);

  private final String kind;
  private final String label;
  private final String labelValue;
  private final Function<KubernetesClient, MixedOperation<T, ?, Resource<T>>> objects;
  private final KubernetesClient client;
  private final List<SharedIndexInformer<T>> informers = new ArrayList<>();
  private final List<Consumer<T>> listeners = new CopyOnWriteArrayList<>();

  protected LabelledCache(
      KubernetesClient client,
      String kind,
      String label,
      String labelValue,
      Function<KubernetesClient, MixedOperation<T, ?, Resource<T>>> objects) {
    this.client = client;
    this.kind = kind;
    this.label = label;
    this.labelValue = labelValue;
    this.objects = objects;
  }

  /** Starts watching the labelled objects of {@code namespaces} (all when empty). */
  protected final void start(Set<String> namespaces) {
    ResourceEventHandler<T> handler =
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(T object) {
            listeners.forEach(listener -> listener.accept(object));
          }

          @Override
          public void onUpdate(T before, T after) {
            listeners.forEach(listener -> listener.accept(after));
          }

          @Override
          public void onDelete(T object, boolean finalStateUnknown) {
            listeners.forEach(listener -> listener.accept(object));
          }
        };
    MixedOperation<T, ?, Resource<T>> all = objects.apply(client);
    if (namespaces.isEmpty()) {
      informers.add(all.inAnyNamespace().withLabel(label, labelValue).inform(handler));
    } else {
      for (String namespace : namespaces) {
        informers.add(all.inNamespace(namespace).withLabel(label, labelValue).inform(handler));
      }
    }
  }

  /** Told of every change to a cached object (added, changed, deleted). */
  public void onChange(Consumer<T> listener) {
    listeners.add(listener);
  }

  /** The object, from the cache or else read (and labelled so the cache holds it from now on). */
  public Optional<T> find(String namespace, String name) {
    for (SharedIndexInformer<T> informer : informers) {
      T cached = informer.getStore().getByKey(namespace + "/" + name);
      if (cached != null) {
        return Optional.of(cached);
      }
    }
    return readAndLabel(namespace, name);
  }

  /** One that cannot be labelled (no permission, a conflict) is still used as read. */
  private Optional<T> readAndLabel(String namespace, String name) {
    Resource<T> object = objects.apply(client).inNamespace(namespace).withName(name);
    T found;
    try {
      found = object.get();
    } catch (KubernetesClientException unreadable) {
      LOG.warn("cannot read {} {}/{}: {}", kind, namespace, name, unreadable.getMessage());
      return Optional.empty();
    }
    if (found == null) {
      return Optional.empty();
    }
    try {
      object.patch(
          PatchContext.of(PatchType.JSON_MERGE),
          "{\"metadata\":{\"labels\":{\"" + label + "\":\"" + labelValue + "\"}}}");
    } catch (KubernetesClientException notLabelled) {
      LOG.warn(
          "cannot label {} {}/{} for the operator's cache; it is read again each time: {}",
          kind,
          namespace,
          name,
          notLabelled.getMessage());
    }
    return Optional.of(found);
  }

  /** The label the cache holds. */
  public final Map<String, String> cacheLabel() {
    return Map.of(label, labelValue);
  }

  @Override
  public void close() {
    informers.forEach(SharedIndexInformer::close);
  }

  /** Keeps the type parameter of a list operation out of the callers' way. */
  @SuppressWarnings("unchecked")
  static <T extends HasMetadata, L extends KubernetesResourceList<T>>
      MixedOperation<T, ?, Resource<T>> plain(MixedOperation<T, L, Resource<T>> operation) {
    return (MixedOperation<T, ?, Resource<T>>) (MixedOperation<T, ?, ?>) operation;
  }
}
