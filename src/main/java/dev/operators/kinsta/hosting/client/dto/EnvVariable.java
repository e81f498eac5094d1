package dev.operators.kinsta.hosting.client.dto;

import org.jspecify.annotations.Nullable;

/**
 * An environment variable as Sevalla holds it (values come back decrypted). An application's has
 * {@code is_runtime}/{@code is_buildtime}, a static site's {@code is_production}/{@code
 * is_preview}/{@code branch}; the others are null. As a request body, null fields are not sent.
 */
public record EnvVariable(
    @Nullable String id,
    String key,
    @Nullable String value,
    @Nullable Boolean isRuntime,
    @Nullable Boolean isBuildtime,
    @Nullable Boolean isProduction,
    @Nullable Boolean isPreview,
    @Nullable String branch) {

  public static EnvVariable forApplication(
      String key, String value, boolean runtime, boolean buildtime) {
    return new EnvVariable(null, key, value, runtime, buildtime, null, null, null);
  }

  public static EnvVariable forStaticSite(
      String key, String value, boolean production, boolean preview, @Nullable String branch) {
    return new EnvVariable(null, key, value, null, null, production, preview, branch);
  }

  /** Never the value: it may come from a Secret. */
  @Override
  public String toString() {
    return "EnvVariable[" + key + "]";
  }
}
