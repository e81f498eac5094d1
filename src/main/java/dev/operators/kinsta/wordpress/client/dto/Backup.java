package dev.operators.kinsta.wordpress.client.dto;

/** A backup of an environment; Kinsta backup ids are numbers. */
public record Backup(long id, String name, String note, String type, Long createdAt) {}
