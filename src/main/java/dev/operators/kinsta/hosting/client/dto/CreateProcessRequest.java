package dev.operators.kinsta.hosting.client.dto;

import org.jspecify.annotations.Nullable;

/** {@code POST /applications/{id}/processes}; null fields are not sent. */
public record CreateProcessRequest(
    String displayName,
    String type,
    String resourceTypeId,
    ScalingStrategy scalingStrategy,
    @Nullable String entrypoint,
    @Nullable Integer port,
    @Nullable String schedule,
    @Nullable String timeZone,
    @Nullable String jobStartPolicy,
    @Nullable ProcessProbe livenessProbe,
    @Nullable ProcessProbe readinessProbe) {}
