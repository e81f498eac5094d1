package dev.operators.kinsta.transport;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A failed Kinsta call, classified so that a reconciler can act on it without seeing HTTP: terminal
 * failures ({@link #isRetriable()} false) become conditions, retriable ones are retried with
 * back-off, and {@link RateLimited} says when to try again. Messages never carry the API key or a
 * password.
 */
public abstract sealed class KinstaApiException extends RuntimeException {
  private final int httpStatus;
  private final String endpoint;

  KinstaApiException(String endpoint, int httpStatus, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.endpoint = endpoint;
    this.httpStatus = httpStatus;
  }

  /** The (redacted) message; never null. */
  @Override
  public String getMessage() {
    return String.valueOf(super.getMessage());
  }

  /** The endpoint template, e.g. {@code GET /sites/{site_id}}. */
  public String endpoint() {
    return endpoint;
  }

  /** The HTTP status Kinsta answered with, or 0 when no answer arrived. */
  public int httpStatus() {
    return httpStatus;
  }

  /** A CamelCase reason suitable for a status condition. */
  public abstract String reason();

  /** Whether the same call may succeed later without anything changing on our side. */
  public abstract boolean isRetriable();

  /**
   * 404: the object does not exist, or the key's company may not see it (Kinsta does not tell
   * which).
   */
  public static final class NotFound extends KinstaApiException {
    public NotFound(String endpoint, String message) {
      super(endpoint, 404, message, null);
    }

    @Override
    public String reason() {
      return "NotFound";
    }

    @Override
    public boolean isRetriable() {
      return false;
    }
  }

  /** 401: no key, an unknown key, or an expired or revoked one. */
  public static final class Unauthorized extends KinstaApiException {
    public Unauthorized(String endpoint, String message) {
      super(endpoint, 401, message, null);
    }

    @Override
    public String reason() {
      return "Unauthorized";
    }

    @Override
    public boolean isRetriable() {
      return false;
    }
  }

  /** 403: the key's role may not use this endpoint. */
  public static final class Forbidden extends KinstaApiException {
    public Forbidden(String endpoint, String message) {
      super(endpoint, 403, message, null);
    }

    @Override
    public String reason() {
      return "Forbidden";
    }

    @Override
    public boolean isRetriable() {
      return false;
    }
  }

  /** 400, 409, 422: Kinsta refused the request as it stands; sending it again changes nothing. */
  public static final class InvalidRequest extends KinstaApiException {
    public InvalidRequest(String endpoint, int httpStatus, String message) {
      super(endpoint, httpStatus, message, null);
    }

    @Override
    public String reason() {
      return "InvalidRequest";
    }

    @Override
    public boolean isRetriable() {
      return false;
    }
  }

  /** 429 from Kinsta, or our own budget could not grant a permit in time. */
  public static final class RateLimited extends KinstaApiException {
    private final Duration retryAfter;
    private final boolean waitingForCreation;

    public RateLimited(String endpoint, int httpStatus, Duration retryAfter, String message) {
      this(endpoint, httpStatus, retryAfter, message, false);
    }

    public RateLimited(
        String endpoint,
        int httpStatus,
        Duration retryAfter,
        String message,
        boolean waitingForCreation) {
      super(endpoint, httpStatus, message, null);
      this.retryAfter = retryAfter;
      this.waitingForCreation = waitingForCreation;
    }

    /**
     * A creation waiting for its turn before anything was read, rather than a call refused half way
     * through a reconcile: its wait is exactly the next creation permit's.
     */
    public boolean waitingForCreation() {
      return waitingForCreation;
    }

    /** How long to wait before the company's budget allows calls again. */
    public Duration retryAfter() {
      return retryAfter;
    }

    @Override
    public String reason() {
      return "RateLimited";
    }

    @Override
    public boolean isRetriable() {
      return true;
    }
  }

  /** 5xx: Kinsta failed; the same call may work later. */
  public static final class ServerError extends KinstaApiException {
    public ServerError(String endpoint, int httpStatus, String message) {
      super(endpoint, httpStatus, message, null);
    }

    @Override
    public String reason() {
      return "KinstaServerError";
    }

    @Override
    public boolean isRetriable() {
      return true;
    }
  }

  /** No usable answer: connection refused or dropped, timeout, unreadable body. */
  public static final class Transport extends KinstaApiException {
    public Transport(String endpoint, String message, @Nullable Throwable cause) {
      super(endpoint, 0, message, cause);
    }

    @Override
    public String reason() {
      return "KinstaUnreachable";
    }

    @Override
    public boolean isRetriable() {
      return true;
    }
  }
}
