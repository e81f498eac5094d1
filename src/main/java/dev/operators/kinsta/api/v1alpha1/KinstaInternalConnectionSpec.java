package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link KinstaInternalConnection} links: a database (Sevalla keeps the connection under it)
 * and an application or another database. Both ends are immutable.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class KinstaInternalConnectionSpec extends KinstaObjectSpec {
  private static final String NAME = "^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$";

  @Required
  @ValidationRule(value = "self == oldSelf", message = "database is immutable")
  @JsonPropertyDescription("The database the connection is made from (Sevalla keeps it there).")
  public @Nullable DatabaseEnd database;

  @Required
  @ValidationRule(value = "self == oldSelf", message = "target is immutable")
  @JsonPropertyDescription("The application or database that gets access to it.")
  public @Nullable TargetEnd target;

  @JsonPropertyDescription(
      "Delete (the operator's default) removes the connection with the resource; Retain leaves"
          + " it.")
  public @Nullable DeletionPolicy deletionPolicy;

  /** The database: a KinstaDatabase in this namespace, or a database id. */
  @ValidationRule(
      value = "has(self.name) != has(self.id)",
      message = "set exactly one of name or id")
  public static class DatabaseEnd {
    @Pattern(NAME)
    @JsonPropertyDescription("Name of a KinstaDatabase in this namespace.")
    public @Nullable String name;

    @Pattern(Ids.UUID)
    @JsonPropertyDescription("Sevalla id of a database not managed here.")
    public @Nullable String id;
  }

  /**
   * The target: a KinstaDatabase or KinstaApplication in this namespace, or an id with its type.
   */
  @ValidationRule(
      value = "[has(self.database), has(self.application), has(self.id)].filter(x, x).size() == 1",
      message = "set exactly one of database, application or id")
  @ValidationRule(value = "has(self.id) == has(self.type)", message = "id and type go together")
  public static class TargetEnd {
    @Pattern(NAME)
    @JsonPropertyDescription("Name of a KinstaDatabase in this namespace.")
    public @Nullable String database;

    @Pattern(NAME)
    @JsonPropertyDescription("Name of a KinstaApplication in this namespace.")
    public @Nullable String application;

    @Pattern(Ids.UUID)
    @JsonPropertyDescription("Sevalla id of a database or application not managed here.")
    public @Nullable String id;

    @JsonPropertyDescription("What id is: database or application.")
    public @Nullable TargetType type;
  }

  /** Kinds of target. */
  public enum TargetType {
    database,
    application
  }
}
