package dev.operators.kinsta.wordpress.client.dto;

/** {@code POST /sites/plain}: a new site without WordPress. */
public record CreatePlainSiteRequest(String company, String displayName, String region) {}
