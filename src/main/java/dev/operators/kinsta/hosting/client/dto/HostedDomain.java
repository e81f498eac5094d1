package dev.operators.kinsta.hosting.client.dto;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A domain of an application or static site: Sevalla's own ({@code SYSTEM}) or a custom one, with
 * the DNS records it still needs and its verification state.
 */
public record HostedDomain(
    String id,
    String name,
    @Nullable String status,
    @Nullable String type,
    boolean isEnabled,
    boolean isWildcard,
    boolean isPrimary,
    @Nullable List<NeededRecord> dnsRecords,
    @Nullable Object errors) {

  /** A DNS record the domain needs. */
  public record NeededRecord(
      @Nullable String type, @Nullable String name, @Nullable String value) {}

  public boolean custom() {
    return !"SYSTEM".equalsIgnoreCase(type);
  }
}
