package dev.operators.kinsta.wordpress.client.dto;

import java.util.List;

/**
 * An entry of the company's activity log ({@code GET /company/{id}/activity-logs}): what was done
 * ({@code type}, {@code descriptions}), on which site, when ({@code createdAt}, epoch millis), and
 * by whom: a user in MyKinsta ({@code initiatedBy}) or an API key ({@code apiKeyInfo}).
 */
public record ActivityEntry(
    long id,
    String siteId,
    long createdAt,
    boolean isDone,
    boolean hasFailed,
    String type,
    String publicError,
    InitiatedBy initiatedBy,
    ApiKeyRef apiKeyInfo,
    List<String> descriptions) {

  /** The user who did it. */
  public record InitiatedBy(String id, String role, String fullName) {}

  /** The API key it came through. */
  public record ApiKeyRef(String id, String name) {}
}
