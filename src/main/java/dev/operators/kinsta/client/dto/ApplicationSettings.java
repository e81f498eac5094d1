package dev.operators.kinsta.client.dto;

/**
 * {@code PUT /applications/{id}} body, and the settings part of its answer. Unset fields are left
 * alone.
 */
public record ApplicationSettings(
    String displayName,
    String buildType,
    String buildPath,
    String dockerFilePath,
    String dockerContext,
    Boolean autoDeploy,
    String defaultBranch,
    Boolean hibernationEnabled,
    Long hibernateAfterSeconds) {}
