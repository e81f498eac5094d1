package dev.operators.kinsta.wordpress.client.dto;

import org.jspecify.annotations.Nullable;

/** A user of the company; a backup restore names one to notify. */
public record CompanyUser(String id, String email, String fullName, @Nullable String image) {}
