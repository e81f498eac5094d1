package dev.operators.kinsta.transport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A Kinsta API key. Its text is reachable only through {@link #bearerToken()}, so it cannot reach a
 * log line, an exception message or a status field by accident: {@link #toString()} shows a short
 * fingerprint instead.
 */
public final class ApiKey {
  private final String value;
  private final String fingerprint;

  private ApiKey(String value) {
    this.value = value;
    this.fingerprint = sha256(value).substring(0, 12);
  }

  public static ApiKey of(String value) {
    Objects.requireNonNull(value, "apiKey");
    String trimmed = value.strip();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException("API key is empty");
    }
    return new ApiKey(trimmed);
  }

  /** The key itself, for the Authorization header only. */
  String bearerToken() {
    return value;
  }

  /**
   * A one-way digest prefix that identifies the key without revealing it (safe for logs and cache
   * keys).
   */
  public String fingerprint() {
    return fingerprint;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof ApiKey key
        && MessageDigest.isEqual(
            key.value.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return fingerprint.hashCode();
  }

  @Override
  public String toString() {
    return "ApiKey[" + fingerprint + "]";
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
