package dev.operators.kinsta.client.dto;

/** An application as {@code GET /applications} lists it. */
public record ApplicationSummary(String id, String name, String displayName, String status) {}
