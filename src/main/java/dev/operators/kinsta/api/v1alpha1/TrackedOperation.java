package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The asynchronous Kinsta operation a resource is waiting for. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TrackedOperation {
  @JsonPropertyDescription("Kinsta's operation id, as `GET /operations/{id}` takes it.")
  public String id;

  @JsonPropertyDescription("What the operation does, e.g. `CreateSite` or `ModifyPhpVersion`.")
  public String type;

  @JsonPropertyDescription("The environment or object the operation acts on, when not the resource itself.")
  public String target;

  @JsonPropertyDescription("The value the operation sets, when it sets one (a PHP version, a domain).")
  public String value;

  @JsonPropertyDescription("When the operator started the operation (RFC 3339).")
  public String startedAt;

  public TrackedOperation() {
  }

  public TrackedOperation(String id, String type, String target, String startedAt) {
    this.id = id;
    this.type = type;
    this.target = target;
    this.startedAt = startedAt;
  }
}
