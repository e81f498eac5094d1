package dev.operators.kinsta.wordpress.client.dto;

/** A domain from {@code GET /sites/environments/{env_id}/domains}. */
public record SiteDomain(String id, String name, Boolean usesCloudflareDns) {}
