package dev.operators.kinsta.wordpress.client.dto;

import java.util.List;

/** {@code PUT /sites/{site_id}/environments}: push one environment onto another. */
public record PushEnvironmentRequest(
    String sourceEnvId,
    String targetEnvId,
    Boolean pushDb,
    Boolean pushFiles,
    Boolean runSearchAndReplace,
    String pushFilesOption,
    List<String> fileList) {}
