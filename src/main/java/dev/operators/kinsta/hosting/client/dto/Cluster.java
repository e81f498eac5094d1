package dev.operators.kinsta.hosting.client.dto;

import org.jspecify.annotations.Nullable;

/** A data centre of {@code GET /resources/clusters}; {@code location} is its region code. */
public record Cluster(String id, String name, @Nullable String displayName, String location) {}
