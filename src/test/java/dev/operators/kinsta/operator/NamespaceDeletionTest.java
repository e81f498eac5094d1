package dev.operators.kinsta.operator;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.operators.kinsta.api.v1alpha1.DeletionPolicy;
import dev.operators.kinsta.api.v1alpha1.KinstaDatabase;
import dev.operators.kinsta.api.v1alpha1.KinstaSite;
import dev.operators.kinsta.hosting.database.DatabaseLifecycleTest;
import dev.operators.kinsta.reconcile.CredentialsProtection;
import dev.operators.kinsta.testing.OperatorHarness.Tenant;
import dev.operators.kinsta.testing.SharedHarnessTest;
import dev.operators.kinsta.wordpress.site.Sites;
import io.fabric8.kubernetes.api.model.Secret;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What {@code kubectl delete namespace} does on a real cluster: the namespace controller deletes
 * the credentials Secret and the resources at once. Every Kinsta object must still be handled by
 * its deletion policy, and nothing may stay Terminating.
 */
class NamespaceDeletionTest extends SharedHarnessTest {

  @Test
  void deletingANamespaceDeletesItsKinstaObjectsByPolicyAndFinishes() {
    Tenant tenant = harness.tenant();
    tenant.create(Sites.plain("shop"));
    KinstaSite kept = Sites.plain("archive");
    kept.getSpec().deletionPolicy = DeletionPolicy.Retain;
    tenant.create(kept);
    tenant.create(DatabaseLifecycleTest.postgres("orders"));
    String shopId = tenant.awaitSiteReady("shop").getStatus().siteId;
    String archiveId = tenant.awaitSiteReady("archive").getStatus().siteId;
    String ordersId = DatabaseLifecycleTest.awaitReady(tenant, "orders").getStatus().databaseId;
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                tenant
                    .get(Secret.class, "kinsta")
                    .getMetadata()
                    .getFinalizers()
                    .contains(CredentialsProtection.FINALIZER));

    harness.client.namespaces().withName(tenant.namespace).delete();

    await()
        .atMost(Duration.ofSeconds(90))
        .until(() -> harness.client.namespaces().withName(tenant.namespace).get() == null);
    assertNull(
        harness.kinsta.simulator.read(state -> state.sites.get(shopId)), "the Delete site is gone");
    assertNull(
        harness.kinsta.simulator.read(state -> state.databases.get(ordersId)),
        "the database is gone");
    assertNotNull(
        harness.kinsta.simulator.read(state -> state.sites.get(archiveId)),
        "the Retain site is kept");
    assertEquals(1, tenant.calls("DELETE /sites/{site_id}"));
    assertEquals(1, tenant.calls("DELETE /databases/{id}"));
  }

  @Test
  void theCredentialsSecretIsReleasedWhenItsLastUserGoes() {
    Tenant tenant = harness.tenant();
    tenant.create(Sites.plain("first"));
    tenant.create(DatabaseLifecycleTest.postgres("second"));
    tenant.awaitSiteReady("first");
    DatabaseLifecycleTest.awaitReady(tenant, "second");

    tenant.delete(KinstaSite.class, "first");
    tenant.awaitGone(KinstaSite.class, "first", Duration.ofSeconds(30));
    assertTrue(
        tenant
            .get(Secret.class, "kinsta")
            .getMetadata()
            .getFinalizers()
            .contains(CredentialsProtection.FINALIZER),
        "the database still needs the Secret");

    tenant.delete(KinstaDatabase.class, "second");
    tenant.awaitGone(KinstaDatabase.class, "second", Duration.ofSeconds(30));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> tenant.get(Secret.class, "kinsta").getMetadata().getFinalizers().isEmpty());
  }
}
