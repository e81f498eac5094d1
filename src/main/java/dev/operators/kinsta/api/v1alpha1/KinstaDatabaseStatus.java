package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * What the operator observed of a {@link KinstaDatabase}. Never a password: that lives in the
 * connection Secret.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class KinstaDatabaseStatus extends KinstaObjectStatus {
  @JsonPropertyDescription(
      "A creation sent without its answer seen yet; resolved by looking for the database.")
  public CreationIntent creation;

  @JsonPropertyDescription("Kinsta's id of the database.")
  public String databaseId;

  @JsonPropertyDescription("Kinsta's unique name of the database.")
  public String name;

  @JsonPropertyDescription("Kinsta's state of the database, e.g. creating, ready, updating.")
  public String state;

  @JsonPropertyDescription("The database engine, as Kinsta reports it.")
  public String type;

  @JsonPropertyDescription("The engine version.")
  public String version;

  @JsonPropertyDescription("The data centre (region) the database runs in.")
  public String location;

  @JsonPropertyDescription("The resource size, e.g. db1.")
  public String size;

  @JsonPropertyDescription("Host and port inside Kinsta's network (for applications).")
  public String internalHost;

  @JsonPropertyDescription("Port inside Kinsta's network.")
  public Integer internalPort;

  @JsonPropertyDescription("Host and port reachable from outside Kinsta.")
  public String externalHost;

  @JsonPropertyDescription("Port reachable from outside Kinsta.")
  public Integer externalPort;

  @JsonPropertyDescription("True while the operator keeps the database's IP restriction.")
  public Boolean ipRestrictionManaged;

  @JsonPropertyDescription("Whether Sevalla reports the database suspended.")
  public Boolean suspended;

  @JsonPropertyDescription("The database's display name in Kinsta, as last seen.")
  public String displayName;

  @JsonPropertyDescription("The Secret holding the connection details.")
  public String connectionSecret;

  @JsonPropertyDescription(
      "The connection Secret's resourceVersion as the operator last wrote or checked it; while it is"
          + " unchanged and the company's list shows the database unchanged, a resync makes no call"
          + " for this database.")
  public String connectionSecretVersion;

  @JsonPropertyDescription("Whether the database was adopted rather than created by this resource.")
  public Boolean adopted;

  @JsonPropertyDescription(
      "A keyed fingerprint of the passwordSecretRef Secret the database's password was last set"
          + " from (never the password).")
  public String passwordSetFrom;
}
