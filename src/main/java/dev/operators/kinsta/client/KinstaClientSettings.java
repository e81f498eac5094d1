package dev.operators.kinsta.client;

import dev.operators.kinsta.client.budget.RateBudgetSettings;
import java.net.URI;
import java.time.Duration;

/**
 * Where and how to reach Kinsta. {@code hostingBaseUrl} serves applications and databases: Kinsta's
 * own URL by default, or Sevalla's v2 API ({@code https://api.sevalla.com/v2}), which serves the
 * same paths.
 */
public record KinstaClientSettings(
    URI kinstaBaseUrl,
    URI hostingBaseUrl,
    Duration requestTimeout,
    int readRetries,
    RateBudgetSettings budget) {

  public static final URI KINSTA_API = URI.create("https://api.kinsta.com/v2");
  public static final URI SEVALLA_API = URI.create("https://api.sevalla.com/v2");

  public static KinstaClientSettings defaults() {
    return new KinstaClientSettings(
        KINSTA_API, KINSTA_API, Duration.ofSeconds(30), 2, RateBudgetSettings.defaults());
  }

  public KinstaClientSettings withBaseUrls(URI kinsta, URI hosting) {
    return new KinstaClientSettings(kinsta, hosting, requestTimeout, readRetries, budget);
  }

  public KinstaClientSettings withBudget(RateBudgetSettings newBudget) {
    return new KinstaClientSettings(
        kinstaBaseUrl, hostingBaseUrl, requestTimeout, readRetries, newBudget);
  }

  public KinstaClientSettings withRequestTimeout(Duration timeout) {
    return new KinstaClientSettings(kinstaBaseUrl, hostingBaseUrl, timeout, readRetries, budget);
  }
}
