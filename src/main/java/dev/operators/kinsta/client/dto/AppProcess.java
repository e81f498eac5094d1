package dev.operators.kinsta.client.dto;

/** A process of an application ({@code web}, a worker, a cron job) with its internal address. */
public record AppProcess(
    String id,
    String appId,
    String type,
    String displayName,
    ScalingStrategy scalingStrategy,
    String resourceTypeName,
    String entrypoint,
    String internalHostname,
    Integer internalPort) {}
