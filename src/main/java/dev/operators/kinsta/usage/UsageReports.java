package dev.operators.kinsta.usage;

import dev.operators.kinsta.api.v1alpha1.KinstaApplication;
import dev.operators.kinsta.api.v1alpha1.KinstaSite;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteStatus;
import dev.operators.kinsta.api.v1alpha1.KinstaSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaStaticSite;
import dev.operators.kinsta.hosting.client.HostingApi;
import dev.operators.kinsta.hosting.client.dto.ApplicationMetric;
import dev.operators.kinsta.reconcile.ControllerServices;
import dev.operators.kinsta.reconcile.CredentialsProblem;
import dev.operators.kinsta.transport.KinstaApiException;
import dev.operators.kinsta.transport.KinstaCredentials;
import dev.operators.kinsta.wordpress.client.KinstaApi;
import dev.operators.kinsta.wordpress.client.dto.SiteUsage;
import dev.operators.kinsta.wordpress.inventory.EnvironmentReport;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what every managed site and application uses, once per interval, on a thread of its own,
 * and keeps it in gauges labelled by namespace, resource name and Kinsta id (plus the environment
 * for disk space). Its calls go on the usage lane at reporting priority: a fifth of a company's
 * budget at most, and only while the budget is at least half full, so a reconcile never waits for a
 * report. A call the budget refuses waits for the time the budget names; a round that cannot finish
 * within the interval ends later, and the values it has not reached yet stay as they were.
 */
public final class UsageReports implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(UsageReports.class);

  /** One gauge: a metric of one resource (and environment). */
  private record Series(String metric, String namespace, String name, String id, String env) {
    Tags tags() {
      Tags tags = Tags.of("namespace", namespace, "name", name, "kinsta_id", id);
      return env.isEmpty() ? tags : tags.and("environment", env);
    }
  }

  private final ControllerServices services;
  private final MeterRegistry registry;
  private final Duration interval;
  private final ScheduledExecutorService thread;
  private final Map<Series, AtomicLong> values = new ConcurrentHashMap<>();
  private final Map<Series, Gauge> gauges = new ConcurrentHashMap<>();
  private final AtomicLong rounds = new AtomicLong();
  private volatile boolean closed;

  private UsageReports(ControllerServices services, MeterRegistry registry, Duration interval) {
    this.services = services;
    this.registry = registry;
    this.interval = interval;
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread reports = new Thread(runnable, "kinsta-usage-reports");
              reports.setDaemon(true);
              return reports;
            });
    Gauge.builder("kinsta_usage_rounds", rounds, AtomicLong::get)
        .description(METRICS.get("kinsta_usage_rounds"))
        .register(registry);
  }

  /** Starts the reports: a first round shortly after start, then one per interval. */
  public static UsageReports start(
      ControllerServices services, MeterRegistry registry, Duration interval) {
    UsageReports reports = new UsageReports(services, registry, interval);
    var unused =
        reports.thread.scheduleWithFixedDelay(
            reports::roundSafely,
            Math.min(10_000, interval.toMillis()),
            interval.toMillis(),
            TimeUnit.MILLISECONDS);
    return reports;
  }

  private void roundSafely() {
    try {
      round();
    } catch (RuntimeException unexpected) {
      LOG.warn("Usage report round failed: {}", unexpected.toString());
    }
  }

  /** One round over every managed site and application. */
  void round() {
    Set<Series> reported = new HashSet<>();
    for (KinstaSite site : services.caches().all(KinstaSite.class).toList()) {
      KinstaSiteStatus status = site.getStatus();
      if (closed || status == null || status.siteId == null) {
        continue;
      }
      String siteId = status.siteId;
      credentials(site)
          .ifPresent(
              credentials -> {
                var api = services.clients().kinsta(credentials);
                for (SiteUsage usage : SiteUsage.values()) {
                  report(
                      reported,
                      series(site, siteMetric(usage), siteId, ""),
                      () -> OptionalDouble.of(api.sites().siteUsageThisMonth(siteId, usage)));
                }
                if (status.environments != null) {
                  KinstaApi reports = services.clients().reports(credentials);
                  for (KinstaSiteStatus.EnvironmentStatus env : status.environments) {
                    String envId = env.id;
                    if (envId != null && env.name != null) {
                      report(
                          reported,
                          series(site, "kinsta_site_disk_space", siteId, env.name),
                          () -> api.sites().diskSpace(envId));
                      readContents(reports, siteId, envId);
                    }
                  }
                }
              });
    }
    // Applications and static sites are read over the last hour, whatever the interval.
    Instant end = services.clock().instant();
    Instant start = end.minus(Duration.ofHours(1));
    for (KinstaApplication app : services.caches().all(KinstaApplication.class).toList()) {
      String appId = app.getStatus() == null ? null : app.getStatus().applicationId;
      reportHosted(
          reported,
          app,
          appId,
          UsageReports::applicationMetric,
          (hosting, id, metric) ->
              hosting.applications().applicationMetric(id, metric, start, end));
    }
    for (KinstaStaticSite site : services.caches().all(KinstaStaticSite.class).toList()) {
      String siteId = site.getStatus() == null ? null : site.getStatus().staticSiteId;
      reportHosted(
          reported,
          site,
          siteId,
          UsageReports::staticSiteMetric,
          (hosting, id, metric) -> hosting.staticSites().staticSiteMetric(id, metric, start, end));
    }
    // A resource gone (or no longer pointing at its object) loses its series.
    for (Series gone : Set.copyOf(gauges.keySet())) {
      if (!reported.contains(gone) && !stillThere(gone)) {
        Gauge gauge = gauges.remove(gone);
        if (gauge != null) {
          registry.remove(gauge);
        }
        values.remove(gone);
      }
    }
    rounds.incrementAndGet();
  }

  /** How one metric of an application or a static site is read. */
  private interface MetricRead {
    OptionalDouble read(HostingApi hosting, String id, ApplicationMetric metric);
  }

  /** Each of an application's or static site's metrics, read with its company's credentials. */
  private void reportHosted(
      Set<Series> reported,
      HasMetadata resource,
      @Nullable String id,
      Function<ApplicationMetric, String> gaugeName,
      MetricRead read) {
    if (closed || id == null) {
      return;
    }
    credentials(resource)
        .ifPresent(
            credentials -> {
              HostingApi hosting = services.clients().hosting(credentials);
              for (ApplicationMetric metric : ApplicationMetric.values()) {
                report(
                    reported,
                    series(resource, gaugeName.apply(metric), id, ""),
                    () -> read.read(hosting, id, metric));
              }
            });
  }

  private boolean stillThere(Series series) {
    return services.caches().get(KinstaSite.class, series.namespace(), series.name()).isPresent()
        || services
            .caches()
            .get(KinstaApplication.class, series.namespace(), series.name())
            .isPresent()
        || services
            .caches()
            .get(KinstaStaticSite.class, series.namespace(), series.name())
            .isPresent();
  }

  /** Reads one value into its gauge; a value not read leaves the gauge as it was. */
  private void report(Set<Series> reported, Series series, Supplier<OptionalDouble> read) {
    Optional<OptionalDouble> value = read(series.id(), read);
    if (value.isPresent() || !closed) {
      reported.add(series);
    }
    value.ifPresent(figure -> figure.ifPresent(number -> set(series, number)));
  }

  /**
   * One read, waiting as long as the budget says when it refuses; empty when Kinsta failed (the
   * resource's own reconcile reports what is wrong) or the reports are closing.
   */
  private <T> Optional<T> read(String about, Supplier<T> read) {
    while (!closed) {
      try {
        return Optional.of(read.get());
      } catch (KinstaApiException.RateLimited refused) {
        if (!pause(refused.retryAfter())) {
          return Optional.empty();
        }
      } catch (KinstaApiException failed) {
        LOG.debug("Usage of {} not read: {}", about, failed.getMessage());
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * An environment's plugins, themes and backups, for its site's status; each read on its own, so
   * that a permit refused to one does not repeat the others.
   */
  private void readContents(KinstaApi reports, String siteId, String environmentId) {
    var plugins = read(environmentId, () -> reports.wordPress().listPlugins(environmentId));
    var themes = read(environmentId, () -> reports.wordPress().listThemes(environmentId));
    var backups = read(environmentId, () -> reports.backups().listBackups(environmentId));
    var downloadable =
        read(environmentId, () -> reports.backups().downloadableBackups(environmentId));
    var deniedIps = read(environmentId, () -> reports.access().getDeniedIps(environmentId));
    var redirects = read(environmentId, () -> reports.access().redirectRules(environmentId));
    if (plugins.isPresent()
        && themes.isPresent()
        && backups.isPresent()
        && downloadable.isPresent()
        && deniedIps.isPresent()
        && redirects.isPresent()) {
      services
          .sites()
          .reported(
              siteId,
              environmentId,
              new EnvironmentReport(
                  plugins.get(),
                  themes.get(),
                  backups.get(),
                  downloadable.get(),
                  List.copyOf(deniedIps.get()),
                  List.copyOf(redirects.get()),
                  services.clock().instant()));
    }
  }

  /** Waits on this thread, which serves nothing else; false when the reports are closing. */
  private boolean pause(Duration wait) {
    try {
      Thread.sleep(Math.max(1, Math.min(wait.toMillis(), interval.toMillis())));
      return !closed;
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void set(Series series, double value) {
    AtomicLong bits =
        values.computeIfAbsent(
            series,
            key -> {
              AtomicLong holder = new AtomicLong();
              gauges.put(
                  key,
                  Gauge.builder(key.metric(), holder, held -> Double.longBitsToDouble(held.get()))
                      .tags(key.tags())
                      .strongReference(true)
                      .register(registry));
              return holder;
            });
    bits.set(Double.doubleToLongBits(value));
  }

  private Optional<KinstaCredentials> credentials(HasMetadata resource) {
    String secret = credentialsSecret(resource);
    if (secret == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          services
              .credentials()
              .resolve(services.secrets(), resource.getMetadata().getNamespace(), secret)
              .credentials());
    } catch (CredentialsProblem | KinstaApiException unusable) {
      return Optional.empty();
    }
  }

  private static @Nullable String credentialsSecret(HasMetadata resource) {
    return resource instanceof CustomResource<?, ?> custom
            && custom.getSpec() instanceof KinstaSpec spec
        ? spec.credentialsSecretName()
        : null;
  }

  private static Series series(HasMetadata resource, String metric, String id, String env) {
    return new Series(
        metric, resource.getMetadata().getNamespace(), resource.getMetadata().getName(), id, env);
  }

  /** The gauge names, as {@link #METRICS} lists them. */
  static String siteMetric(SiteUsage usage) {
    return switch (usage) {
      case VISITS -> "kinsta_site_visits_this_month";
      case BANDWIDTH -> "kinsta_site_bandwidth_this_month";
      case CDN_BANDWIDTH -> "kinsta_site_cdn_bandwidth_this_month";
    };
  }

  static String applicationMetric(ApplicationMetric metric) {
    return switch (metric) {
      case REQUESTS_PER_MINUTE -> "kinsta_application_requests_per_minute";
      case RESPONSE_TIME_AVERAGE -> "kinsta_application_response_time_average_ms";
    };
  }

  static String staticSiteMetric(ApplicationMetric metric) {
    return switch (metric) {
      case REQUESTS_PER_MINUTE -> "kinsta_static_site_requests_per_minute";
      case RESPONSE_TIME_AVERAGE -> "kinsta_static_site_response_time_average_ms";
    };
  }

  /** Every metric the reports export, with its help text. */
  public static final Map<String, String> METRICS =
      Map.ofEntries(
          Map.entry(
              "kinsta_site_visits_this_month",
              "Visits to the site this month, as Kinsta counts them"),
          Map.entry(
              "kinsta_site_bandwidth_this_month",
              "The site's bandwidth this month, in Kinsta's unit"),
          Map.entry(
              "kinsta_site_cdn_bandwidth_this_month",
              "The site's CDN bandwidth this month, in Kinsta's unit"),
          Map.entry(
              "kinsta_site_disk_space",
              "Disk space the environment uses, newest daily figure, in Kinsta's unit"),
          Map.entry(
              "kinsta_application_requests_per_minute",
              "Requests per minute the application served, newest point of the last hour"),
          Map.entry(
              "kinsta_application_response_time_average_ms",
              "The application's average response time over the last hour, in milliseconds"),
          Map.entry(
              "kinsta_static_site_requests_per_minute",
              "Requests per minute the static site served, newest point of the last hour"),
          Map.entry(
              "kinsta_static_site_response_time_average_ms",
              "The static site's average response time over the last hour, in milliseconds"),
          Map.entry(
              "kinsta_usage_rounds", "Usage report rounds finished since the operator started"));

  @Override
  public void close() {
    closed = true;
    thread.shutdownNow();
  }
}
