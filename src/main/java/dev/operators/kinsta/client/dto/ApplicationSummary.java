package dev.operators.kinsta.client.dto;

import org.jspecify.annotations.Nullable;

/**
 * An entry of {@code GET /applications} or {@code GET /static-sites}: what changes when the object
 * changes ({@code updated_at} where the list gives it).
 */
public record ApplicationSummary(
    String id,
    String name,
    String displayName,
    @Nullable String status,
    @Nullable String updatedAt) {}
