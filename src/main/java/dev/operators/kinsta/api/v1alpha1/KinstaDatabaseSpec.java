package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import org.jspecify.annotations.Nullable;

/** What a {@link KinstaDatabase} should be. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "has(self.adopt) || (has(self.type) && has(self.version) && has(self.location)"
            + " && has(self.size) && has(self.databaseName))",
    message = "type, version, location, size and databaseName are required unless adopt is set")
@ValidationRule(
    value =
        "!has(self.type) || self.type == 'redis' || self.type == 'valkey' || has(self.adopt)"
            + " || has(self.user)",
    message = "user is required for postgresql, mysql and mariadb",
    fieldPath = ".user")
@ValidationRule(
    value = "!has(self.type) || (self.type != 'redis' && self.type != 'valkey') || !has(self.user)",
    message = "redis and valkey have no user",
    fieldPath = ".user")
@ValidationRule(
    value = "!has(self.extensions) || !has(self.type) || self.type == 'postgresql'",
    message = "extensions are for postgresql only",
    fieldPath = ".extensions")
@ValidationRule(
    value = "has(self.adopt) == has(oldSelf.adopt)",
    message = "adopt cannot be added or removed")
public class KinstaDatabaseSpec extends KinstaObjectSpec {

  @Size(min = 1, max = 120)
  @JsonPropertyDescription(
      "Display name in MyKinsta; defaults to metadata.name. The operator also uses it to find a "
          + "database it created but could not record, so keep it unique within the company.")
  public @Nullable String displayName;

  @ValidationRule(value = "self == oldSelf", message = "type is immutable")
  @JsonPropertyDescription("Database engine; immutable.")
  public @Nullable DatabaseType type;

  @Pattern("^[0-9]+(\\.[0-9]+)*$")
  @ValidationRule(value = "self == oldSelf", message = "version is immutable")
  @JsonPropertyDescription(
      "Engine version, e.g. `16` for PostgreSQL or `8.0` for MySQL; immutable.")
  public @Nullable String version;

  @Size(min = 2, max = 100)
  @ValidationRule(value = "self == oldSelf", message = "location is immutable")
  @JsonPropertyDescription(
      "The data centre: its region code (`us-central1`), name or display name (`Iowa, USA`), as"
          + " Sevalla's cluster list gives them; immutable.")
  public @Nullable String location;

  @Pattern("^[a-z0-9][-a-z0-9]{0,62}$")
  @JsonPropertyDescription(
      "Size by Sevalla's resource type name, e.g. `db1` (smallest) to `db9`; changing it resizes"
          + " the database.")
  public @Nullable String size;

  @JsonPropertyDescription("PostgreSQL extensions installed at creation; immutable.")
  @ValidationRule(value = "self == oldSelf", message = "extensions are immutable")
  public @Nullable Extensions extensions;

  @Pattern("^[A-Za-z_][A-Za-z0-9_-]{1,62}$")
  @ValidationRule(value = "self == oldSelf", message = "databaseName is immutable")
  @JsonPropertyDescription("Name of the database inside the server; immutable.")
  public @Nullable String databaseName;

  @Pattern("^[A-Za-z_][A-Za-z0-9_-]{1,62}$")
  @ValidationRule(value = "self == oldSelf", message = "user is immutable")
  @ValidationRule(
      value = "self != 'root' && self != 'postgres'",
      message = "root and postgres are reserved by Sevalla")
  @JsonPropertyDescription("Database user (not for Redis or Valkey); immutable.")
  public @Nullable String user;

  @JsonPropertyDescription(
      "The password, from a Secret you manage (letters, digits and _?<>#@-=+, 4 to 100"
          + " characters). Without it the operator generates one into the connection Secret."
          + " Changing this Secret changes the database's password (Sevalla's reset-password).")
  public @Nullable SecretKeyReference passwordSecretRef;

  @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
  @JsonPropertyDescription(
      "Name of the Secret the operator writes the connection details into (host, port, "
          + "database, user, password, url, and their external_ counterparts); defaults to `<name>-connection`.")
  public @Nullable String connectionSecretName;

  @JsonPropertyDescription(
      "Whether the database is reachable from outside Sevalla (its external host and port);"
          + " left as it is when absent.")
  public @Nullable Boolean externalConnection;

  @JsonPropertyDescription(
      "Who may use the external connection: only the listed addresses (allow) or all but them"
          + " (deny); removing the field turns the restriction off.")
  public @Nullable IpRestriction ipRestriction;

  @JsonPropertyDescription(
      "True suspends the database, false activates it; left as it is when absent.")
  public @Nullable Boolean suspended;

  @ValidationRule(value = "self == oldSelf", message = "adopt is immutable")
  @JsonPropertyDescription(
      "Adopt an existing database by id or name instead of creating one. Adopted databases "
          + "default to deletionPolicy Retain.")
  public @Nullable DatabaseAdoption adopt;

  @JsonPropertyDescription(
      "Delete (the default for created databases) removes the database from Kinsta with the "
          + "resource; Retain (the default for adopted ones) leaves it.")
  public @Nullable DeletionPolicy deletionPolicy;

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
    REDIS("redis", "redis"),
    @JsonProperty("valkey")
    VALKEY("valkey", "redis");

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

  /** PostgreSQL extensions Sevalla can install. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class Extensions {
    @JsonPropertyDescription("pgvector.")
    public @Nullable Boolean vector;

    @JsonPropertyDescription("PostGIS.")
    public @Nullable Boolean postgis;

    @JsonPropertyDescription("pg_cron.")
    public @Nullable Boolean cron;
  }

  /** An existing database to manage. */
  @ValidationRule(
      value = "has(self.id) != has(self.name)",
      message = "set exactly one of id or name")
  public static class DatabaseAdoption {
    @Pattern(Ids.UUID)
    @JsonPropertyDescription("The database id.")
    public @Nullable String id;

    @Pattern(Ids.UNIQUE_NAME)
    @JsonPropertyDescription("The database's unique name (not its display name).")
    public @Nullable String name;
  }
}
