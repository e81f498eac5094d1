package dev.operators.kinsta.reconcile;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import java.util.Set;

/**
 * The one cache of Secrets every controller reads: only Secrets labelled {@value #LABEL}, which the
 * operator adds to each Secret a resource names (credentials, passwords, environment variables) the
 * first time it reads it, and to the Secrets it creates.
 */
public final class SecretCache extends LabelledCache<Secret> implements SecretLookup {
  public static final String LABEL = "kinsta.operators.dev/secret";
  public static final String LABEL_VALUE = "referenced";

  private SecretCache(KubernetesClient client) {
    super(client, "Secret", LABEL, LABEL_VALUE, c -> plain(c.secrets()));
  }

  /** Starts watching the labelled Secrets of {@code namespaces} (all when empty). */
  public static SecretCache start(KubernetesClient client, Set<String> namespaces) {
    SecretCache cache = new SecretCache(client);
    cache.start(namespaces);
    return cache;
  }

  /** The label the operator's own Secrets are created with. */
  public static Map<String, String> label() {
    return Map.of(LABEL, LABEL_VALUE);
  }
}
