package dev.operators.kinsta.transport;

import dev.operators.kinsta.transport.budget.RateBudgetSettings;
import java.net.URI;
import java.time.Duration;

/**
 * Where and how to reach Kinsta (WordPress sites) and Sevalla's v3 API (applications, databases,
 * static sites), each with its own rate budget: the two APIs limit calls differently.
 */
public record KinstaClientSettings(
    URI kinstaBaseUrl,
    URI hostingBaseUrl,
    Duration requestTimeout,
    int readRetries,
    RateBudgetSettings budget,
    RateBudgetSettings hostingBudget) {

  public static final URI KINSTA_API = URI.create("https://api.kinsta.com/v2");
  public static final URI SEVALLA_API = URI.create("https://api.sevalla.com/v3");

  public KinstaClientSettings(
      URI kinstaBaseUrl,
      URI hostingBaseUrl,
      Duration requestTimeout,
      int readRetries,
      RateBudgetSettings budget) {
    this(
        kinstaBaseUrl,
        hostingBaseUrl,
        requestTimeout,
        readRetries,
        budget,
        RateBudgetSettings.sevalla());
  }

  public static KinstaClientSettings defaults() {
    return new KinstaClientSettings(
        KINSTA_API, SEVALLA_API, Duration.ofSeconds(30), 2, RateBudgetSettings.defaults());
  }

  public KinstaClientSettings withBaseUrls(URI kinsta, URI hosting) {
    return new KinstaClientSettings(
        kinsta, hosting, requestTimeout, readRetries, budget, hostingBudget);
  }

  public KinstaClientSettings withBudget(RateBudgetSettings newBudget) {
    return new KinstaClientSettings(
        kinstaBaseUrl, hostingBaseUrl, requestTimeout, readRetries, newBudget, hostingBudget);
  }

  public KinstaClientSettings withHostingBudget(RateBudgetSettings newBudget) {
    return new KinstaClientSettings(
        kinstaBaseUrl, hostingBaseUrl, requestTimeout, readRetries, budget, newBudget);
  }

  public KinstaClientSettings withRequestTimeout(Duration timeout) {
    return new KinstaClientSettings(
        kinstaBaseUrl, hostingBaseUrl, timeout, readRetries, budget, hostingBudget);
  }
}
