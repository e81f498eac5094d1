package dev.operators.kinsta.reconcile;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Set;

/**
 * The one cache of ConfigMaps every controller reads: only those labelled {@value #LABEL}, which
 * the operator adds to each ConfigMap a resource takes environment variables from the first time it
 * reads it.
 */
public final class ConfigMapCache extends LabelledCache<ConfigMap> {
  public static final String LABEL = "kinsta.operators.dev/config";
  public static final String LABEL_VALUE = "referenced";

  private ConfigMapCache(KubernetesClient client) {
    super(client, "ConfigMap", LABEL, LABEL_VALUE, c -> plain(c.configMaps()));
  }

  /** Starts watching the labelled ConfigMaps of {@code namespaces} (all when empty). */
  public static ConfigMapCache start(KubernetesClient client, Set<String> namespaces) {
    ConfigMapCache cache = new ConfigMapCache(client);
    cache.start(namespaces);
    return cache;
  }
}
