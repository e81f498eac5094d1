package dev.operators.kinsta.hosting.client.dto;

/** A project of {@code GET /projects}. */
public record Project(String id, String name, String displayName) {}
