package dev.operators.kinsta.hosting.client.dto;

import org.jspecify.annotations.Nullable;

/** A deployment of an application; {@code status} moves from waiting to a terminal state. */
public record Deployment(
    String id,
    @Nullable String appId,
    @Nullable String status,
    @Nullable String branch,
    @Nullable String dockerImageUrl,
    @Nullable String commitSha,
    @Nullable String commitMessage,
    @Nullable String startedAt,
    @Nullable String finishedAt,
    @Nullable String createdAt) {}
