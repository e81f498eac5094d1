package dev.operators.kinsta.reconcile;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one cache of Secrets every controller reads: only Secrets labelled {@value #LABEL}, which the
 * operator adds to each Secret a resource names (credentials, passwords) the first time it reads
 * it, and to the Secrets it creates. Unrelated Secrets in the cluster are never listed nor held in
 * memory. A Secret not in the cache yet is read directly and labelled, after which its changes
 * reach the resources that name it.
 */
public final class SecretCache implements SecretLookup, AutoCloseable {
  public static final String LABEL = "kinsta.operators.dev/secret";
  public static final String LABEL_VALUE = "referenced";
  private static final Logger LOG = LoggerFactory.getLogger(SecretCache.class);

  private final KubernetesClient client;
  private final List<SharedIndexInformer<Secret>> informers = new ArrayList<>();
  private final List<Consumer<Secret>> listeners = new CopyOnWriteArrayList<>();

  private SecretCache(KubernetesClient client) {
    this.client = client;
  }

  /** Starts watching the labelled Secrets of {@code namespaces} (all when empty). */
  public static SecretCache start(KubernetesClient client, Set<String> namespaces) {
    SecretCache cache = new SecretCache(client);
    ResourceEventHandler<Secret> handler =
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(Secret secret) {
            cache.listeners.forEach(listener -> listener.accept(secret));
          }

          @Override
          public void onUpdate(Secret before, Secret after) {
            cache.listeners.forEach(listener -> listener.accept(after));
          }

          @Override
          public void onDelete(Secret secret, boolean finalStateUnknown) {
            cache.listeners.forEach(listener -> listener.accept(secret));
          }
        };
    if (namespaces.isEmpty()) {
      cache.informers.add(
          client.secrets().inAnyNamespace().withLabel(LABEL, LABEL_VALUE).inform(handler));
    } else {
      for (String namespace : namespaces) {
        cache.informers.add(
            client.secrets().inNamespace(namespace).withLabel(LABEL, LABEL_VALUE).inform(handler));
      }
    }
    return cache;
  }

  /** Told of every change to a cached Secret (added, changed, deleted). */
  public void onChange(Consumer<Secret> listener) {
    listeners.add(listener);
  }

  @Override
  public Optional<Secret> find(String namespace, String name) {
    for (SharedIndexInformer<Secret> informer : informers) {
      Secret cached = informer.getStore().getByKey(namespace + "/" + name);
      if (cached != null) {
        return Optional.of(cached);
      }
    }
    return readAndLabel(namespace, name);
  }

  /**
   * A Secret the cache does not hold: read once, and labelled so that the cache holds it from now
   * on. A Secret that cannot be labelled (no permission, a conflict) is still used as read.
   */
  private Optional<Secret> readAndLabel(String namespace, String name) {
    Secret secret;
    try {
      secret = client.secrets().inNamespace(namespace).withName(name).get();
    } catch (KubernetesClientException unreadable) {
      LOG.warn("cannot read Secret {}/{}: {}", namespace, name, unreadable.getMessage());
      return Optional.empty();
    }
    if (secret == null) {
      return Optional.empty();
    }
    try {
      client
          .secrets()
          .inNamespace(namespace)
          .withName(name)
          .patch(
              PatchContext.of(PatchType.JSON_MERGE),
              "{\"metadata\":{\"labels\":{\"" + LABEL + "\":\"" + LABEL_VALUE + "\"}}}");
    } catch (KubernetesClientException notLabelled) {
      LOG.warn(
          "cannot label Secret {}/{} for the operator's cache; it is read again each time: {}",
          namespace,
          name,
          notLabelled.getMessage());
    }
    return Optional.of(secret);
  }

  /** The label the operator's own Secrets are created with. */
  public static Map<String, String> label() {
    return Map.of(LABEL, LABEL_VALUE);
  }

  @Override
  public void close() {
    informers.forEach(SharedIndexInformer::close);
  }
}
