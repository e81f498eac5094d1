package dev.operators.kinsta.hosting.client.dto;

import org.jspecify.annotations.Nullable;

/** The body of {@code PATCH /applications/{id}}: the fields left null are not sent. */
public record ApplicationSettings(
    @Nullable String displayName,
    @Nullable String buildType,
    @Nullable String buildPath,
    @Nullable String dockerfilePath,
    @Nullable String dockerContext,
    @Nullable Boolean autoDeploy,
    @Nullable String defaultBranch,
    @Nullable Boolean hibernationEnabled,
    @Nullable Long hibernateAfterSeconds) {}
