package dev.operators.kinsta.hosting.client.dto;

/**
 * An entry of {@code GET /databases/{id}/internal-connections}: the database is the source or the
 * target; types are {@code appResource} or {@code dbResource}.
 */
public record InternalConnection(
    String id, String sourceId, String sourceType, String targetId, String targetType) {}
