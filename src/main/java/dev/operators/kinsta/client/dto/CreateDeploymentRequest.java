package dev.operators.kinsta.client.dto;

/**
 * {@code POST /applications/deployments}: build and release a branch or image, or restart without a
 * build.
 */
public record CreateDeploymentRequest(
    String appId, String branch, String dockerImage, Boolean isRestart) {}
