package dev.operators.kinsta.hosting.client.dto;

import org.jspecify.annotations.Nullable;

/**
 * {@code POST /pipelines/{id}/preview/enable} and {@code PUT /pipelines/{id}/preview}; null fields
 * are not sent.
 */
public record PreviewSettings(
    @Nullable String repoUrl,
    @Nullable Boolean autoCreateApp,
    @Nullable Boolean deleteStaleApps,
    @Nullable Integer staleAppDays) {}
