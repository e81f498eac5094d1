package dev.operators.kinsta.client.dto;

/** A database as {@code GET /databases} lists it. */
public record DatabaseSummary(
    String id,
    String name,
    String displayName,
    String status,
    String type,
    String version,
    String resourceTypeName) {}
