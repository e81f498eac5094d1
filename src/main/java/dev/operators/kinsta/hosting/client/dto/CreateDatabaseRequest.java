package dev.operators.kinsta.hosting.client.dto;

import org.jspecify.annotations.Nullable;

/** The body of {@code POST /databases}. */
public record CreateDatabaseRequest(
    String displayName,
    String type,
    String version,
    String clusterId,
    String resourceTypeId,
    String dbName,
    String dbPassword,
    @Nullable String dbUser,
    @Nullable String projectId,
    @Nullable Extensions extensions) {

  /** PostgreSQL extensions Sevalla installs at creation. */
  public record Extensions(
      @Nullable Boolean enableVector,
      @Nullable Boolean enablePostgis,
      @Nullable Boolean enableCron) {}

  @Override
  public String toString() {
    return "CreateDatabaseRequest[displayName=" + displayName + ", dbPassword=***]";
  }
}
