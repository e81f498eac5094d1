package dev.operators.kinsta.reconcile;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.Map;
import java.util.Objects;

/**
 * ConfigMaps a resource writes and owns (a company's export): created with an owner reference, so
 * Kubernetes deletes them with the resource, rewritten only when their data differs, and never
 * taken over from somebody else.
 */
public final class OwnedConfigMaps {
  private final KubernetesClient client;

  public OwnedConfigMaps(KubernetesClient client) {
    this.client = client;
  }

  /**
   * Makes the ConfigMap hold exactly {@code data}; throws {@link NotOurs} when one of that name
   * exists and belongs to somebody else.
   */
  public void ensure(HasMetadata owner, String name, Map<String, String> data) throws NotOurs {
    String namespace = owner.getMetadata().getNamespace();
    ConfigMap existing = client.configMaps().inNamespace(namespace).withName(name).get();
    if (existing == null) {
      client
          .configMaps()
          .inNamespace(namespace)
          .resource(
              new ConfigMapBuilder()
                  .withNewMetadata()
                  .withName(name)
                  .withNamespace(namespace)
                  .addToLabels(OwnedSecrets.MANAGED_BY_LABEL, OwnedSecrets.MANAGED_BY)
                  .withOwnerReferences(Owners.reference(owner))
                  .endMetadata()
                  .withData(data)
                  .build())
          .create();
      return;
    }
    boolean ours = Owners.owns(owner, existing);
    if (!ours) {
      throw new NotOurs(
          "ConfigMap "
              + namespace
              + "/"
              + name
              + " exists and is not owned by this "
              + owner.getKind()
              + "; choose another name or delete it");
    }
    Map<String, String> current = existing.getData() == null ? Map.of() : existing.getData();
    if (Objects.equals(current, data)) {
      return;
    }
    client
        .configMaps()
        .inNamespace(namespace)
        .withName(name)
        .patch(PatchContext.of(PatchType.JSON_MERGE), Owners.dataPatch(current, data));
  }

  /** A ConfigMap with the wanted name exists and belongs to somebody else. */
  public static final class NotOurs extends Exception {
    private static final long serialVersionUID = 1L;

    NotOurs(String message) {
      super(message);
    }

    @Override
    public String getMessage() {
      return String.valueOf(super.getMessage());
    }
  }
}
