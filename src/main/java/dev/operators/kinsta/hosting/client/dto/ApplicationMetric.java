package dev.operators.kinsta.hosting.client.dto;

/**
 * A metric of {@code GET /applications/{id}/metrics/…} or {@code GET /static-sites/{id}/metrics/…}
 * over a window, as one number.
 */
public enum ApplicationMetric {
  /** The newest point of requests per minute. */
  REQUESTS_PER_MINUTE("requests-per-minute"),
  /** The average response time over the window, in milliseconds. */
  RESPONSE_TIME_AVERAGE("response-time-avg");

  public final String path;

  ApplicationMetric(String path) {
    this.path = path;
  }
}
