package dev.operators.kinsta.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.operators.kinsta.api.v1alpha1.CredentialsReference;
import dev.operators.kinsta.api.v1alpha1.KinstaInternalConnection;
import dev.operators.kinsta.api.v1alpha1.KinstaInternalConnectionSpec;
import dev.operators.kinsta.application.ApplicationLifecycleTest;
import dev.operators.kinsta.database.DatabaseLifecycleTest;
import dev.operators.kinsta.reconcile.Reasons;
import dev.operators.kinsta.reconcile.StatusConditions;
import dev.operators.kinsta.simulator.Fault;
import dev.operators.kinsta.testing.OperatorHarness;
import dev.operators.kinsta.testing.OperatorHarness.Tenant;
import dev.operators.kinsta.testing.SharedHarnessTest;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * KinstaInternalConnection: waits for both ends, links exactly once, and never blocks its own
 * deletion.
 */
public class InternalConnectionTest extends SharedHarnessTest {
  private static final String ENDPOINT = "POST /applications/{id}/internal-connections";

  public static KinstaInternalConnection link(String name, String application, String database) {
    KinstaInternalConnection connection = new KinstaInternalConnection();
    connection.setMetadata(new ObjectMetaBuilder().withName(name).build());
    connection.setSpec(new KinstaInternalConnectionSpec());
    connection.getSpec().credentialsRef = new CredentialsReference("kinsta");
    connection.getSpec().application = new KinstaInternalConnectionSpec.ApplicationEnd();
    connection.getSpec().application.name = application;
    connection.getSpec().target = new KinstaInternalConnectionSpec.TargetEnd();
    connection.getSpec().target.database = database;
    return connection;
  }

  private static long linksInKinsta(String applicationId) {
    return harness.kinsta.simulator.read(
        state -> (long) state.applications.get(applicationId).internalConnections.size());
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
    assertEquals(appId, ready.getStatus().applicationId);
    assertEquals(databaseId, ready.getStatus().targetId);
    assertEquals(1, tenant.calls(ENDPOINT));
    assertEquals(1, linksInKinsta(appId));
    assertTrue(
        harness.kinsta.simulator.<Boolean>read(
            state -> state.databases.get(databaseId).connectedApplicationIds.contains(appId)));
  }

  @Test
  void linksExactlyOnceAcrossFailuresAndRestarts() {
    Tenant tenant = harness.tenant();
    String appId = harness.kinsta.simulator.seedApplication(tenant.companyId(), "Api");
    String databaseId =
        harness.kinsta.simulator.seedDatabase(tenant.companyId(), "Api db", "postgresql");
    KinstaInternalConnection remote = link("api-to-db", null, null);
    remote.getSpec().application.id = appId;
    remote.getSpec().target.id = databaseId;
    remote.getSpec().target.type = KinstaInternalConnectionSpec.TargetType.database;
    harness.kinsta.simulator.addFault(
        Fault.status("POST /applications/.*/internal-connections", 500, 1));
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
  void deletionNeverWaitsAndTheLinkStays() {
    Tenant tenant = harness.tenant();
    String appId = harness.kinsta.simulator.seedApplication(tenant.companyId(), "Web");
    String otherId = harness.kinsta.simulator.seedApplication(tenant.companyId(), "Search");
    KinstaInternalConnection remote = link("web-to-search", null, null);
    remote.getSpec().application.id = appId;
    remote.getSpec().target.database = null;
    remote.getSpec().target.id = otherId;
    remote.getSpec().target.type = KinstaInternalConnectionSpec.TargetType.application;
    tenant.create(remote);
    awaitReady(tenant, "web-to-search");
    KinstaInternalConnection ready = tenant.get(KinstaInternalConnection.class, "web-to-search");
    assertEquals(
        List.of(),
        ready.getMetadata().getFinalizers(),
        "a kind without a Kinsta object needs no finalizer");
    assertTrue(
        StatusConditions.find(ready.getStatus().conditions, StatusConditions.READY)
            .orElseThrow()
            .getMessage()
            .contains("cannot remove the link"));
    tenant.deleteSecret("kinsta");

    tenant.delete(KinstaInternalConnection.class, "web-to-search");

    tenant.awaitGone(KinstaInternalConnection.class, "web-to-search", Duration.ofSeconds(10));
    assertEquals(1, linksInKinsta(appId));
  }

  @Test
  void aSpecTheSchemaWouldRejectIsReportedWithoutCalls() {
    try (OperatorHarness unenforced = withoutSchemaEnforcement()) {
      Tenant tenant = unenforced.tenant();
      KinstaInternalConnection invalid = link("both", "store", "orders");
      invalid.getSpec().target.application = "other";
      tenant.create(invalid);

      KinstaInternalConnection stalled =
          tenant.awaitCondition(
              KinstaInternalConnection.class,
              "both",
              "Stalled",
              "True",
              Reasons.INVALID_SPEC,
              Duration.ofSeconds(20));
      assertTrue(Tenant.conditions(stalled).get(2).getMessage().contains("spec.target"));
      assertEquals(0, tenant.calls());
    }
  }
}
