package dev.operators.kinsta.transport;

import dev.operators.kinsta.transport.budget.Lane;
import dev.operators.kinsta.transport.budget.Priority;
import io.vertx.core.http.HttpMethod;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One Kinsta call: method, the endpoint template (used in logs, metrics and errors), the concrete
 * path, query, body and how the budget should treat it.
 */
public record KinstaRequest(
    HttpMethod method,
    String template,
    String path,
    Map<String, String> query,
    @Nullable Object body,
    Lane lane,
    Priority priority,
    @Nullable String service) {

  public static KinstaRequest of(HttpMethod method, String template, Object... pathArgs) {
    Priority priority =
        HttpMethod.GET.equals(method)
            ? Priority.BACKGROUND_READ
            : HttpMethod.DELETE.equals(method) ? Priority.DELETE : Priority.USER_WRITE;
    return new KinstaRequest(
        method,
        template,
        expand(template, pathArgs),
        new LinkedHashMap<>(),
        null,
        Lane.GENERAL,
        priority,
        null);
  }

  public static KinstaRequest get(String template, Object... pathArgs) {
    return of(HttpMethod.GET, template, pathArgs);
  }

  public static KinstaRequest post(String template, Object... pathArgs) {
    return of(HttpMethod.POST, template, pathArgs);
  }

  public static KinstaRequest put(String template, Object... pathArgs) {
    return of(HttpMethod.PUT, template, pathArgs);
  }

  public static KinstaRequest delete(String template, Object... pathArgs) {
    return of(HttpMethod.DELETE, template, pathArgs);
  }

  public static KinstaRequest patch(String template, Object... pathArgs) {
    return of(HttpMethod.PATCH, template, pathArgs);
  }

  public KinstaRequest query(String name, Object value) {
    if (value != null) {
      query.put(name, String.valueOf(value));
    }
    return this;
  }

  public KinstaRequest body(Object newBody) {
    return new KinstaRequest(method, template, path, query, newBody, lane, priority, service);
  }

  /** A report's read: on the usage lane, after every reconcile's calls. */
  public KinstaRequest asReport() {
    return lane(Lane.USAGE).priority(Priority.REPORTING);
  }

  public KinstaRequest lane(Lane newLane) {
    return new KinstaRequest(method, template, path, query, body, newLane, priority, service);
  }

  public KinstaRequest priority(Priority newPriority) {
    return new KinstaRequest(method, template, path, query, body, lane, newPriority, service);
  }

  /**
   * A change to one existing service (mutation or deployment): Sevalla limits these per service, so
   * the budget keeps them per service too.
   */
  public KinstaRequest onService(String serviceId) {
    return new KinstaRequest(
        method, template, path, query, body, Lane.SERVICE, priority, serviceId);
  }

  /** Reads may be sent again after a failure; writes may not (Kinsta has no idempotency keys). */
  public boolean idempotent() {
    return HttpMethod.GET.equals(method);
  }

  /**
   * An environment variable write: its {@code value} may come from a Secret, so an answer echoing
   * it must be redacted whatever the variable is called.
   */
  public boolean carriesValues() {
    return template.contains("/env-vars");
  }

  /** {@code GET /sites/{site_id}}: how the call is named in logs, metrics and errors. */
  public String endpoint() {
    return method.name() + " " + template;
  }

  public String pathAndQuery() {
    if (query.isEmpty()) {
      return path;
    }
    StringBuilder built = new StringBuilder(path);
    char separator = '?';
    for (Map.Entry<String, String> parameter : query.entrySet()) {
      built
          .append(separator)
          .append(encode(parameter.getKey()))
          .append('=')
          .append(encode(parameter.getValue()));
      separator = '&';
    }
    return built.toString();
  }

  private static String expand(String template, Object... args) {
    StringBuilder path = new StringBuilder();
    int argument = 0;
    int at = 0;
    while (at < template.length()) {
      int open = template.indexOf('{', at);
      if (open < 0) {
        path.append(template, at, template.length());
        break;
      }
      int close = template.indexOf('}', open);
      path.append(template, at, open);
      if (argument >= args.length
          || args[argument] == null
          || String.valueOf(args[argument]).isBlank()) {
        throw new IllegalArgumentException(
            "missing " + template.substring(open, close + 1) + " for " + template);
      }
      path.append(encode(String.valueOf(args[argument++])).replace("+", "%20"));
      at = close + 1;
    }
    return path.toString();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
