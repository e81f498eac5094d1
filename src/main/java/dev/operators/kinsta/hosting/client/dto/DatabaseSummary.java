package dev.operators.kinsta.hosting.client.dto;

import org.jspecify.annotations.Nullable;

/** An entry of {@code GET /databases}. */
public record DatabaseSummary(
    String id,
    String name,
    String displayName,
    @Nullable String status,
    @Nullable String type,
    @Nullable String version,
    @Nullable String resourceTypeName) {}
