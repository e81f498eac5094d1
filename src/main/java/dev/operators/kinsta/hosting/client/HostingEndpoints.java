package dev.operators.kinsta.hosting.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.operators.kinsta.hosting.client.dto.ApplicationMetric;
import dev.operators.kinsta.transport.JsonEndpoints;
import dev.operators.kinsta.transport.KinstaCredentials;
import dev.operators.kinsta.transport.KinstaRequest;
import dev.operators.kinsta.transport.KinstaTransport;
import dev.operators.kinsta.transport.WireReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * What every area of Sevalla's API shares: the company's key, how a call is sent, lists read to
 * their last page, metrics, and paths under one service.
 */
abstract class HostingEndpoints extends JsonEndpoints {
  /** Sevalla's largest page; fewer pages mean fewer calls against the read tier. */
  static final int PAGE_SIZE = 100;

  /** Sevalla pages no further than offset 10000. */
  private static final int MAX_OFFSET = 10_000;

  protected final KinstaTransport transport;
  protected final KinstaCredentials credentials;

  HostingEndpoints(KinstaTransport transport, KinstaCredentials credentials) {
    this.transport = transport;
    this.credentials = credentials;
  }

  @Override
  protected final JsonNode call(KinstaRequest request) {
    return transport.call(credentials.apiKey(), credentials.companyId(), request);
  }

  protected final <T> List<T> pages(String template, Class<T> type) {
    return pages(() -> KinstaRequest.get(template), type);
  }

  /** Every page: offsets advance by the page size until {@code total} items are read. */
  protected final <T> List<T> pages(Supplier<KinstaRequest> list, Class<T> type) {
    List<T> all = new ArrayList<>();
    for (int offset = 0; offset <= MAX_OFFSET; offset += PAGE_SIZE) {
      KinstaRequest request = list.get().query("limit", PAGE_SIZE).query("offset", offset);
      JsonNode answer = call(request);
      List<T> batch = WireReader.readList(request.endpoint(), answer, "/data", type);
      all.addAll(batch);
      long total = answer.path("total").asLong(all.size());
      if (batch.isEmpty() || all.size() >= total) {
        break;
      }
    }
    return all;
  }

  protected final OptionalDouble metric(
      KinstaRequest base, ApplicationMetric metric, Instant start, Instant end) {
    long seconds = Math.max(60, Duration.between(start, end).toSeconds());
    KinstaRequest request =
        base.query("from", start.toString())
            .query("to", end.toString())
            .query("interval_in_seconds", seconds)
            .asReport();
    JsonNode answer = call(request);
    return switch (metric) {
      case RESPONSE_TIME_AVERAGE -> {
        JsonNode average = answer.path("average_response_time_ms");
        yield average.isNumber() ? OptionalDouble.of(average.asDouble()) : OptionalDouble.empty();
      }
      case REQUESTS_PER_MINUTE -> newest(answer);
    };
  }

  /** The newest point of a series of {@code {time, value}} (ISO times sort as text). */
  private static OptionalDouble newest(JsonNode points) {
    OptionalDouble newest = OptionalDouble.empty();
    String newestTime = "";
    for (JsonNode point : points) {
      String time = point.path("time").asText("");
      if (time.compareTo(newestTime) >= 0 && point.path("value").isNumber()) {
        newestTime = time;
        newest = OptionalDouble.of(point.path("value").asDouble());
      }
    }
    return newest;
  }

  /** A path under one service, e.g. {@code /applications/{id}/domains}. */
  protected static KinstaRequest sub(
      Verb verb, HostedService service, String below, Object... pathArgs) {
    return verb.request(service.collection + "/{id}" + below, pathArgs);
  }

  /** One of KinstaRequest's constructors by method. */
  @FunctionalInterface
  protected interface Verb {
    KinstaRequest request(String template, Object... pathArgs);
  }
}
