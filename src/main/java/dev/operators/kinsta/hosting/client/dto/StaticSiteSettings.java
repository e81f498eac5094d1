package dev.operators.kinsta.hosting.client.dto;

import org.jspecify.annotations.Nullable;

/** The body of {@code PATCH /static-sites/{id}}: the fields left null are not sent. */
public record StaticSiteSettings(
    @Nullable String displayName,
    @Nullable Boolean autoDeploy,
    @Nullable String defaultBranch,
    @Nullable String installCommand,
    @Nullable String buildCommand,
    @Nullable String nodeVersion,
    @Nullable String rootDirectory,
    @Nullable String publishedDirectory,
    @Nullable String indexFile,
    @Nullable String errorFile) {}
