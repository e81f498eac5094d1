package dev.operators.kinsta.wordpress.client.dto;

/** {@code POST /sites/clone}: a new site copied from an existing environment. */
public record CloneSiteRequest(String company, String displayName, String sourceEnvId) {}
