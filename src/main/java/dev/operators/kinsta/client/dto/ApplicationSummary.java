package dev.operators.kinsta.client.dto;

import org.jspecify.annotations.Nullable;

/** An entry of {@code GET /applications} or {@code GET /static-sites}. */
public record ApplicationSummary(
    String id, String name, String displayName, @Nullable String status) {}
