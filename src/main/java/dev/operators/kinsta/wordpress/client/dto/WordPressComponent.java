package dev.operators.kinsta.wordpress.client.dto;

/** A plugin or theme of an environment, with its available update if any. */
public record WordPressComponent(
    String name,
    String title,
    String status,
    String version,
    String update,
    String updateVersion,
    String updateStatus) {}
