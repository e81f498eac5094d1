package dev.operators.kinsta.hosting.client.dto;

import org.jspecify.annotations.Nullable;

/**
 * An application as {@code GET /applications/{id}} describes it: its source, build settings and
 * state. Deployments, processes and connections are sub-collections of their own.
 */
public record Application(
    String id,
    String name,
    String displayName,
    @Nullable String status,
    @Nullable String source,
    @Nullable String gitType,
    @Nullable String repoUrl,
    @Nullable String defaultBranch,
    @Nullable String dockerImage,
    @Nullable String clusterId,
    @Nullable String projectId,
    @Nullable Boolean autoDeploy,
    @Nullable Boolean hibernationEnabled,
    @Nullable Long hibernateAfterSeconds,
    @Nullable String buildType,
    @Nullable String buildPath,
    @Nullable String dockerfilePath,
    @Nullable String dockerContext,
    @Nullable Boolean isSuspended,
    @Nullable String createdAt,
    @Nullable String updatedAt) {}
