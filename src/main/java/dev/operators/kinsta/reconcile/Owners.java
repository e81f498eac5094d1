package dev.operators.kinsta.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The owner reference of what a resource writes, whether an object carries it, and the patch that
 * makes an owned object's data what the resource wants.
 */
final class Owners {
  private Owners() {}

  /** Controlled by {@code owner}, so Kubernetes deletes it with the resource. */
  static OwnerReference reference(HasMetadata owner) {
    return new OwnerReferenceBuilder()
        .withApiVersion(owner.getApiVersion())
        .withKind(owner.getKind())
        .withName(owner.getMetadata().getName())
        .withUid(owner.getMetadata().getUid())
        .withController(true)
        .withBlockOwnerDeletion(false)
        .build();
  }

  /** Whether {@code object} was made by {@code owner}. */
  static boolean owns(HasMetadata owner, HasMetadata object) {
    return object.getMetadata().getOwnerReferences().stream()
        .anyMatch(ref -> owner.getMetadata().getUid().equals(ref.getUid()));
  }

  /**
   * A JSON merge patch that leaves {@code data} exactly {@code wanted}: keys that went away are
   * removed (null), the rest set. Made from the copy at hand, with no read first.
   */
  static String dataPatch(@Nullable Map<String, String> current, Map<String, String> wanted) {
    Map<String, @Nullable String> patch = new LinkedHashMap<>();
    if (current != null) {
      current.keySet().forEach(key -> patch.put(key, null));
    }
    patch.putAll(wanted);
    return Serialization.asJson(Map.of("data", patch));
  }
}
