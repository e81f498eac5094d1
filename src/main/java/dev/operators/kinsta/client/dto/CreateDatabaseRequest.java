package dev.operators.kinsta.client.dto;

/** {@code POST /databases}. {@code dbUser} is left out for Redis. */
public record CreateDatabaseRequest(
    String companyId,
    String location,
    String resourceType,
    String displayName,
    String dbName,
    String dbPassword,
    String dbUser,
    String type,
    String version) {

  @Override
  public String toString() {
    return "CreateDatabaseRequest[displayName="
        + displayName
        + ", type="
        + type
        + ", version="
        + version
        + ", location="
        + location
        + ", resourceType="
        + resourceType
        + ", dbName="
        + dbName
        + ", dbUser="
        + dbUser
        + ", dbPassword=***]";
  }
}
