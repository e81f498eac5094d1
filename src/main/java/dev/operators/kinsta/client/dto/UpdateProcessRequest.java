package dev.operators.kinsta.client.dto;

/** {@code PUT /applications/processes/{id}}. */
public record UpdateProcessRequest(ScalingStrategy scalingStrategy, String entrypoint) {}
