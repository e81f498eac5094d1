package dev.operators.kinsta.config;

import dev.operators.kinsta.transport.KinstaClientSettings;
import dev.operators.kinsta.transport.budget.RateBudgetSettings;
import dev.operators.kinsta.transport.budget.RateLimit;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Every operator-level setting, read once from environment variables and checked at start: a wrong
 * value stops the operator with a message naming the variable, instead of failing later. The
 * variable names are public API (README, Helm values). Base URLs are operator settings only: no
 * custom resource can point the operator, and its keys, at another host.
 */
public record OperatorConfig(
    URI kinstaApiUrl,
    URI hostingApiUrl,
    Set<String> watchedNamespaces,
    Duration resyncInterval,
    Duration requestTimeout,
    int requestsPerMinute,
    int creationsPerMinute,
    int perIpRequestsPerMinute,
    DeletionPolicy defaultDeletionPolicy,
    boolean leaderElection,
    String leaseNamespace,
    String leaseName,
    int managementPort,
    Duration orphanAfter,
    Duration creationWindow,
    Duration stalledRetry,
    Duration inventoryInterval,
    Duration usageInterval,
    Approval defaultApproval) {

  /** Which changes wait for approval when a resource's spec does not say. */
  public enum Approval {
    None,
    Destructive
  }

  /** What happens to the Kinsta object when its custom resource is deleted. */
  public enum DeletionPolicy {
    Delete,
    Retain
  }

  public static final String KINSTA_API_URL = "KINSTA_API_URL";
  public static final String KINSTA_HOSTING_API_URL = "KINSTA_HOSTING_API_URL";
  public static final String WATCH_NAMESPACES = "KINSTA_WATCH_NAMESPACES";
  public static final String RESYNC_INTERVAL = "KINSTA_RESYNC_INTERVAL";
  public static final String REQUEST_TIMEOUT = "KINSTA_REQUEST_TIMEOUT";
  public static final String REQUESTS_PER_MINUTE = "KINSTA_RATE_REQUESTS_PER_MINUTE";
  public static final String CREATIONS_PER_MINUTE = "KINSTA_RATE_CREATIONS_PER_MINUTE";
  public static final String PER_IP_REQUESTS_PER_MINUTE = "KINSTA_RATE_PER_IP_REQUESTS_PER_MINUTE";
  public static final String DEFAULT_DELETION_POLICY = "KINSTA_DEFAULT_DELETION_POLICY";
  public static final String LEADER_ELECTION = "KINSTA_LEADER_ELECTION";
  public static final String LEASE_NAMESPACE = "KINSTA_LEASE_NAMESPACE";
  public static final String LEASE_NAME = "KINSTA_LEASE_NAME";
  public static final String MANAGEMENT_PORT = "KINSTA_MANAGEMENT_PORT";
  public static final String ORPHAN_AFTER = "KINSTA_ORPHAN_AFTER";
  public static final String CREATION_WINDOW = "KINSTA_CREATION_WINDOW";
  public static final String STALLED_RETRY = "KINSTA_STALLED_RETRY";
  public static final String INVENTORY_INTERVAL = "KINSTA_INVENTORY_INTERVAL";
  public static final String USAGE_INTERVAL = "KINSTA_USAGE_INTERVAL";
  public static final String DEFAULT_APPROVAL = "KINSTA_DEFAULT_APPROVAL";

  /** Kinsta's documented limits, which the budget must stay below. */
  private static final int KINSTA_COMPANY_LIMIT = 120;

  private static final int KINSTA_CREATION_LIMIT = 5;
  private static final int KINSTA_IP_LIMIT = 1000;

  /**
   * Reads the settings from {@code env} (normally {@link System#getenv()}), or throws listing every
   * problem.
   */
  public static OperatorConfig fromEnvironment(Map<String, String> env) {
    Reader read = new Reader(env);
    URI kinsta =
        read.value(
            KINSTA_API_URL, KinstaClientSettings.KINSTA_API.toString(), OperatorConfig::httpUrl);
    URI hosting =
        read.value(
            KINSTA_HOSTING_API_URL,
            KinstaClientSettings.SEVALLA_API.toString(),
            OperatorConfig::httpUrl);
    Set<String> namespaces = read.value(WATCH_NAMESPACES, "", OperatorConfig::namespaces);
    Duration resync = read.value(RESYNC_INTERVAL, "10m", text -> positive(duration(text)));
    Duration timeout = read.value(REQUEST_TIMEOUT, "30s", text -> positive(duration(text)));
    Integer requests =
        read.value(REQUESTS_PER_MINUTE, "100", text -> between(text, 2, KINSTA_COMPANY_LIMIT));
    Integer creations =
        read.value(CREATIONS_PER_MINUTE, "5", text -> between(text, 2, KINSTA_CREATION_LIMIT));
    Integer perIp =
        read.value(PER_IP_REQUESTS_PER_MINUTE, "900", text -> between(text, 2, KINSTA_IP_LIMIT));
    DeletionPolicy deletion =
        read.value(DEFAULT_DELETION_POLICY, "Delete", OperatorConfig::deletionPolicy);
    Boolean leaderElection = read.value(LEADER_ELECTION, "false", OperatorConfig::bool);
    String leaseNamespace = read.value(LEASE_NAMESPACE, "", text -> text);
    String leaseName = read.value(LEASE_NAME, "kinsta-operator", OperatorConfig::objectName);
    Integer port = read.value(MANAGEMENT_PORT, "8080", text -> between(text, 0, 65535));
    Duration orphanAfter = read.value(ORPHAN_AFTER, "1h", text -> positive(duration(text)));
    Duration creationWindow = read.value(CREATION_WINDOW, "30m", text -> positive(duration(text)));
    Duration stalledRetry = read.value(STALLED_RETRY, "1h", text -> positive(duration(text)));
    Duration inventory =
        read.value(
            INVENTORY_INTERVAL,
            "5m",
            text -> between(duration(text), Duration.ofSeconds(30), Duration.ofHours(1)));
    Duration usage =
        read.value(
            USAGE_INTERVAL,
            "1h",
            text -> between(duration(text), Duration.ofMinutes(1), Duration.ofHours(24)));
    Approval approval = read.value(DEFAULT_APPROVAL, "None", OperatorConfig::approval);
    read.failIfProblems();
    return new OperatorConfig(
        kinsta,
        hosting,
        namespaces,
        resync,
        timeout,
        requests,
        creations,
        perIp,
        deletion,
        leaderElection,
        leaseNamespace,
        leaseName,
        port,
        orphanAfter,
        creationWindow,
        stalledRetry,
        inventory,
        usage,
        approval);
  }

  /** The Kinsta client settings these operator settings imply. */
  public KinstaClientSettings clientSettings() {
    RateBudgetSettings budget =
        new RateBudgetSettings(
            RateLimit.perMinute(requestsPerMinute),
            new RateLimit(creationsPerMinute, Duration.ofMinutes(1), 1),
            RateLimit.perMinute(30),
            RateLimit.perMinute(perIpRequestsPerMinute));
    return new KinstaClientSettings(kinstaApiUrl, hostingApiUrl, requestTimeout, 2, budget);
  }

  public boolean watchesAllNamespaces() {
    return watchedNamespaces.isEmpty();
  }

  /** Collects every problem before failing, so one start shows them all. */
  private static final class Reader {
    private final Map<String, String> env;
    private final List<String> problems = new ArrayList<>();

    Reader(Map<String, String> env) {
      this.env = env;
    }

    <T> T value(String name, String fallback, Function<String, T> parse) {
      String text = env.get(name);
      String effective = text == null || text.isBlank() ? fallback : text.strip();
      try {
        return parse.apply(effective);
      } catch (IllegalArgumentException | DateTimeParseException bad) {
        problems.add(name + "=" + effective + ": " + bad.getMessage());
        // Reading goes on with the default, so that one start
        // reports every problem; the config is refused.
        return parse.apply(fallback);
      }
    }

    void failIfProblems() {
      if (!problems.isEmpty()) {
        throw new ConfigException(problems);
      }
    }
  }

  static URI httpUrl(String text) {
    try {
      URI uri = new URI(text);
      if ((!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw new IllegalArgumentException("must be an http(s) URL with a host");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL (" + e.getReason() + ")");
    }
  }

  static Set<String> namespaces(String text) {
    List<String> names =
        Arrays.stream(text.split(",")).map(String::strip).filter(name -> !name.isEmpty()).toList();
    for (String name : names) {
      if (!name.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")) {
        throw new IllegalArgumentException("'" + name + "' is not a valid namespace name");
      }
    }
    return Set.copyOf(names);
  }

  /** A Kubernetes object name (DNS subdomain), such as a Lease's. */
  static String objectName(String text) {
    if (text.length() > 253 || !text.matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?")) {
      throw new IllegalArgumentException("'" + text + "' is not a valid object name");
    }
    return text;
  }

  /**
   * Durations as Kubernetes users write them ({@code 90s}, {@code 10m}, {@code 1h}) or ISO-8601
   * ({@code PT10M}).
   */
  static Duration duration(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.startsWith("p")) {
      return Duration.parse(text.toUpperCase(Locale.ROOT));
    }
    if (!lower.matches("\\d+(ms|s|m|h)")) {
      throw new IllegalArgumentException("must be a duration such as 500ms, 30s, 10m or 1h");
    }
    if (lower.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(lower.substring(0, lower.length() - 2)));
    }
    long amount = Long.parseLong(lower.substring(0, lower.length() - 1));
    return switch (lower.charAt(lower.length() - 1)) {
      case 's' -> Duration.ofSeconds(amount);
      case 'm' -> Duration.ofMinutes(amount);
      default -> Duration.ofHours(amount);
    };
  }

  private static Duration positive(Duration duration) {
    if (duration.isZero() || duration.isNegative()) {
      throw new IllegalArgumentException("must be longer than zero");
    }
    return duration;
  }

  private static Duration between(Duration duration, Duration min, Duration max) {
    if (duration.compareTo(min) < 0 || duration.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          "must be between " + min.toSeconds() + "s and " + max.toSeconds() + "s");
    }
    return duration;
  }

  private static int between(String text, int min, int max) {
    int value;
    try {
      value = Integer.parseInt(text);
    } catch (NumberFormatException notNumber) {
      throw new IllegalArgumentException("must be a whole number");
    }
    if (value < min || value > max) {
      throw new IllegalArgumentException("must be between " + min + " and " + max);
    }
    return value;
  }

  private static DeletionPolicy deletionPolicy(String text) {
    for (DeletionPolicy policy : DeletionPolicy.values()) {
      if (policy.name().equalsIgnoreCase(text)) {
        return policy;
      }
    }
    throw new IllegalArgumentException("must be Delete or Retain");
  }

  private static Approval approval(String text) {
    for (Approval approval : Approval.values()) {
      if (approval.name().equalsIgnoreCase(text)) {
        return approval;
      }
    }
    throw new IllegalArgumentException("must be None or Destructive");
  }

  private static boolean bool(String text) {
    if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
      return Boolean.parseBoolean(text);
    }
    throw new IllegalArgumentException("must be true or false");
  }
}
