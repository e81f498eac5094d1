package dev.operators.kinsta.hosting.client.dto;

/** A size of {@code GET /resources/database-resource-types} (e.g. {@code db1}). */
public record ResourceType(String id, String name) {}
