package dev.operators.kinsta.wordpress.client.dto;

/** A data-centre region a company may create sites in, e.g. {@code us-central1}. */
public record Region(String name, String region) {}
