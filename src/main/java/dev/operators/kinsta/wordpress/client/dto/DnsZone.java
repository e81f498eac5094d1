package dev.operators.kinsta.wordpress.client.dto;

import org.jspecify.annotations.Nullable;

/**
 * A domain in Kinsta DNS, from {@code GET /domains}: its zone's id, name, the site it belongs to
 * (if any) and whether it is active.
 */
public record DnsZone(String id, String name, @Nullable String siteId, Boolean isActive) {}
