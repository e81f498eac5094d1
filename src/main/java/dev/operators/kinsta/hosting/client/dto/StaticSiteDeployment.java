package dev.operators.kinsta.hosting.client.dto;

import org.jspecify.annotations.Nullable;

/** A deployment of a static site; {@code build_error} says why a failed one failed. */
public record StaticSiteDeployment(
    String id,
    @Nullable String status,
    @Nullable String branch,
    @Nullable String commitSha,
    @Nullable String commitMessage,
    @Nullable String buildError,
    @Nullable String createdAt) {}
