package dev.operators.kinsta.hosting.client.dto;

import org.jspecify.annotations.Nullable;

/**
 * An entry of {@code GET /applications} or {@code GET /static-sites} (only applications carry
 * {@code updated_at} and {@code is_suspended}).
 */
public record ApplicationSummary(
    String id,
    String name,
    String displayName,
    @Nullable String status,
    @Nullable String updatedAt,
    @Nullable Boolean isSuspended) {}
