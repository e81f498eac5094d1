package dev.operators.kinsta.wordpress.client.dto;

/**
 * An API key of the company as {@code GET /company/{id}/api-keys} lists it (never the key itself);
 * {@code expiresAt} is an ISO date-time, or null when it never expires.
 */
public record CompanyApiKey(String id, String name, String status, String expiresAt) {}
