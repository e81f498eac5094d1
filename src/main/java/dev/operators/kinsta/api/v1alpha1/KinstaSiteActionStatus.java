package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The runs of a {@link KinstaSiteAction}, newest first. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class KinstaSiteActionStatus extends KinstaStatus {
  @JsonPropertyDescription("The environment id the action works on.")
  public @Nullable String environmentId;

  @JsonPropertyDescription("The last schedule slot acted on (run, skipped or missed).")
  public @Nullable String lastScheduleTime;

  @JsonPropertyDescription("The next schedule slot.")
  public @Nullable String nextScheduleTime;

  @JsonPropertyDescription("Runs, newest first, trimmed to the history limits.")
  public List<Run> runs = new ArrayList<>();

  /** One run. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class Run {
    @JsonPropertyDescription("The schedule slot, for scheduled runs.")
    public @Nullable String slot;

    @JsonPropertyDescription("metadata.generation the run was made for.")
    public @Nullable Long generation;

    @JsonPropertyDescription("The Kinsta operation that carried the run out.")
    public @Nullable String operationId;

    @JsonPropertyDescription("When the run started.")
    public @Nullable String startedAt;

    @JsonPropertyDescription("When the run finished.")
    public @Nullable String finishedAt;

    @JsonPropertyDescription("Pending, Running, Succeeded, Failed, Missed, Skipped or Replaced.")
    public @Nullable RunOutcome outcome;

    @JsonPropertyDescription("Kinsta's message.")
    public @Nullable String message;

    @JsonPropertyDescription("What the WP-CLI command printed.")
    public @Nullable String output;
  }
}
