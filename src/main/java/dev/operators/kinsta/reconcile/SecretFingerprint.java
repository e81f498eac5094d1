package dev.operators.kinsta.reconcile;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a Secret holds, as a short fingerprint that changes when its data changes and only then: the
 * operator's own labels and finalizers change a Secret's resourceVersion, and a resource must not
 * take that for a new password or key (a stalled resource would run again, a password would be
 * reset again). A keyed hash with a key that never leaves this process, so that a fingerprint in a
 * status reveals nothing about a weak password; a restart changes every fingerprint once, which
 * costs at most one more look per resource.
 */
public final class SecretFingerprint {
  private static final byte[] KEY = new byte[32];

  static {
    new SecureRandom().nextBytes(KEY);
  }

  private SecretFingerprint() {}

  public static String of(Secret secret) {
    Map<String, String> data = new TreeMap<>();
    if (secret.getData() != null) {
      data.putAll(secret.getData());
    }
    if (secret.getStringData() != null) {
      secret.getStringData().forEach((key, value) -> data.put("string:" + key, value));
    }
    return of(data);
  }

  /** A ConfigMap's data, the same way (its values may be as private as a Secret's). */
  public static String of(ConfigMap configMap) {
    Map<String, String> data = new TreeMap<>();
    if (configMap.getData() != null) {
      data.putAll(configMap.getData());
    }
    if (configMap.getBinaryData() != null) {
      configMap.getBinaryData().forEach((key, value) -> data.put("binary:" + key, value));
    }
    return of(data);
  }

  private static String of(Map<String, String> data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
      data.forEach(
          (key, value) -> {
            mac.update(key.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
          });
      return HexFormat.of().formatHex(mac.doFinal(), 0, 8);
    } catch (GeneralSecurityException unavailable) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", unavailable);
    }
  }
}
