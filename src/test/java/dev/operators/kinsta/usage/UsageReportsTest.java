package dev.operators.kinsta.usage;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.operators.kinsta.api.v1alpha1.KinstaApplication;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationStatus;
import dev.operators.kinsta.api.v1alpha1.KinstaSite;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteStatus;
import dev.operators.kinsta.hosting.application.ApplicationLifecycleTest;
import dev.operators.kinsta.testing.OperatorHarness;
import dev.operators.kinsta.testing.OperatorHarness.Tenant;
import dev.operators.kinsta.wordpress.site.Sites;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The usage reports against the simulator: each managed site's and application's figures as gauges,
 * refreshed each round, labelled only by namespace, name and Kinsta id (and environment), gone with
 * their resource.
 */
class UsageReportsTest {
  private static OperatorHarness harness;

  @BeforeAll
  static void start() {
    harness =
        OperatorHarness.startWithMetrics(
            OperatorHarness.fastSettings().withUsageInterval(Duration.ofSeconds(1)));
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @Test
  void reportsWhatEachSiteAndApplicationUsesAndForgetsTheGone() {
    Tenant tenant = harness.tenant();
    tenant.create(Sites.plain("shop"));
    String siteId = tenant.awaitSiteReady("shop").getStatus().siteId;
    String appId = harness.kinsta.simulator.seedApplication(tenant.companyId(), "Storefront API");
    tenant.create(ApplicationLifecycleTest.adoptingId("api", appId));
    ApplicationLifecycleTest.awaitReady(tenant, "api");
    tenant.create(dev.operators.kinsta.hosting.staticsite.StaticSiteCreationTest.fromGit("docs"));
    String docsId =
        dev.operators.kinsta.hosting.staticsite.StaticSiteTest.awaitReady(tenant, "docs")
            .getStatus()
            .staticSiteId;
    harness.kinsta.simulator.mutate(
        state -> {
          state.sites.get(siteId).visitsThisMonth = 4321;
          state.sites.get(siteId).environments.get(0).diskSpace = 123_000_000L;
          state.applications.get(appId).httpRequestsPerHour = 3600;
        });

    String site =
        "kinsta_id=\"" + siteId + "\",name=\"shop\",namespace=\"" + tenant.namespace + "\"";
    awaitScrape("kinsta_site_visits_this_month{" + site + "} 4321.0");
    awaitScrape("kinsta_site_disk_space{environment=\"live\"," + site + "} 1.23E8");
    String app = "kinsta_id=\"" + appId + "\",name=\"api\",namespace=\"" + tenant.namespace + "\"";
    awaitScrape("kinsta_application_requests_per_minute{" + app + "} 60.0");
    awaitScrape("kinsta_application_response_time_average_ms{" + app + "} 180.0");
    String docs =
        "kinsta_id=\"" + docsId + "\",name=\"docs\",namespace=\"" + tenant.namespace + "\"";
    awaitScrape("kinsta_static_site_requests_per_minute{" + docs + "} 12.0");
    awaitScrape("kinsta_static_site_response_time_average_ms{" + docs + "} 35.0");
    KinstaApplicationStatus.LatestDeployment latest =
        tenant.get(KinstaApplication.class, "api").getStatus().latestDeployment;
    assertEquals("main", latest.branch, "the newest deployment, as Kinsta lists it");
    assertEquals("Initial deployment", latest.commitMessage);
    assertEquals(127L, latest.buildTime, "from the deployment's start to its end");

    // A new figure in Kinsta is the gauge's value after the next round.
    harness.kinsta.simulator.mutate(
        state -> {
          state.sites.get(siteId).visitsThisMonth = 5000;
        });
    awaitScrape("kinsta_site_visits_this_month{" + site + "} 5000.0");

    assertEquals(
        Set.of("namespace", "name", "kinsta_id", "environment"),
        labelsOfUsageSeries(),
        "no label that grows without bound beyond the resource and its environment");
    assertEquals(
        UsageReports.METRICS.keySet(),
        exportedUsageMetrics(),
        "every metric the reports declare, and only those");

    // What the environment runs is read on the same schedule and shown in the site's status.
    String liveId = tenant.get(KinstaSite.class, "shop").getStatus().environments.get(0).id;
    harness.kinsta.simulator.seedPlugin(liveId, "woocommerce", "9.3.0", "9.4.1");
    harness.kinsta.simulator.seedPlugin(liveId, "akismet", "5.3.5", null);
    java.time.Instant now = java.time.Instant.now();
    for (int day = 1; day <= 8; day++) {
      harness.kinsta.simulator.seedBackup(liveId, "daily", "", now.minus(Duration.ofDays(day)));
    }
    long manual = harness.kinsta.simulator.seedBackup(liveId, "manual", "before-release", now);
    // Denied addresses and redirects the spec does not manage, and backups ready to download.
    harness.kinsta.simulator.mutate(
        state -> {
          var live =
              state.sites.get(siteId).environments.stream()
                  .filter(env -> env.id.equals(liveId))
                  .findFirst()
                  .orElseThrow();
          live.deniedIps = new java.util.ArrayList<>(List.of("203.0.113.9"));
          live.redirects.add(
              new dev.operators.kinsta.simulator.SimulatorState.Redirect(
                  null, "/old", "/new", "301"));
          live.downloadableBackups = 2;
        });
    KinstaSiteStatus.Contents contents =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> tenant.get(KinstaSite.class, "shop").getStatus().environments.get(0).contents,
                c ->
                    c != null
                        && c.plugins.size() == 2
                        && c.backups.size() == 5
                        && c.downloadable != null
                        && c.downloadable.size() == 2);
    assertEquals(
        List.of("akismet", "woocommerce"), contents.plugins.stream().map(p -> p.name).toList());
    assertEquals("9.4.1", contents.plugins.get(1).updateVersion);
    assertEquals(1, contents.updatesAvailable);
    assertEquals(manual, contents.backups.get(0).id, "newest first");
    assertEquals("before-release", contents.backups.get(0).tag);
    assertEquals(2, contents.downloadableBackups);
    assertTrue(
        contents.downloadable.get(0).createdAt.compareTo(contents.downloadable.get(1).createdAt)
            > 0,
        "newest first");
    assertEquals(
        List.of("203.0.113.9"), contents.deniedIps, "shown though the spec does not manage them");
    assertEquals("/old", contents.redirects.get(0).from);
    assertEquals("/new", contents.redirects.get(0).to);
    assertTrue(
        !io.fabric8.kubernetes.client.utils.Serialization.asJson(
                tenant.get(KinstaSite.class, "shop").getStatus())
            .contains("backups.example"),
        "no download link in status");

    tenant.delete(KinstaSite.class, "shop");
    tenant.awaitGone(KinstaSite.class, "shop", Duration.ofSeconds(30));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> !scrape().contains("kinsta_id=\"" + siteId + "\""));
    assertTrue(scrape().contains("kinsta_id=\"" + appId + "\""), "the application stays");
  }

  @Test
  void theGrafanaDashboardParsesAndAsksOnlyForMetricsTheOperatorExports() throws Exception {
    Tenant tenant = harness.tenant();
    tenant.create(Sites.plain("blog"));
    String siteId = tenant.awaitSiteReady("blog").getStatus().siteId;
    String appId = harness.kinsta.simulator.seedApplication(tenant.companyId(), "Worker");
    tenant.create(ApplicationLifecycleTest.adoptingId("worker", appId));
    ApplicationLifecycleTest.awaitReady(tenant, "worker");
    tenant.create(
        dev.operators.kinsta.hosting.staticsite.StaticSiteCreationTest.fromGit("handbook"));
    String handbookId =
        dev.operators.kinsta.hosting.staticsite.StaticSiteTest.awaitReady(tenant, "handbook")
            .getStatus()
            .staticSiteId;
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                scrape().contains("kinsta_id=\"" + siteId + "\"")
                    && scrape()
                        .contains("kinsta_application_requests_per_minute{kinsta_id=\"" + appId)
                    && scrape()
                        .contains(
                            "kinsta_static_site_requests_per_minute{kinsta_id=\"" + handbookId));

    com.fasterxml.jackson.databind.JsonNode dashboard =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(
                java.nio.file.Files.readString(
                    java.nio.file.Path.of("helm/kinsta-operator/dashboards/kinsta-operator.json")));
    assertEquals("Kinsta operator", dashboard.path("title").asText());
    Set<String> exported =
        scrape()
            .lines()
            .filter(l -> l.startsWith("# TYPE "))
            .map(l -> l.split(" ")[2])
            .collect(Collectors.toSet());
    Set<String> asked = new java.util.TreeSet<>();
    Matcher names = Pattern.compile("\\b(kinsta_[a-z_]+)").matcher(expressions(dashboard));
    while (names.find()) {
      asked.add(names.group(1));
    }
    asked.remove("kinsta_id"); // a label, not a metric
    assertFalse(asked.isEmpty());
    Set<String> unknown = new java.util.TreeSet<>();
    for (String name : asked) {
      boolean known =
          exported.contains(name)
              || exported.stream()
                  .anyMatch(
                      family ->
                          name.equals(family + "_count")
                              || name.equals(family + "_sum")
                              || name.equals(family + "_total")
                              || name.equals(family + "_max"));
      if (!known) {
        unknown.add(name);
      }
    }
    assertEquals(
        Set.of(),
        unknown,
        "dashboard metrics the operator does not export; it exports " + exported);
    assertTrue(
        asked.containsAll(UsageReports.METRICS.keySet()), "the dashboard shows every usage metric");
  }

  /** Every PromQL expression and variable query of the dashboard, one per line. */
  private static String expressions(com.fasterxml.jackson.databind.JsonNode dashboard) {
    StringBuilder all = new StringBuilder();
    for (com.fasterxml.jackson.databind.JsonNode panel : dashboard.path("panels")) {
      panel
          .path("targets")
          .forEach(target -> all.append(target.path("expr").asText()).append('\n'));
    }
    dashboard
        .path("templating")
        .path("list")
        .forEach(variable -> all.append(variable.path("definition").asText()).append('\n'));
    return all.toString();
  }

  private static void awaitScrape(String line) {
    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> scrape().lines().anyMatch(l -> l.equals(line)));
    } catch (org.awaitility.core.ConditionTimeoutException missing) {
      throw new AssertionError(
          "no line "
              + line
              + " in:\n"
              + scrape()
                  .lines()
                  .filter(l -> l.startsWith("kinsta_"))
                  .collect(Collectors.joining("\n")),
          missing);
    }
  }

  private static String scrape() {
    return harness.metrics.scrape();
  }

  private static final Pattern SERIES =
      Pattern.compile("^(kinsta_(site|application)_[a-z_]+)\\{([^}]*)}", Pattern.MULTILINE);

  private static Set<String> labelsOfUsageSeries() {
    Matcher matcher = SERIES.matcher(scrape());
    Set<String> labels = new java.util.TreeSet<>();
    while (matcher.find()) {
      for (String pair : matcher.group(3).split(",")) {
        labels.add(pair.substring(0, pair.indexOf('=')));
      }
    }
    return labels;
  }

  private static Set<String> exportedUsageMetrics() {
    Set<String> names =
        scrape()
            .lines()
            .filter(l -> !l.startsWith("#"))
            .map(l -> l.replaceAll("[{ ].*", ""))
            .filter(
                name ->
                    name.startsWith("kinsta_site_")
                        || name.startsWith("kinsta_application_")
                        || name.startsWith("kinsta_static_site_")
                        || name.startsWith("kinsta_usage_"))
            .collect(Collectors.toSet());
    assertFalse(names.isEmpty());
    return names;
  }
}
