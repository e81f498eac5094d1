package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The status of a kind that stands for one Kinsta object: its drift besides. */
public class KinstaObjectStatus extends KinstaStatus {

  @JsonPropertyDescription(
      "Every field where Kinsta differs from the spec, in the order the operator changes them: under"
          + " Observe the plan Manage would carry out, under Manage what it is putting back.")
  public @Nullable List<DriftEntry> drift;

  @JsonPropertyDescription("How many fields differ (the length of drift), for kubectl get.")
  public @Nullable Integer driftCount;
}
