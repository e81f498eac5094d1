package dev.operators.kinsta.simulator;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A misbehaviour to inject for requests whose {@code "METHOD /path"} matches a pattern: an error
 * status, extra latency, a dropped connection, a 429, or failing the operations the request starts.
 * Applies {@code times} times (or for ever when negative).
 */
public final class Fault {
  enum Kind {
    STATUS,
    ECHO,
    LATENCY,
    DROP,
    LOSE_ANSWER,
    RATE_LIMIT,
    FAIL_OPERATION,
    ON_ARRIVAL,
    ON_ARRIVAL_DROP,
    AFTER_ANSWER
  }

  private static final java.util.Random DRAWS = new java.util.Random(20261202L);

  private final Pattern request;
  private final Kind kind;
  private final int status;
  private final Duration duration;
  private final String message;
  private final String company;
  private final AtomicInteger remaining;
  private final double probability;
  private Runnable action = () -> {};

  private Fault(
      Pattern request,
      Kind kind,
      int status,
      Duration duration,
      String message,
      String company,
      int times) {
    this(request, kind, status, duration, message, company, times, 1.0);
  }

  private Fault(
      Pattern request,
      Kind kind,
      int status,
      Duration duration,
      String message,
      String company,
      int times,
      double probability) {
    this.probability = probability;
    this.request = request;
    this.kind = kind;
    this.status = status;
    this.duration = duration;
    this.message = message;
    this.company = company;
    this.remaining = new AtomicInteger(times);
  }

  /** Answer {@code status} with Kinsta's error envelope. */
  public static Fault status(String requestRegex, int status, int times) {
    return new Fault(
        Pattern.compile(requestRegex),
        Kind.STATUS,
        status,
        Duration.ZERO,
        "Error occurred while processing your request",
        null,
        times);
  }

  /** Answer {@code status} with this message, e.g. Sevalla's 422 naming the field it refused. */
  public static Fault rejected(String requestRegex, int status, String message, int times) {
    return new Fault(
        Pattern.compile(requestRegex), Kind.STATUS, status, Duration.ZERO, message, null, times);
  }

  /**
   * Answer {@code status} with a message that repeats the request body and headers, secrets
   * included.
   */
  public static Fault echo(String requestRegex, int status, int times) {
    return new Fault(
        Pattern.compile(requestRegex), Kind.ECHO, status, Duration.ZERO, null, null, times);
  }

  /** Hold the answer back for {@code delay}. */
  public static Fault latency(String requestRegex, Duration delay, int times) {
    return new Fault(Pattern.compile(requestRegex), Kind.LATENCY, 0, delay, null, null, times);
  }

  /**
   * Carry the request out (a site is created, say), then close the connection instead of answering:
   * the answer is lost, as after a timeout or a crash.
   */
  public static Fault loseAnswer(String requestRegex, int times) {
    return new Fault(
        Pattern.compile(requestRegex), Kind.LOSE_ANSWER, 0, Duration.ZERO, null, null, times);
  }

  /** Close the connection without answering. */
  public static Fault drop(String requestRegex, int times) {
    return new Fault(Pattern.compile(requestRegex), Kind.DROP, 0, Duration.ZERO, null, null, times);
  }

  /** Answer 429 with {@code Retry-After} for one company's requests. */
  public static Fault rateLimit(String company, Duration retryAfter, int times) {
    return new Fault(
        Pattern.compile(".*"),
        Kind.RATE_LIMIT,
        429,
        retryAfter,
        "Too many requests, please try again later.",
        company,
        times);
  }

  /** Let the request start its operation, but make that operation fail with {@code message}. */
  public static Fault failOperation(String requestRegex, String message, int times) {
    return new Fault(
        Pattern.compile(requestRegex),
        Kind.FAIL_OPERATION,
        500,
        Duration.ZERO,
        message,
        null,
        times);
  }

  /**
   * Runs {@code action} when a matching request arrives (on the simulator's event loop, so it must
   * not block), then serves it: e.g. kills the caller while its call is in flight.
   */
  public static Fault onArrival(String requestRegex, Runnable action, int times) {
    return withAction(Kind.ON_ARRIVAL, requestRegex, action, times);
  }

  /**
   * Runs {@code action} when a matching request arrives, then closes the connection without
   * carrying it out: the caller is gone and Kinsta never saw its call.
   */
  public static Fault onArrivalThenDrop(String requestRegex, Runnable action, int times) {
    return withAction(Kind.ON_ARRIVAL_DROP, requestRegex, action, times);
  }

  /** Serves a matching request, then runs {@code action} once the answer is sent. */
  public static Fault afterAnswer(String requestRegex, Runnable action, int times) {
    return withAction(Kind.AFTER_ANSWER, requestRegex, action, times);
  }

  private static Fault withAction(Kind kind, String requestRegex, Runnable action, int times) {
    Fault fault =
        new Fault(Pattern.compile(requestRegex), kind, 0, Duration.ZERO, null, null, times);
    fault.action = action;
    return fault;
  }

  Runnable action() {
    return action;
  }

  /**
   * This fault for a share of the matching requests only, drawn at random (seeded, so that a run
   * can be repeated), e.g. {@code Fault.status(".*", 500, -1).sometimes(0.07)}.
   */
  public Fault sometimes(double share) {
    return new Fault(request, kind, status, duration, message, company, remaining.get(), share);
  }

  Kind kind() {
    return kind;
  }

  int status() {
    return status;
  }

  Duration duration() {
    return duration;
  }

  String message() {
    return message;
  }

  /** Whether this fault applies to the request, using up one of its times if so. */
  boolean take(String methodAndPath, String requestCompany) {
    if (!request.matcher(methodAndPath).matches()) {
      return false;
    }
    if (company != null && !company.equals(requestCompany)) {
      return false;
    }
    if (probability < 1.0 && DRAWS.nextDouble() >= probability) {
      return false;
    }
    while (true) {
      int left = remaining.get();
      if (left == 0) {
        return false;
      }
      if (left < 0 || remaining.compareAndSet(left, left - 1)) {
        return true;
      }
    }
  }

  boolean exhausted() {
    return remaining.get() == 0;
  }
}
