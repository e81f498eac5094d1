package dev.operators.kinsta.client.dto;

/**
 * {@code GET /applications/deployments/{id}}. {@code status} is free text (e.g. {@code success},
 * {@code failed}).
 */
public record Deployment(
    String id,
    String appId,
    String repoUrl,
    String branch,
    String commitSha,
    String commitMessage,
    String status,
    Long createdAt) {}
