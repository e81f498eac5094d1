package dev.operators.kinsta.reconcile;

import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** Reads Secrets of a namespace, normally from the controller's Secret informer cache. */
@FunctionalInterface
public interface SecretLookup {
  Optional<Secret> find(String namespace, String name);

  /** A value of a Secret's {@code data} (base64-decoded) or, failing that, {@code stringData}. */
  static Optional<String> value(Secret secret, String key) {
    Map<String, String> data = secret.getData();
    if (data != null && data.get(key) != null) {
      return Optional.of(
          new String(Base64.getDecoder().decode(data.get(key).strip()), StandardCharsets.UTF_8));
    }
    Map<String, String> stringData = secret.getStringData();
    return stringData == null ? Optional.empty() : Optional.ofNullable(stringData.get(key));
  }
}
