package dev.operators.kinsta.transport;

import java.time.Duration;

/** Sees every Kinsta HTTP exchange, for metrics. {@code status} is 0 when no answer arrived. */
public interface ApiCallObserver {
  ApiCallObserver NONE = (endpoint, status, duration) -> {};

  void exchanged(String endpoint, int status, Duration duration);
}
