package dev.operators.kinsta.client.dto;

/**
 * An application metric of {@code GET /applications/{id}/metrics/…}: where its series are in the
 * answer and how a window of it becomes one number.
 */
public enum ApplicationMetric {
  /** CPU use, summed over the processes' newest points. */
  CPU_USAGE("cpu-usage", "cpu_usage", true, false),
  /** Memory use, summed over the processes' newest points. */
  MEMORY_USAGE("memory-usage", "memory_usage", true, false),
  /** HTTP requests in the window. */
  HTTP_REQUESTS("http-requests", "http_requests", false, true),
  /** The newest response time. */
  RESPONSE_TIME("response-time", "response_time", false, false),
  /** Bandwidth in the window. */
  BANDWIDTH("bandwidth", "bandwidth", false, true),
  /** How long the newest build took ({@code build_time[].data}, per resource type). */
  BUILD_TIME("build-time", "build_time", false, false);

  public final String path;
  public final String series;

  /**
   * The series are per process ({@code app.processes[].metrics}), else one ({@code app.metrics}).
   */
  public final boolean perProcess;

  /** The window's points are added up; else the newest point counts. */
  public final boolean summed;

  ApplicationMetric(String path, String series, boolean perProcess, boolean summed) {
    this.path = path;
    this.series = series;
    this.perProcess = perProcess;
    this.summed = summed;
  }
}
