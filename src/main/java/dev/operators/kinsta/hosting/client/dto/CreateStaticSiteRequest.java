package dev.operators.kinsta.hosting.client.dto;

import org.jspecify.annotations.Nullable;

/** The body of {@code POST /static-sites}; Sevalla deploys the new site at once. */
public record CreateStaticSiteRequest(
    String displayName,
    String repoUrl,
    String defaultBranch,
    String source,
    @Nullable String gitType,
    @Nullable Boolean autoDeploy,
    @Nullable String installCommand,
    @Nullable String buildCommand,
    @Nullable String publishedDirectory,
    @Nullable String rootDirectory,
    @Nullable String nodeVersion,
    @Nullable String indexFile,
    @Nullable String errorFile,
    @Nullable String projectId) {}
