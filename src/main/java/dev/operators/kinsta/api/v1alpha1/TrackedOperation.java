package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.jspecify.annotations.Nullable;

/**
 * The work in Kinsta a resource is waiting for: an asynchronous Kinsta operation (with its id), a
 * deployment (with its deployment id), or a deletion Kinsta runs without an operation (followed by
 * reading the object).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TrackedOperation {
  @JsonPropertyDescription(
      "Kinsta's operation id, as `GET /operations/{id}` takes it; absent for work Kinsta "
          + "does without an operation (a deployment, a database or application being deleted).")
  public @Nullable String id;

  @JsonPropertyDescription("What the work does, e.g. `CreateSite`, `ModifyPhpVersion` or `Deploy`.")
  public @Nullable String type;

  @JsonPropertyDescription(
      "The environment or object the work acts on, when not the resource itself.")
  public @Nullable String target;

  @JsonPropertyDescription("What the work sets, as shown in messages (a PHP version, a domain).")
  public @Nullable String value;

  @JsonPropertyDescription(
      "The PHP allocation a `ChangePhpAllocation` sets; recorded once it succeeded, since "
          + "Kinsta does not report allocations.")
  public EnvironmentSettings.@Nullable PhpAllocation phpAllocation;

  @JsonPropertyDescription(
      "The deployment a `Deploy` follows, as `GET /applications/deployments/{id}` takes it.")
  public @Nullable String deploymentId;

  @JsonPropertyDescription(
      "Failure answers to the polls of this operation in a row, with the same message. Kinsta's"
          + " HTTP 500 means a failed operation but is also what a passing server error looks like,"
          + " so a failure is believed at the third such answer in a row.")
  public @Nullable Integer failureAnswers;

  @JsonPropertyDescription(
      "The message of those failure answers (Kinsta's, redacted): a failed operation answers with"
          + " the same one each time, a passing server error with its own.")
  public @Nullable String failureMessage;

  @JsonPropertyDescription("When the operator started the work (RFC 3339).")
  public @Nullable String startedAt;

  public TrackedOperation() {}

  public TrackedOperation(
      OperationType type,
      @Nullable String id,
      @Nullable String target,
      @Nullable String value,
      String startedAt) {
    this.type = type.wireName();
    this.id = id;
    this.target = target;
    this.value = value;
    this.startedAt = startedAt;
  }

  /** Whether this is work of the given type. */
  @JsonIgnore
  public boolean is(OperationType candidate) {
    return candidate.wireName().equals(type);
  }
}
