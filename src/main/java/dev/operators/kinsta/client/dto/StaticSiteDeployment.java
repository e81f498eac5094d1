package dev.operators.kinsta.client.dto;

/**
 * A deployment of a static site; {@code status} is waiting, inProgress, success, failed or
 * cancelled.
 */
public record StaticSiteDeployment(
    String id, String status, String branch, String commitMessage, Long createdAt) {}
