package dev.operators.kinsta.hosting.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.operators.kinsta.hosting.client.dto.AppProcess;
import dev.operators.kinsta.hosting.client.dto.Application;
import dev.operators.kinsta.hosting.client.dto.ApplicationMetric;
import dev.operators.kinsta.hosting.client.dto.ApplicationSettings;
import dev.operators.kinsta.hosting.client.dto.Cluster;
import dev.operators.kinsta.hosting.client.dto.CreateApplicationRequest;
import dev.operators.kinsta.hosting.client.dto.CreateDatabaseRequest;
import dev.operators.kinsta.hosting.client.dto.CreateStaticSiteRequest;
import dev.operators.kinsta.hosting.client.dto.Database;
import dev.operators.kinsta.hosting.client.dto.Deployment;
import dev.operators.kinsta.hosting.client.dto.InternalConnection;
import dev.operators.kinsta.hosting.client.dto.InternalConnectionTarget;
import dev.operators.kinsta.hosting.client.dto.ResourceType;
import dev.operators.kinsta.hosting.client.dto.ScalingStrategy;
import dev.operators.kinsta.hosting.client.dto.StaticSite;
import dev.operators.kinsta.hosting.client.dto.StaticSiteDeployment;
import dev.operators.kinsta.hosting.client.dto.StaticSiteSettings;
import dev.operators.kinsta.hosting.client.dto.UpdateProcessRequest;
import dev.operators.kinsta.simulator.Fault;
import dev.operators.kinsta.testing.SimulatorFixture;
import dev.operators.kinsta.transport.KinstaApiException;
import dev.operators.kinsta.transport.KinstaCredentials;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every {@link HostingApi} method against the simulator's Sevalla v3 endpoints over HTTP; the
 * simulator checks each request and answer against the v3 contract, and the suite fails on any
 * mismatch.
 */
class HostingApiTest {
  static SimulatorFixture fixture;
  KinstaCredentials credentials;
  HostingApi api;

  @BeforeAll
  static void startSimulator() {
    fixture = SimulatorFixture.start();
  }

  @AfterAll
  static void stopSimulator() {
    try {
      fixture.assertContractKept();
    } finally {
      fixture.close();
    }
  }

  @BeforeEach
  void newCompany() {
    credentials = fixture.company("Hosting " + System.nanoTime());
    api = fixture.hosting(credentials);
  }

  private String clusterId(String location) {
    return api.references().listClusters().stream()
        .filter(c -> c.location().equals(location))
        .map(Cluster::id)
        .findFirst()
        .orElseThrow();
  }

  private String sizeId(String name) {
    return api.references().listDatabaseResourceTypes().stream()
        .filter(t -> t.name().equals(name))
        .map(ResourceType::id)
        .findFirst()
        .orElseThrow();
  }

  private String database(String name, String type, String user) {
    return api.databases()
        .createDatabase(
            new CreateDatabaseRequest(
                name,
                type,
                "16",
                clusterId("europe-west3"),
                sizeId("db1"),
                "orders",
                "Db-Pa55word-test",
                user,
                null,
                "postgresql".equals(type)
                    ? new CreateDatabaseRequest.Extensions(true, null, null)
                    : null))
        .id();
  }

  @Test
  void readsTheReferenceLists() {
    assertEquals(3, api.references().listClusters().size());
    assertTrue(
        api.references().listClusters().stream()
            .anyMatch(c -> "Iowa, USA".equals(c.displayName())));
    assertEquals(9, api.references().listDatabaseResourceTypes().size());
    assertEquals(List.of(), api.references().listProjects());
  }

  @Test
  void createsADatabaseThatBecomesReadyAndNeverShowsItsPassword() {
    String id = database("Orders", "postgresql", "orders_app");
    assertEquals("creating", api.databases().getDatabase(id).status());
    await().atMost(Duration.ofSeconds(5)).until(() -> api.databases().getDatabase(id).isReady());
    Database db = api.databases().getDatabase(id);
    assertEquals(5432, db.internalPort());
    assertEquals("europe-west3", db.clusterLocation());
    assertEquals("db1", db.resourceTypeName());
    assertTrue(db.internalHostname().endsWith(".svc.cluster.local"));
    assertFalse(db.toString().contains("Db-Pa55word-test"));
    assertEquals(1, api.databases().listDatabases().size());
  }

  @Test
  void createsValkeyWithoutAUserAndResetsAPassword() {
    String id = database("Cache", "valkey", null);
    await().atMost(Duration.ofSeconds(5)).until(() -> api.databases().getDatabase(id).isReady());
    assertEquals(6379, api.databases().getDatabase(id).internalPort());
    api.databases().resetDatabasePassword(id, "New-Pa55word");
    assertEquals("passwordChange", api.databases().getDatabase(id).status());
    await().atMost(Duration.ofSeconds(5)).until(() -> api.databases().getDatabase(id).isReady());
    assertEquals(
        "New-Pa55word",
        fixture.simulator.read(s -> s.databases.get(id).dbPassword),
        "Sevalla holds the new password");
  }

  @Test
  void resizesRenamesAndDeletesADatabase() {
    String id = database("Shop", "mysql", "shop");
    await().atMost(Duration.ofSeconds(5)).until(() -> api.databases().getDatabase(id).isReady());
    api.databases().updateDatabase(id, sizeId("db3"), "Shop DB");
    await().atMost(Duration.ofSeconds(5)).until(() -> api.databases().getDatabase(id).isReady());
    Database resized = api.databases().getDatabase(id);
    assertEquals("db3", resized.resourceTypeName());
    assertEquals("Shop DB", resized.displayName());
    api.databases().deleteDatabase(id);
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThrows(
                    KinstaApiException.NotFound.class, () -> api.databases().getDatabase(id)));
  }

  @Test
  void listsEveryPageUpToTheTotal() {
    for (int i = 0; i < 250; i++) {
      fixture.simulator.seedApplication(credentials.companyId(), "App " + i);
    }
    long before = fixture.simulator.journal().count("GET /applications");
    assertEquals(250, api.applications().listApplications().size());
    assertEquals(
        3,
        fixture.simulator.journal().count("GET /applications") - before,
        "pages of 100 are read until the total");
  }

  @Test
  void createsAnApplicationFromGitAndFromAnImage() {
    Application git =
        api.applications()
            .createApplication(
                new CreateApplicationRequest(
                    "Storefront",
                    clusterId("us-central1"),
                    "publicGit",
                    null,
                    null,
                    "https://github.com/acme/storefront",
                    "main",
                    null,
                    null));
    assertEquals("publicGit", git.source());
    assertNull(git.status(), "no deployment until one is asked for");
    Application image =
        api.applications()
            .createApplication(
                new CreateApplicationRequest(
                    "Proxy",
                    clusterId("us-central1"),
                    "dockerImage",
                    null,
                    null,
                    null,
                    null,
                    "nginx:1.27",
                    null));
    assertEquals("nginx:1.27", image.dockerImage());
    assertEquals(2, api.applications().listApplications().size());
  }

  @Test
  void updatesAnApplication() {
    String id = fixture.simulator.seedApplication(credentials.companyId(), "Storefront");
    Application updated =
        api.applications()
            .updateApplication(
                id,
                new ApplicationSettings(
                    "Store", "nixpacks", null, null, null, false, "release", true, 600L));
    assertEquals("Store", updated.displayName());
    assertEquals("nixpacks", updated.buildType());
    assertEquals("release", updated.defaultBranch());
    assertEquals(600L, updated.hibernateAfterSeconds());
    assertEquals(
        updated.hibernateAfterSeconds(),
        api.applications().getApplication(id).hibernateAfterSeconds());
  }

  @Test
  void scalesProcesses() {
    String id = fixture.simulator.seedApplication(credentials.companyId(), "Api");
    AppProcess web = api.processes().listProcesses(id).get(0);
    assertEquals("web", web.key());
    assertEquals(8080, web.port());
    assertEquals(1, web.scalingStrategy().config().instanceCount());
    AppProcess scaled =
        api.processes()
            .updateProcess(
                id,
                web.id(),
                new UpdateProcessRequest(
                    ScalingStrategy.horizontal(2, 5, 70, null),
                    "node app.js",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null));
    assertEquals("horizontal", scaled.scalingStrategy().type());
    assertEquals(5, scaled.scalingStrategy().config().maxInstanceCount());
    assertEquals("node app.js", api.processes().listProcesses(id).get(0).entrypoint());
  }

  @Test
  void deploysAndFollowsTheDeploymentToSuccessOrFailure() {
    String id = fixture.simulator.seedApplication(credentials.companyId(), "Web");
    Deployment ok = api.deployments().createDeployment(id, "main", null);
    assertEquals("waiting", ok.status());
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> "success".equals(api.deployments().getDeployment(id, ok.id()).status()));
    assertEquals("deploymentSuccess", api.applications().getApplication(id).status());
    assertEquals(ok.id(), api.deployments().latestDeployment(id).orElseThrow().id());

    fixture.simulator.addFault(
        Fault.failOperation("POST /applications/[^/]+/deployments", "build failed", 1));
    Deployment failing = api.deployments().createDeployment(id, "broken", null);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> "failed".equals(api.deployments().getDeployment(id, failing.id()).status()));
    assertEquals("deploymentFailed", api.applications().getApplication(id).status());
  }

  @Test
  void togglesTheCdnPurgesTheCacheAndReadsMetrics() {
    String id = fixture.simulator.seedApplication(credentials.companyId(), "Toggles");
    assertTrue(api.applications().toggleCdn(id));
    assertFalse(api.applications().toggleCdn(id));
    api.applications().purgeApplicationCache(id);
    Instant now = Instant.now();
    // Metrics go on the usage lane, spaced out: the second waits for its permit.
    await()
        .atMost(Duration.ofSeconds(10))
        .ignoreException(KinstaApiException.RateLimited.class)
        .until(
            () ->
                api.applications()
                    .applicationMetric(
                        id, ApplicationMetric.REQUESTS_PER_MINUTE, now.minusSeconds(3600), now)
                    .isPresent());
    await()
        .atMost(Duration.ofSeconds(10))
        .ignoreException(KinstaApiException.RateLimited.class)
        .until(
            () ->
                api.applications()
                        .applicationMetric(
                            id,
                            ApplicationMetric.RESPONSE_TIME_AVERAGE,
                            now.minusSeconds(3600),
                            now)
                        .getAsDouble()
                    == 180.0);
  }

  @Test
  void promotesThroughAPipeline() {
    String source = fixture.simulator.seedApplication(credentials.companyId(), "Staging");
    String target = fixture.simulator.seedApplication(credentials.companyId(), "Production");
    String pipeline = fixture.simulator.seedPipeline(credentials.companyId(), "Release");
    var promoted = api.deployments().promote(pipeline, source, List.of(target));
    assertEquals(target, promoted.get(0).targetAppId());
    assertEquals(
        promoted.get(0).deploymentId(),
        api.deployments().latestDeployment(target).orElseThrow().id());
  }

  @Test
  void connectsADatabaseToAnApplicationAndRemovesTheConnection() {
    String appId = fixture.simulator.seedApplication(credentials.companyId(), "Backend");
    String dbId = database("Main", "postgresql", "main");
    String connectionId =
        api.databases().createInternalConnection(dbId, InternalConnectionTarget.APPLICATION, appId);
    List<InternalConnection> listed = api.databases().listInternalConnections(dbId);
    assertEquals(1, listed.size());
    assertEquals(appId, listed.get(0).targetId());
    assertEquals("appResource", listed.get(0).targetType());
    api.databases().deleteInternalConnection(dbId, connectionId);
    assertEquals(List.of(), api.databases().listInternalConnections(dbId));
    assertThrows(
        KinstaApiException.NotFound.class,
        () -> api.databases().deleteInternalConnection(dbId, connectionId));
  }

  @Test
  void createsDeploysUpdatesAndDeletesAStaticSite() {
    StaticSite site =
        api.staticSites()
            .createStaticSite(
                new CreateStaticSiteRequest(
                    "Docs",
                    "https://github.com/acme/docs",
                    "main",
                    "publicGit",
                    null,
                    false,
                    "npm ci",
                    "npm run build",
                    "dist",
                    null,
                    "20",
                    "index.html",
                    "404.html",
                    null));
    StaticSiteDeployment first =
        api.staticSites().latestStaticSiteDeployment(site.id()).orElseThrow();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                "success"
                    .equals(
                        api.staticSites().getStaticSiteDeployment(site.id(), first.id()).status()));
    api.staticSites()
        .updateStaticSite(
            site.id(),
            new StaticSiteSettings(
                null, null, null, null, "npm run docs", "22", null, null, null, null));
    assertEquals("22", api.staticSites().getStaticSite(site.id()).nodeVersion());
    StaticSiteDeployment again = api.staticSites().deployStaticSite(site.id(), null, first.id());
    assertEquals("main", again.branch());
    assertTrue(api.staticSites().togglePrettyUrls(site.id()));
    assertEquals(1, api.staticSites().listStaticSites().size());
    api.staticSites().deleteStaticSite(site.id());
    assertThrows(
        KinstaApiException.NotFound.class, () -> api.staticSites().getStaticSite(site.id()));
  }

  @Test
  void deletesAnApplication() {
    String id = fixture.simulator.seedApplication(credentials.companyId(), "Old");
    api.applications().deleteApplication(id);
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThrows(
                    KinstaApiException.NotFound.class,
                    () -> api.applications().getApplication(id)));
  }

  @Test
  void forbiddenNamesTheCall() {
    fixture.simulator.addFault(Fault.status("GET /databases", 403, 1));
    KinstaApiException.Forbidden refused =
        assertThrows(KinstaApiException.Forbidden.class, () -> api.databases().listDatabases());
    assertEquals("GET /databases", refused.endpoint());
  }
}
