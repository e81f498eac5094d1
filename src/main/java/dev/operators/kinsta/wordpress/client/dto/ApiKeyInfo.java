package dev.operators.kinsta.wordpress.client.dto;

import java.time.Instant;
import java.util.Optional;

/**
 * {@code GET /validate}: the key's name, company and status; {@code expires_at} is epoch millis as
 * a string.
 */
public record ApiKeyInfo(String name, String company, String status, String expiresAt) {
  public Optional<Instant> expiry() {
    if (expiresAt == null || expiresAt.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.ofEpochMilli(Long.parseLong(expiresAt.strip())));
    } catch (NumberFormatException notMillis) {
      return Optional.of(Instant.parse(expiresAt.strip()));
    }
  }
}
