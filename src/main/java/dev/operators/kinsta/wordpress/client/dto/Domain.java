package dev.operators.kinsta.wordpress.client.dto;

/** A domain of an environment as the site and environment listings show it. */
public record Domain(String id, String name, String type) {}
