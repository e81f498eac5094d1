package dev.operators.kinsta.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Secrets a resource owns (a database's connection details): created with an owner reference, so
 * Kubernetes deletes them with the resource, and rewritten only when their data differs. Values are
 * never logged.
 */
public final class OwnedSecrets {
  public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
  public static final String MANAGED_BY = "kinsta-operator";

  private final KubernetesClient client;

  public OwnedSecrets(KubernetesClient client) {
    this.client = client;
  }

  /**
   * Makes the Secret hold exactly {@code data}, and answers its resourceVersion as it then stands.
   * Refuses to take over a Secret somebody else made: that is reported as {@link SecretConflict}.
   */
  public String ensure(
      HasMetadata owner, Optional<Secret> current, String name, Map<String, String> data)
      throws SecretConflict {
    Map<String, String> encoded = new LinkedHashMap<>();
    data.forEach(
        (key, value) -> {
          if (value != null) {
            encoded.put(
                key, Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
          }
        });
    String namespace = owner.getMetadata().getNamespace();
    if (current.isPresent()) {
      Secret existing = current.get();
      boolean ours = Owners.owns(owner, existing);
      if (!ours) {
        throw new SecretConflict(
            "Secret "
                + namespace
                + "/"
                + name
                + " exists and is not owned by this "
                + owner.getKind()
                + "; choose another connectionSecretName or delete it");
      }
      if (encoded.equals(existing.getData())) {
        return existing.getMetadata().getResourceVersion();
      }
      // From the cached copy: no read first.
      return client
          .secrets()
          .inNamespace(namespace)
          .withName(name)
          .patch(
              PatchContext.of(PatchType.JSON_MERGE), Owners.dataPatch(existing.getData(), encoded))
          .getMetadata()
          .getResourceVersion();
    }
    Secret secret =
        new SecretBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(namespace)
            .addToLabels(MANAGED_BY_LABEL, MANAGED_BY)
            .addToLabels(SecretCache.label())
            .withOwnerReferences(Owners.reference(owner))
            .endMetadata()
            .withType("Opaque")
            .withData(encoded)
            .build();
    return client
        .secrets()
        .inNamespace(namespace)
        .resource(secret)
        .create()
        .getMetadata()
        .getResourceVersion();
  }

  /** A Secret with the wanted name exists and belongs to somebody else. */
  public static final class SecretConflict extends Exception {
    private static final long serialVersionUID = 1L;

    SecretConflict(String message) {
      super(message);
    }

    /** Which Secret is in the way and why; never null. */
    @Override
    public String getMessage() {
      return String.valueOf(super.getMessage());
    }
  }
}
