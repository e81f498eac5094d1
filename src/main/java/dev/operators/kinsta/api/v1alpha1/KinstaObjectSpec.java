package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.jspecify.annotations.Nullable;

/** The spec of a kind that stands for one Kinsta object: how far the operator may act on it. */
public abstract class KinstaObjectSpec extends KinstaSpec implements ApprovalSetting {

  @JsonPropertyDescription(
      "Manage (the default) brings the Kinsta object to this spec; Observe only reads it and lists"
          + " in status.drift what Manage would change, writing nothing to Kinsta (deleting the"
          + " resource leaves the object).")
  public @Nullable ManagementPolicy managementPolicy;

  @JsonPropertyDescription(
      "Destructive holds every change that destroys data (deleting the object, an environment,"
          + " domains or DNS records, replacing an SFTP account) until the annotation"
          + " kinsta.operators.dev/approve names the resource's current metadata.generation; None"
          + " lets them go ahead. Absent: the operator's default (KINSTA_DEFAULT_APPROVAL).")
  public @Nullable Approval approval;

  @Override
  public @Nullable Approval approvalSetting() {
    return approval;
  }

  /** The policy in force: Manage unless the spec says Observe. */
  public ManagementPolicy managementPolicyOrDefault() {
    return managementPolicy == null ? ManagementPolicy.Manage : managementPolicy;
  }
}
