package dev.operators.kinsta.hosting.client.dto;

import org.jspecify.annotations.Nullable;

/** A static site as {@code GET /static-sites/{id}} describes it. */
public record StaticSite(
    String id,
    String name,
    String displayName,
    @Nullable String status,
    @Nullable String source,
    @Nullable String repoUrl,
    @Nullable String defaultBranch,
    @Nullable Boolean autoDeploy,
    @Nullable String gitType,
    @Nullable String hostname,
    @Nullable String installCommand,
    @Nullable String buildCommand,
    @Nullable String publishedDirectory,
    @Nullable String rootDirectory,
    @Nullable String nodeVersion,
    @Nullable String indexFile,
    @Nullable String errorFile,
    @Nullable String projectId) {}
