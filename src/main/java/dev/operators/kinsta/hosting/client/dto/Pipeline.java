package dev.operators.kinsta.hosting.client.dto;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A pipeline of {@code GET /pipelines} or {@code GET /pipelines/{id}}; only the latter carries the
 * project and each stage's branch and preview settings.
 */
public record Pipeline(
    String id,
    String displayName,
    String type,
    @Nullable String projectId,
    List<PipelineStage> stages,
    @Nullable String updatedAt) {}
