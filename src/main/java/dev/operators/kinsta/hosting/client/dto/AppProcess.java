package dev.operators.kinsta.hosting.client.dto;

import org.jspecify.annotations.Nullable;

/** A process of an application ({@code web}, a worker, a cron job) with its internal address. */
public record AppProcess(
    String id,
    @Nullable String appId,
    String key,
    @Nullable String type,
    @Nullable String displayName,
    @Nullable ScalingStrategy scalingStrategy,
    @Nullable String resourceTypeName,
    @Nullable String entrypoint,
    @Nullable String internalHostname,
    @Nullable Integer port,
    @Nullable String resourceTypeId,
    @Nullable String schedule,
    @Nullable String timeZone,
    @Nullable String jobStartPolicy,
    @Nullable ProcessProbe livenessProbe,
    @Nullable ProcessProbe readinessProbe,
    @Nullable Boolean isIngressEnabled,
    @Nullable String ingressProtocol) {}
