package dev.operators.kinsta.wordpress.client.dto;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code PUT /sites/{site_id}/environments}: push one environment onto another. */
public record PushEnvironmentRequest(
    String sourceEnvId,
    String targetEnvId,
    @Nullable Boolean pushDb,
    @Nullable Boolean pushFiles,
    @Nullable Boolean runSearchAndReplace,
    String pushFilesOption,
    @Nullable List<String> fileList) {}
