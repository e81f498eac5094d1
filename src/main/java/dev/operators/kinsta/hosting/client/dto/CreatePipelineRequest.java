package dev.operators.kinsta.hosting.client.dto;

import org.jspecify.annotations.Nullable;

/** {@code POST /pipelines}: {@code type} is {@code trunk} or {@code branch}. */
public record CreatePipelineRequest(String displayName, String type, @Nullable String projectId) {}
