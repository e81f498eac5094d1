package dev.operators.kinsta.hosting.client.dto;

import org.jspecify.annotations.Nullable;

/** A Docker registry credential of {@code GET /docker-registries} (the secret is never read). */
public record RegistryCredential(
    String id, String name, @Nullable String registry, @Nullable String username) {}
