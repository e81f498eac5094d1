package dev.operators.kinsta.wordpress.client.dto;

import org.jspecify.annotations.Nullable;

/**
 * A redirect rule of an environment ({@code /sites/environments/{env_id}/redirect-rules}): from a
 * path (on one domain, or all when {@code domain} is null) to a target, {@code permanent} (301) or
 * {@code redirect} (302). Kinsta gives rules no id: a rule is all of its fields.
 */
public record RedirectRule(@Nullable String domain, String from, String to, String type) {}
