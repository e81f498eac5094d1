package dev.operators.kinsta.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.operators.kinsta.transport.budget.BudgetExhaustedException;
import dev.operators.kinsta.transport.budget.RateBudgets;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link KinstaRequest}s for one base URL: takes a permit from the company's budget, adds the
 * bearer key, applies the timeout, maps every failure to a {@link KinstaApiException} and retries
 * reads on retriable failures. Calls block the caller (a reconcile worker thread), never a Vert.x
 * event loop.
 */
public final class KinstaTransport {
  /** An answer as it came, for endpoints where a non-2xx status is a normal result (operations). */
  public record Response(int status, JsonNode body) {}

  private static final Logger LOG = LoggerFactory.getLogger(KinstaTransport.class);
  private static final Duration FIRST_READ_RETRY_DELAY = Duration.ofMillis(200);
  private static final Duration MAX_429_BACKOFF = Duration.ofMinutes(1);

  private final WebClient web;
  private final String baseUrl;
  private final RateBudgets budgets;
  private final Duration timeout;
  private final int readRetries;
  private final ApiCallObserver observer;
  private final Clock clock;
  private final ObjectMapper json = KinstaJson.mapper();
  private final AtomicInteger consecutiveRateLimits = new AtomicInteger();

  public KinstaTransport(
      WebClient web,
      URI baseUrl,
      RateBudgets budgets,
      Duration timeout,
      int readRetries,
      ApiCallObserver observer,
      Clock clock) {
    this.web = web;
    String base = baseUrl.toString();
    this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.budgets = budgets;
    this.timeout = timeout;
    this.readRetries = readRetries;
    this.observer = observer;
    this.clock = clock;
  }

  /** Sends the request and returns the body of a 2xx answer; anything else becomes an exception. */
  public JsonNode call(ApiKey key, String budgetKey, KinstaRequest request) {
    return exchange(key, budgetKey, request, Set.of()).body();
  }

  /**
   * Like {@link #call} but {@code acceptedErrors} statuses come back as a response instead of an
   * exception.
   */
  public Response exchange(
      ApiKey key, String budgetKey, KinstaRequest request, Set<Integer> acceptedErrors) {
    int attempt = 0;
    while (true) {
      try {
        return exchangeOnce(key, budgetKey, request, acceptedErrors);
      } catch (KinstaApiException.ServerError | KinstaApiException.Transport retriable) {
        if (!request.idempotent() || attempt >= readRetries) {
          throw retriable;
        }
        sleepBeforeRetry(attempt++);
      }
    }
  }

  private Response exchangeOnce(
      ApiKey key, String budgetKey, KinstaRequest request, Set<Integer> acceptedErrors) {
    if (Context.isOnEventLoopThread()) {
      throw new IllegalStateException(
          "Kinsta calls block; they must not run on a Vert.x event loop");
    }
    ObserveOnly.check(request);
    Optional<Response> carried = ReadCarry.carried(budgetKey, request, clock.instant());
    if (carried.isPresent()) {
      return carried.get();
    }
    @Nullable JsonNode body = request.body() == null ? null : json.valueToTree(request.body());
    Redactor redactor = Redactor.forRequest(key, body, request.carriesValues());
    takePermit(budgetKey, request);
    if (!request.idempotent()) {
      ReadCarry.writing();
    }

    long started = System.nanoTime();
    HttpResponse<Buffer> response;
    try {
      response = send(key, request, body);
    } catch (KinstaApiException.Transport failure) {
      observer.exchanged(request.endpoint(), 0, Duration.ofNanos(System.nanoTime() - started));
      LOG.debug("Kinsta {} {} failed: {}", request.method(), request.path(), failure.getMessage());
      throw failure;
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    int status = response.statusCode();
    observer.exchanged(request.endpoint(), status, took);
    LOG.debug(
        "Kinsta {} {} -> {} in {} ms", request.method(), request.path(), status, took.toMillis());

    // Every text in Kinsta's answer is redacted here, once, whatever path later reads it (an error,
    // a
    // failed operation's message, WP-CLI output, a deployment's status).
    JsonNode answer = redactor.redactAll(parse(response, request));
    if (status == 429) {
      throw rateLimited(budgetKey, request, response, redactor.redact(message(answer)));
    }
    consecutiveRateLimits.set(0);
    if (RetryAfter.nearlyExhausted(response.headers())) {
      RetryAfter.fromHeaders(response.headers(), clock.instant())
          .ifPresent(reset -> budgets.pause(budgetKey, reset));
    }
    if (status / 100 == 2 || acceptedErrors.contains(status)) {
      if (status / 100 == 2 && !HttpMethod.GET.equals(request.method())) {
        WritesOnThisThread.accepted();
      }
      Response answered = new Response(status, answer);
      ReadCarry.read(budgetKey, request, answered, clock.instant());
      return answered;
    }
    throw failure(request, status, redactor.redact(message(answer)));
  }

  public RateBudgets.CreationHold holdCreation(String budgetKey) {
    try {
      return budgets.holdCreation(budgetKey);
    } catch (BudgetExhaustedException exhausted) {
      throw new KinstaApiException.RateLimited(
          "creation",
          0,
          exhausted.retryAfter(),
          "the company's creations are at Kinsta's limit; next permit in about "
              + exhausted.retryAfter().toSeconds()
              + " s",
          true);
    }
  }

  private void takePermit(String budgetKey, KinstaRequest request) {
    try {
      budgets.acquire(budgetKey, request.lane(), request.priority(), request.service());
    } catch (BudgetExhaustedException exhausted) {
      throw refused(
          request.endpoint(), exhausted, "the operator's rate budget for this company is used up");
    }
  }

  /** A permit the budget refused, as the rate limit the reconcile reschedules on. */
  private static KinstaApiException.RateLimited refused(
      String endpoint, BudgetExhaustedException exhausted, String why) {
    return new KinstaApiException.RateLimited(
        endpoint,
        0,
        exhausted.retryAfter(),
        why + "; next permit in about " + exhausted.retryAfter().toSeconds() + " s");
  }

  private HttpResponse<Buffer> send(ApiKey key, KinstaRequest request, @Nullable JsonNode body) {
    HttpRequest<Buffer> http =
        web.requestAbs(request.method(), baseUrl + request.pathAndQuery())
            .putHeader("Authorization", "Bearer " + key.bearerToken())
            .putHeader("Accept", "application/json")
            .timeout(timeout.toMillis());
    try {
      var future =
          body == null
              ? http.send()
              : http.putHeader("Content-Type", "application/json")
                  .sendBuffer(Buffer.buffer(json.writeValueAsBytes(body)));
      return future
          .toCompletionStage()
          .toCompletableFuture()
          .get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException failed) {
      Throwable cause = failed.getCause() == null ? failed : failed.getCause();
      throw new KinstaApiException.Transport(
          request.endpoint(),
          "no answer from Kinsta for " + request.endpoint() + ": " + describe(cause),
          null);
    } catch (TimeoutException timedOut) {
      throw new KinstaApiException.Transport(
          request.endpoint(),
          "no answer from Kinsta for "
              + request.endpoint()
              + " within "
              + timeout.toMillis()
              + " ms",
          null);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new KinstaApiException.Transport(request.endpoint(), "interrupted", interrupted);
    } catch (IOException unserialisable) {
      throw new IllegalArgumentException(
          "cannot serialise the body of " + request.endpoint(), unserialisable);
    }
  }

  private JsonNode parse(HttpResponse<Buffer> response, KinstaRequest request) {
    Buffer raw = response.body();
    if (raw == null || raw.length() == 0) {
      return MissingNode.getInstance();
    }
    try {
      return json.readTree(raw.getBytes());
    } catch (IOException unreadable) {
      if (response.statusCode() / 100 == 2) {
        throw new KinstaApiException.Transport(
            request.endpoint(),
            "Kinsta answered "
                + response.statusCode()
                + " for "
                + request.endpoint()
                + " with a body that is not JSON",
            null);
      }
      return MissingNode.getInstance();
    }
  }

  private KinstaApiException rateLimited(
      String budgetKey, KinstaRequest request, HttpResponse<Buffer> response, String message) {
    Duration wait =
        RetryAfter.fromHeaders(response.headers(), clock.instant())
            .orElseGet(() -> backoff(consecutiveRateLimits.incrementAndGet()));
    budgets.pause(budgetKey, wait);
    LOG.warn(
        "Kinsta rate limit hit on {}; pausing this company's calls for {} ms",
        request.endpoint(),
        wait.toMillis());
    return new KinstaApiException.RateLimited(
        request.endpoint(),
        429,
        wait,
        "Kinsta answered 429 for " + request.endpoint() + ": " + message);
  }

  public static KinstaApiException failure(KinstaRequest request, int status, String message) {
    String text = "Kinsta answered " + status + " for " + request.endpoint() + ": " + message;
    return switch (status) {
      case 401 -> new KinstaApiException.Unauthorized(request.endpoint(), text);
      case 403 -> new KinstaApiException.Forbidden(request.endpoint(), text);
      case 404 -> new KinstaApiException.NotFound(request.endpoint(), text);
      case 400, 405, 409, 410, 413, 415, 422 ->
          new KinstaApiException.InvalidRequest(request.endpoint(), status, text);
      default ->
          status >= 500
              ? new KinstaApiException.ServerError(request.endpoint(), status, text)
              : new KinstaApiException.InvalidRequest(request.endpoint(), status, text);
    };
  }

  private static String message(JsonNode answer) {
    JsonNode message = answer.path("message");
    if (message.isTextual() && !message.asText().isBlank()) {
      return message.asText();
    }
    return "no message";
  }

  private static String describe(Throwable cause) {
    String name = cause.getClass().getSimpleName();
    return cause.getMessage() == null ? name : name + ": " + cause.getMessage();
  }

  /** Exponential back-off with full jitter, for a 429 that names no retry time. */
  public static Duration backoff(int consecutive) {
    long capMillis = MAX_429_BACKOFF.toMillis();
    long ceiling = Math.min(capMillis, 1_000L << Math.min(consecutive, 16));
    return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
  }

  private static void sleepBeforeRetry(int attempt) {
    long base = FIRST_READ_RETRY_DELAY.toMillis() << attempt;
    try {
      Thread.sleep(base + ThreadLocalRandom.current().nextLong(base + 1));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
