package dev.operators.kinsta.hosting.client.dto;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.jspecify.annotations.Nullable;

/**
 * A process's scaling: {@code manual} with an instance count, or {@code horizontal} with bounds and
 * targets.
 */
public record ScalingStrategy(String type, Config config) {

  /** Kinsta spells these fields in camelCase, unlike the rest of the API. */
  @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
  public record Config(
      @Nullable Integer instanceCount,
      @Nullable Integer minInstanceCount,
      @Nullable Integer maxInstanceCount,
      @Nullable Integer targetCpuPercent,
      @Nullable Integer targetMemoryPercent,
      @Nullable Integer scaleUpIntervalSeconds,
      @Nullable Integer scaleUpIncrement,
      @Nullable Integer scaleDownIntervalSeconds,
      @Nullable Integer scaleDownIncrement) {}

  public static ScalingStrategy manual(int instanceCount) {
    return new ScalingStrategy(
        "manual", new Config(instanceCount, null, null, null, null, null, null, null, null));
  }

  public static ScalingStrategy horizontal(
      int min, int max, @Nullable Integer targetCpuPercent, @Nullable Integer targetMemoryPercent) {
    return new ScalingStrategy(
        "horizontal",
        new Config(null, min, max, targetCpuPercent, targetMemoryPercent, null, null, null, null));
  }
}
