package dev.operators.kinsta.hosting.client.dto;

import org.jspecify.annotations.Nullable;

/**
 * A database as {@code GET /databases/{id}} describes it. Sevalla never returns a password: the
 * operator keeps the one it set.
 */
public record Database(
    String id,
    String name,
    String displayName,
    @Nullable String status,
    @Nullable String type,
    @Nullable String version,
    @Nullable Boolean isSuspended,
    @Nullable String clusterId,
    @Nullable String clusterLocation,
    @Nullable String resourceTypeId,
    @Nullable String resourceTypeName,
    @Nullable String dbName,
    @Nullable String internalHostname,
    @Nullable Integer internalPort,
    @Nullable String externalHostname,
    @Nullable Integer externalPort,
    @Nullable String createdAt) {

  public boolean isReady() {
    return "ready".equals(status);
  }
}
