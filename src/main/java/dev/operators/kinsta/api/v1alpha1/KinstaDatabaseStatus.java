package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.jspecify.annotations.Nullable;

/**
 * What the operator observed of a {@link KinstaDatabase}. Never a password: that lives in the
 * connection Secret.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class KinstaDatabaseStatus extends KinstaObjectStatus {
  @JsonPropertyDescription(
      "A creation sent without its answer seen yet; resolved by looking for the database.")
  public @Nullable CreationIntent creation;

  @JsonPropertyDescription("Kinsta's id of the database.")
  public @Nullable String databaseId;

  @JsonPropertyDescription("Kinsta's unique name of the database.")
  public @Nullable String name;

  @JsonPropertyDescription("Kinsta's state of the database, e.g. creating, ready, updating.")
  public @Nullable String state;

  @JsonPropertyDescription("The database engine, as Kinsta reports it.")
  public @Nullable String type;

  @JsonPropertyDescription("The engine version.")
  public @Nullable String version;

  @JsonPropertyDescription("The data centre (region) the database runs in.")
  public @Nullable String location;

  @JsonPropertyDescription("The resource size, e.g. db1.")
  public @Nullable String size;

  @JsonPropertyDescription("Host and port inside Kinsta's network (for applications).")
  public @Nullable String internalHost;

  @JsonPropertyDescription("Port inside Kinsta's network.")
  public @Nullable Integer internalPort;

  @JsonPropertyDescription("Host and port reachable from outside Kinsta.")
  public @Nullable String externalHost;

  @JsonPropertyDescription("Port reachable from outside Kinsta.")
  public @Nullable Integer externalPort;

  @JsonPropertyDescription("True while the operator keeps the database's IP restriction.")
  public @Nullable Boolean ipRestrictionManaged;

  @JsonPropertyDescription("Whether Sevalla reports the database suspended.")
  public @Nullable Boolean suspended;

  @JsonPropertyDescription("The database's display name in Kinsta, as last seen.")
  public @Nullable String displayName;

  @JsonPropertyDescription("The Secret holding the connection details.")
  public @Nullable String connectionSecret;

  @JsonPropertyDescription(
      "The connection Secret's resourceVersion as the operator last wrote or checked it; while it is"
          + " unchanged and the company's list shows the database unchanged, a resync makes no call"
          + " for this database.")
  public @Nullable String connectionSecretVersion;

  @JsonPropertyDescription("Whether the database was adopted rather than created by this resource.")
  public @Nullable Boolean adopted;

  @JsonPropertyDescription(
      "A keyed fingerprint of the passwordSecretRef Secret the database's password was last set"
          + " from (never the password).")
  public @Nullable String passwordSetFrom;
}
