package dev.operators.kinsta.hosting.client.dto;

import org.jspecify.annotations.Nullable;

/** One line of {@code GET /applications/{id}/deployments/{deployment_id}/logs}. */
public record DeploymentLogLine(
    String message, @Nullable String severity, @Nullable String timestamp) {}
