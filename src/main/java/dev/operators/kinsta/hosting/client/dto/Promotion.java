package dev.operators.kinsta.hosting.client.dto;

/** One target of {@code POST /pipelines/{id}/promote}: the deployment Kinsta started on it. */
public record Promotion(String targetAppId, String deploymentId) {}
