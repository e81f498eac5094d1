package dev.operators.kinsta.client.dto;

import java.util.List;

/**
 * A database with its connection details. {@code data} and {@code externalConnectionString} hold
 * the password, so {@link #toString()} leaves them out.
 */
public record Database(
    String id,
    String name,
    String displayName,
    String status,
    Long createdAt,
    String type,
    String version,
    String resourceTypeName,
    Cluster cluster,
    String internalHostname,
    Integer internalPort,
    String externalHostname,
    Integer externalPort,
    String externalConnectionString,
    Credentials data,
    List<InternalConnectionRef> internalConnections) {

  public record Cluster(String id, String location, String displayName) {}

  /** The database's own credentials as Kinsta reports them. */
  public record Credentials(
      String dbName, String dbPassword, String dbRootPassword, String dbUser) {
    @Override
    public String toString() {
      return "Credentials[dbName=" + dbName + ", dbUser=" + dbUser + ", dbPassword=***]";
    }
  }

  public record InternalConnectionRef(String id, String type) {}

  public boolean isReady() {
    return "ready".equalsIgnoreCase(status);
  }

  public List<InternalConnectionRef> internalConnectionsOrEmpty() {
    return internalConnections == null ? List.of() : internalConnections;
  }

  @Override
  public String toString() {
    return "Database[id="
        + id
        + ", name="
        + name
        + ", displayName="
        + displayName
        + ", status="
        + status
        + ", type="
        + type
        + ", version="
        + version
        + ", resourceTypeName="
        + resourceTypeName
        + "]";
  }
}
