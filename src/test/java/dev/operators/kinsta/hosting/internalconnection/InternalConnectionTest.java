package dev.operators.kinsta.hosting.internalconnection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.operators.kinsta.api.v1alpha1.CredentialsReference;
import dev.operators.kinsta.api.v1alpha1.DeletionPolicy;
import dev.operators.kinsta.api.v1alpha1.KinstaInternalConnection;
import dev.operators.kinsta.api.v1alpha1.KinstaInternalConnectionSpec;
import dev.operators.kinsta.hosting.application.ApplicationLifecycleTest;
import dev.operators.kinsta.hosting.database.DatabaseLifecycleTest;
import dev.operators.kinsta.reconcile.Reasons;
import dev.operators.kinsta.simulator.Fault;
import dev.operators.kinsta.testing.OperatorHarness;
import dev.operators.kinsta.testing.OperatorHarness.Tenant;
import dev.operators.kinsta.testing.SharedHarnessTest;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * KinstaInternalConnection: waits for both ends, connects exactly once under the database, and
 * removes the connection when the resource is deleted (or leaves it with Retain).
 */
public class InternalConnectionTest extends SharedHarnessTest {
  private static final String ENDPOINT = "POST /databases/{id}/internal-connections";

  public static KinstaInternalConnection link(String name, String application, String database) {
    KinstaInternalConnection connection = new KinstaInternalConnection();
    connection.setMetadata(new ObjectMetaBuilder().withName(name).build());
    connection.setSpec(new KinstaInternalConnectionSpec());
    connection.getSpec().credentialsRef = new CredentialsReference("kinsta");
    connection.getSpec().database = new KinstaInternalConnectionSpec.DatabaseEnd();
    connection.getSpec().database.name = database;
    connection.getSpec().target = new KinstaInternalConnectionSpec.TargetEnd();
    connection.getSpec().target.application = application;
    return connection;
  }

  private static long linksInKinsta(String id) {
    return harness.kinsta.simulator.read(
        state ->
            state.connections.stream()
                .filter(c -> c.sourceId().equals(id) || c.targetId().equals(id))
                .count());
  }

  private static KinstaInternalConnection awaitReady(Tenant tenant, String name) {
    return tenant.awaitCondition(
        KinstaInternalConnection.class, name, "Ready", "True", null, Duration.ofSeconds(30));
  }

  @Test
  void waitsForBothEndsThenLinksThemOnce() {
    Tenant tenant = harness.tenant();
    tenant.create(link("store-to-orders", "store", "orders"));

    KinstaInternalConnection waiting =
        tenant.awaitCondition(
            KinstaInternalConnection.class,
            "store-to-orders",
            "Reconciling",
            "True",
            "WaitingForDependencies",
            Duration.ofSeconds(20));
    String message = Tenant.conditions(waiting).get(1).getMessage();
    assertTrue(
        message.contains("KinstaApplication store") && message.contains("KinstaDatabase orders"),
        message);
    assertEquals(0, tenant.calls(ENDPOINT));

    tenant.create(DatabaseLifecycleTest.postgres("orders"));
    String databaseId = DatabaseLifecycleTest.awaitReady(tenant, "orders").getStatus().databaseId;
    String appId = harness.kinsta.simulator.seedApplication(tenant.companyId(), "Store");
    tenant.create(ApplicationLifecycleTest.adoptingId("store", appId));

    KinstaInternalConnection ready = awaitReady(tenant, "store-to-orders");
    assertEquals(databaseId, ready.getStatus().databaseId);
    assertEquals(appId, ready.getStatus().targetId);
    assertEquals(1, tenant.calls(ENDPOINT));
    assertEquals(1, linksInKinsta(appId));
  }

  @Test
  void linksExactlyOnceAcrossFailuresAndRestarts() {
    Tenant tenant = harness.tenant();
    String appId = harness.kinsta.simulator.seedApplication(tenant.companyId(), "Api");
    String databaseId =
        harness.kinsta.simulator.seedDatabase(tenant.companyId(), "Api db", "postgresql");
    KinstaInternalConnection remote = link("api-to-db", null, null);
    remote.getSpec().database.id = databaseId;
    remote.getSpec().target.id = appId;
    remote.getSpec().target.type = KinstaInternalConnectionSpec.TargetType.application;
    harness.kinsta.simulator.addFault(
        Fault.status("POST /databases/.*/internal-connections", 500, 1));
    tenant.create(remote);

    awaitReady(tenant, "api-to-db");
    assertEquals(
        1,
        harness
            .kinsta
            .simulator
            .journal()
            .matching(e -> tenant.companyId().equals(e.company()) && e.status() == 500)
            .size(),
        "the first attempt failed");
    assertEquals(1, tenant.calls(ENDPOINT), "then one call that worked");
    assertEquals(1, linksInKinsta(appId));

    harness.restartOperator();
    tenant.requestReconcile(KinstaInternalConnection.class, "api-to-db", "after-restart");
    tenant.awaitCondition(
        KinstaInternalConnection.class, "api-to-db", "Ready", "True", null, Duration.ofSeconds(30));
    assertEquals(1, tenant.calls(ENDPOINT), "the existing link is found, not made again");
    assertEquals(1, linksInKinsta(appId));
  }

  @Test
  void deletingTheResourceRemovesTheConnectionAndRetainLeavesIt() {
    Tenant tenant = harness.tenant();
    String first = harness.kinsta.simulator.seedDatabase(tenant.companyId(), "Main", "postgresql");
    String second =
        harness.kinsta.simulator.seedDatabase(tenant.companyId(), "Replica", "postgresql");
    String appId = harness.kinsta.simulator.seedApplication(tenant.companyId(), "Web");
    KinstaInternalConnection dbToDb = link("main-to-replica", null, null);
    dbToDb.getSpec().database.id = first;
    dbToDb.getSpec().target.id = second;
    dbToDb.getSpec().target.type = KinstaInternalConnectionSpec.TargetType.database;
    KinstaInternalConnection kept = link("main-to-web", null, null);
    kept.getSpec().database.id = first;
    kept.getSpec().target.id = appId;
    kept.getSpec().target.type = KinstaInternalConnectionSpec.TargetType.application;
    kept.getSpec().deletionPolicy = DeletionPolicy.Retain;
    tenant.create(dbToDb);
    tenant.create(kept);
    awaitReady(tenant, "main-to-replica");
    awaitReady(tenant, "main-to-web");
    assertEquals(2, linksInKinsta(first));
    assertEquals(
        1,
        tenant
            .get(KinstaInternalConnection.class, "main-to-replica")
            .getMetadata()
            .getFinalizers()
            .size(),
        "a connection is a Sevalla object now: deleting it waits for its removal");

    tenant.delete(KinstaInternalConnection.class, "main-to-replica");
    tenant.delete(KinstaInternalConnection.class, "main-to-web");

    tenant.awaitGone(KinstaInternalConnection.class, "main-to-replica", Duration.ofSeconds(20));
    tenant.awaitGone(KinstaInternalConnection.class, "main-to-web", Duration.ofSeconds(20));
    assertEquals(0, linksInKinsta(second), "removed from Sevalla");
    assertEquals(1, linksInKinsta(appId), "Retain leaves it");
    assertEquals(1, tenant.calls("DELETE /databases/{id}/internal-connections/{connection_id}"));
  }

  @Test
  void aSpecTheSchemaWouldRejectIsReportedWithoutCalls() {
    try (OperatorHarness unenforced = withoutSchemaEnforcement()) {
      Tenant tenant = unenforced.tenant();
      KinstaInternalConnection invalid = link("both", "store", "orders");
      invalid.getSpec().target.database = "other";
      tenant.create(invalid);

      KinstaInternalConnection stalled =
          tenant.awaitCondition(
              KinstaInternalConnection.class,
              "both",
              "Stalled",
              "True",
              Reasons.INVALID_SPEC.code(),
              Duration.ofSeconds(20));
      assertTrue(Tenant.conditions(stalled).get(2).getMessage().contains("spec.target"));
      assertEquals(0, tenant.calls());
    }
  }
}
