package dev.operators.kinsta.hosting.client.dto;

import org.jspecify.annotations.Nullable;

/**
 * A stage of a {@link Pipeline}: {@code type} is {@code preview}, {@code standard} or {@code prod};
 * the preview settings mean something on the preview stage only.
 */
public record PipelineStage(
    String id,
    String displayName,
    String type,
    int order,
    @Nullable String branch,
    @Nullable Boolean autoCreateApp,
    @Nullable Boolean deleteStaleApps,
    @Nullable Integer staleAppDays) {

  public static final String PREVIEW = "preview";
  public static final String PRODUCTION = "prod";
}
