package dev.operators.kinsta.hosting.client.dto;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /applications}: a Git repository ({@code publicGit}, {@code privateGit})
 * or a Docker image ({@code dockerImage}) on a cluster.
 */
public record CreateApplicationRequest(
    String displayName,
    String clusterId,
    String source,
    @Nullable String projectId,
    @Nullable String gitType,
    @Nullable String repoUrl,
    @Nullable String defaultBranch,
    @Nullable String dockerImage,
    @Nullable String dockerRegistryCredentialId) {}
