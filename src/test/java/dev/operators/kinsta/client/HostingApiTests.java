package dev.operators.kinsta.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.operators.kinsta.client.dto.AppProcess;
import dev.operators.kinsta.client.dto.Application;
import dev.operators.kinsta.client.dto.ApplicationSettings;
import dev.operators.kinsta.client.dto.CreateDatabaseRequest;
import dev.operators.kinsta.client.dto.CreateDeploymentRequest;
import dev.operators.kinsta.client.dto.Database;
import dev.operators.kinsta.client.dto.InternalConnectionTarget;
import dev.operators.kinsta.client.dto.ScalingStrategy;
import dev.operators.kinsta.client.dto.UpdateProcessRequest;
import dev.operators.kinsta.simulator.Fault;
import dev.operators.kinsta.testing.SimulatorFixture;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every {@link HostingApi} method against the simulator over HTTP. Run twice: with the hosting base
 * URL on Kinsta's contract and on Sevalla's v2 contract, since either can serve applications and
 * databases.
 */
abstract class HostingApiTests {
  static SimulatorFixture fixture;
  KinstaCredentials credentials;
  HostingApi api;

  static SimulatorFixture start(boolean sevalla) {
    return SimulatorFixture.start(sevalla);
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

  @Test
  void createsADatabaseThatBecomesReadyWithConnectionDetails() {
    String id =
        api.createDatabase(
            new CreateDatabaseRequest(
                credentials.companyId(),
                "europe-west3",
                "db1",
                "Orders",
                "orders",
                "Db-Pa55word-test",
                "orders_app",
                "postgresql",
                "16"));
    assertEquals("creating", api.getDatabase(id).status());
    await().atMost(Duration.ofSeconds(5)).until(() -> api.getDatabase(id).isReady());

    Database db = api.getDatabase(id);
    assertEquals(5432, db.internalPort());
    assertTrue(db.internalHostname().endsWith(".svc.cluster.local"));
    assertNotNull(db.externalPort());
    assertEquals("orders_app", db.data().dbUser());
    assertEquals("Db-Pa55word-test", db.data().dbPassword());
    assertFalse(db.toString().contains("Db-Pa55word-test"), "toString must leave the password out");
    assertEquals(db, api.getDatabase(db.name()), "a database can be read by name too");
    assertEquals(1, api.listDatabases().size());
  }

  @Test
  void createsRedisWithoutAUser() {
    String id =
        api.createDatabase(
            new CreateDatabaseRequest(
                credentials.companyId(),
                "us-central1",
                "db1",
                "Cache",
                "cache",
                "Redis-Pa55word",
                null,
                "redis",
                "7"));
    await().atMost(Duration.ofSeconds(5)).until(() -> api.getDatabase(id).isReady());
    assertEquals(6379, api.getDatabase(id).internalPort());
  }

  @Test
  void resizesRenamesAndDeletesADatabase() {
    String id =
        api.createDatabase(
            new CreateDatabaseRequest(
                credentials.companyId(),
                "us-central1",
                "db1",
                "Shop",
                "shop",
                "Db-Pa55word-test",
                "shop",
                "mysql",
                "8.0"));
    await().atMost(Duration.ofSeconds(5)).until(() -> api.getDatabase(id).isReady());
    api.updateDatabase(id, "db3", "Shop DB");
    Database resized = api.getDatabase(id);
    assertEquals("db3", resized.resourceTypeName());
    assertEquals("Shop DB", resized.displayName());
    api.deleteDatabase(id);
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> assertThrows(KinstaApiException.NotFound.class, () -> api.getDatabase(id)));
  }

  @Test
  void listsEveryPageOfDatabases() {
    for (int i = 0; i < 105; i++) {
      fixture.simulator.seedDatabase(credentials.companyId(), "Db " + i, "postgresql");
    }
    long listCallsBefore = fixture.simulator.journal().count("GET /databases");
    assertEquals(105, api.listDatabases().size());
    assertEquals(
        2,
        fixture.simulator.journal().count("GET /databases") - listCallsBefore,
        "pages of 100 are read until a short page");
  }

  @Test
  void adoptsAndUpdatesAnApplication() {
    String id = fixture.simulator.seedApplication(credentials.companyId(), "Storefront");
    assertEquals(1, api.listApplications().size());
    Application app = api.getApplication(id);
    assertEquals("Storefront", app.displayName());
    assertEquals(
        app.id(), api.getApplication(app.name()).id(), "an application can be read by name too");

    ApplicationSettings updated =
        api.updateApplication(
            id,
            new ApplicationSettings(
                "Store", "nixpacks", null, null, null, false, "release", true, 600L));
    assertEquals("Store", updated.displayName());
    assertEquals("nixpacks", updated.buildType());
    assertEquals("release", updated.defaultBranch());
    assertEquals(600L, updated.hibernateAfterSeconds());
  }

  @Test
  void scalesProcesses() {
    String id = fixture.simulator.seedApplication(credentials.companyId(), "Api");
    String processId = api.getApplication(id).processesOrEmpty().get(0).id();
    AppProcess web = api.getProcess(processId);
    assertEquals("web", web.type());
    assertEquals(8080, web.internalPort());
    assertEquals(1, web.scalingStrategy().config().instanceCount());

    api.updateProcess(
        processId,
        new UpdateProcessRequest(ScalingStrategy.horizontal(2, 5, 70, null), "node app.js"));
    AppProcess scaled = api.getProcess(processId);
    assertEquals("horizontal", scaled.scalingStrategy().type());
    assertEquals(5, scaled.scalingStrategy().config().maxInstanceCount());
    assertEquals("node app.js", scaled.entrypoint());

    api.updateProcess(processId, new UpdateProcessRequest(ScalingStrategy.manual(3), null));
    assertEquals(3, api.getProcess(processId).scalingStrategy().config().instanceCount());
  }

  @Test
  void deploysAndFollowsTheDeploymentToSuccessOrFailure() {
    String id = fixture.simulator.seedApplication(credentials.companyId(), "Web");
    String ok = api.createDeployment(new CreateDeploymentRequest(id, "main", null, false));
    assertEquals("inProgress", api.getDeployment(ok).status());
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> "success".equals(api.getDeployment(ok).status()));
    assertEquals("deploymentSuccess", api.getApplication(id).status());

    fixture.simulator.addFault(
        Fault.failOperation("POST /applications/deployments", "build failed", 1));
    String failing = api.createDeployment(new CreateDeploymentRequest(id, "broken", null, false));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> "failed".equals(api.getDeployment(failing).status()));
    assertEquals("deploymentFailed", api.getApplication(id).status());
  }

  @Test
  void togglesCdnAndEdgeCacheAndClearsTheCache() {
    String id = fixture.simulator.seedApplication(credentials.companyId(), "Toggles");
    assertTrue(api.toggleCdn(id));
    assertFalse(api.toggleCdn(id));
    assertTrue(api.toggleEdgeCache(id));
    api.clearApplicationCache(id);
  }

  @Test
  void connectsAnApplicationToADatabase() {
    String appId = fixture.simulator.seedApplication(credentials.companyId(), "Backend");
    String dbId =
        api.createDatabase(
            new CreateDatabaseRequest(
                credentials.companyId(),
                "us-central1",
                "db1",
                "Main",
                "main",
                "Db-Pa55word-test",
                "main",
                "postgresql",
                "16"));
    api.createInternalConnection(appId, InternalConnectionTarget.DATABASE, dbId);
    Application app = api.getApplication(appId);
    assertEquals(1, app.internalConnectionsOrEmpty().size());
    assertEquals(dbId, app.internalConnectionsOrEmpty().get(0).database().id());
    assertEquals(appId, api.getDatabase(dbId).internalConnectionsOrEmpty().get(0).id());
    assertThrows(
        KinstaApiException.NotFound.class,
        () ->
            api.createInternalConnection(
                appId, InternalConnectionTarget.DATABASE, "00000000-0000-0000-0000-000000000000"));
  }

  @Test
  void deletesAnApplication() {
    String id = fixture.simulator.seedApplication(credentials.companyId(), "Old");
    api.deleteApplication(id);
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> assertThrows(KinstaApiException.NotFound.class, () -> api.getApplication(id)));
  }
}
