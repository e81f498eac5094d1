package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** What a {@link KinstaDatabase} should be. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "has(self.adopt) || (has(self.type) && has(self.version) && has(self.location)"
            + " && has(self.size) && has(self.databaseName))",
    message = "type, version, location, size and databaseName are required unless adopt is set")
@ValidationRule(
    value = "!has(self.type) || self.type == 'redis' || has(self.adopt) || has(self.user)",
    message = "user is required for postgresql, mysql and mariadb",
    fieldPath = ".user")
@ValidationRule(
    value = "!has(self.type) || self.type != 'redis' || !has(self.user)",
    message = "redis has no user",
    fieldPath = ".user")
@ValidationRule(
    value = "has(self.adopt) == has(oldSelf.adopt)",
    message = "adopt cannot be added or removed")
public class KinstaDatabaseSpec extends KinstaSpec {

  @Size(min = 1, max = 120)
  @JsonPropertyDescription(
      "Display name in MyKinsta; defaults to metadata.name. The operator also uses it to find a "
          + "database it created but could not record, so keep it unique within the company.")
  public String displayName;

  @ValidationRule(value = "self == oldSelf", message = "type is immutable")
  @JsonPropertyDescription("Database engine; immutable.")
  public DatabaseType type;

  @Pattern("^[0-9]+(\\.[0-9]+)*$")
  @ValidationRule(value = "self == oldSelf", message = "version is immutable")
  @JsonPropertyDescription(
      "Engine version, e.g. `16` for PostgreSQL or `8.0` for MySQL; immutable.")
  public String version;

  @Pattern("^[a-z]+-[a-z]+[0-9]+$")
  @ValidationRule(value = "self == oldSelf", message = "location is immutable")
  @JsonPropertyDescription("Data-center region, e.g. `us-central1`; immutable.")
  public String location;

  @JsonPropertyDescription("Size, `db1` (smallest) to `db9`; changing it resizes the database.")
  public DatabaseSize size;

  @Pattern("^[A-Za-z_][A-Za-z0-9_-]{0,62}$")
  @ValidationRule(value = "self == oldSelf", message = "databaseName is immutable")
  @JsonPropertyDescription("Name of the database inside the server; immutable.")
  public String databaseName;

  @Pattern("^[A-Za-z_][A-Za-z0-9_-]{0,62}$")
  @ValidationRule(value = "self == oldSelf", message = "user is immutable")
  @JsonPropertyDescription("Database user (not for Redis); immutable.")
  public String user;

  @JsonPropertyDescription(
      "The password, from a Secret you manage. Without it the operator generates one into the "
          + "connection Secret. Kinsta's API cannot change a password: changing this Secret later is reported, and the "
          + "connection Secret keeps the password that works.")
  public SecretKeyReference passwordSecretRef;

  @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
  @JsonPropertyDescription(
      "Name of the Secret the operator writes the connection details into (host, port, "
          + "database, user, password, url, and their external_ counterparts); defaults to `<name>-connection`.")
  public String connectionSecretName;

  @ValidationRule(value = "self == oldSelf", message = "adopt is immutable")
  @JsonPropertyDescription(
      "Adopt an existing database by id or name instead of creating one. Adopted databases "
          + "default to deletionPolicy Retain.")
  public DatabaseAdoption adopt;

  @JsonPropertyDescription(
      "Delete (the default for created databases) removes the database from Kinsta with the "
          + "resource; Retain (the default for adopted ones) leaves it.")
  public DeletionPolicy deletionPolicy;

  public String displayNameOr(String resourceName) {
    return displayName == null || displayName.isBlank() ? resourceName : displayName;
  }

  public String connectionSecretOr(String resourceName) {
    return connectionSecretName == null || connectionSecretName.isBlank()
        ? resourceName + "-connection"
        : connectionSecretName;
  }

  /** Database engines Kinsta hosts. */
  public enum DatabaseType {
    @JsonProperty("postgresql")
    POSTGRESQL("postgresql", "postgresql"),
    @JsonProperty("mysql")
    MYSQL("mysql", "mysql"),
    @JsonProperty("mariadb")
    MARIADB("mariadb", "mysql"),
    @JsonProperty("redis")
    REDIS("redis", "redis");

    private final String wire;
    private final String urlScheme;

    DatabaseType(String wire, String urlScheme) {
      this.wire = wire;
      this.urlScheme = urlScheme;
    }

    public String wire() {
      return wire;
    }

    /** The scheme clients expect in a connection URL (MariaDB speaks MySQL's protocol). */
    public String urlScheme() {
      return urlScheme;
    }
  }

  /** Kinsta's database sizes. */
  public enum DatabaseSize {
    db1,
    db2,
    db3,
    db4,
    db5,
    db6,
    db7,
    db8,
    db9
  }

  /** An existing database to manage. */
  @ValidationRule(
      value = "has(self.id) != has(self.name)",
      message = "set exactly one of id or name")
  public static class DatabaseAdoption {
    @Pattern(Ids.UUID)
    @JsonPropertyDescription("The database id.")
    public String id;

    @Pattern(Ids.UNIQUE_NAME)
    @JsonPropertyDescription("The database's unique name (not its display name).")
    public String name;
  }
}
