package dev.operators.kinsta.isolation;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.operators.kinsta.api.v1alpha1.ApiGroup;
import dev.operators.kinsta.api.v1alpha1.KinstaDatabase;
import dev.operators.kinsta.api.v1alpha1.KinstaSite;
import dev.operators.kinsta.hosting.database.DatabaseLifecycleTest;
import dev.operators.kinsta.reconcile.Reasons;
import dev.operators.kinsta.simulator.Fault;
import dev.operators.kinsta.simulator.SimulatorSettings;
import dev.operators.kinsta.testing.OperatorHarness;
import dev.operators.kinsta.testing.OperatorHarness.Tenant;
import dev.operators.kinsta.testing.SimulatorFixture;
import dev.operators.kinsta.transport.budget.RateBudgetSettings;
import dev.operators.kinsta.wordpress.site.Sites;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.CustomResource;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A creation whose call never reached Kinsta, in one namespace of a company, while another
 * namespace of the same company creates an object of the same display name: the lost creation never
 * resolves onto the other tenant's object, says why it waits, costs no list of its own faster than
 * the inventory's, and a person can end the wait on purpose, creating or deleting.
 */
class LostCreationTenantsTest {
  private static final Duration INVENTORY = Duration.ofSeconds(3);

  @Test
  void aLostSiteCreationNeverTakesAnotherTenantsSite() {
    try (OperatorHarness harness = harness()) {
      Tenant c = harness.tenant();
      Tenant d = harness.sameCompanyAs(c);
      harness.kinsta.simulator.addFault(Fault.drop("POST /sites/plain", 1));
      c.create(Sites.plain("shop"));
      awaitUnconfirmed(c, KinstaSite.class, "shop");

      d.create(Sites.plain("shop"));
      String theirs = d.awaitSiteReady("shop").getStatus().siteId;

      // Three inventory intervals later, C still waits and names the site it leaves alone.
      await()
          .during(INVENTORY.multipliedBy(3))
          .atMost(INVENTORY.multipliedBy(5))
          .until(() -> c.get(KinstaSite.class, "shop").getStatus().siteId == null);
      String waiting = readyMessage(c.get(KinstaSite.class, "shop"));
      assertTrue(waiting.contains(theirs + " by " + d.namespace + "/shop"), waiting);
      d.awaitSiteReady("shop");

      c.delete(KinstaSite.class, "shop");
      endTheWait(
          c,
          KinstaSite.class,
          "shop",
          c.get(KinstaSite.class, "shop").getStatus().creation.recordedAt);
      c.awaitGone(KinstaSite.class, "shop", Duration.ofSeconds(30));

      assertEquals(0, c.calls("DELETE /sites/{site_id}"), "the other tenant's site is not deleted");
      assertNotNull(
          harness.kinsta.simulator.read(state -> state.sites.get(theirs)), "their site stays");
      assertEquals(theirs, d.awaitSiteReady("shop").getStatus().siteId);
    }
  }

  @Test
  void aLostDatabaseCreationNeverTakesAnotherTenantsDatabaseOrItsPassword() {
    try (OperatorHarness harness = harness()) {
      Tenant c = harness.tenant();
      Tenant d = harness.sameCompanyAs(c);
      harness.kinsta.simulator.addFault(Fault.drop("POST /databases", 1));
      c.create(DatabaseLifecycleTest.postgres("orders"));
      awaitUnconfirmed(c, KinstaDatabase.class, "orders");

      d.create(DatabaseLifecycleTest.postgres("orders"));
      String theirs = DatabaseLifecycleTest.awaitReady(d, "orders").getStatus().databaseId;

      await()
          .during(INVENTORY.multipliedBy(3))
          .atMost(INVENTORY.multipliedBy(5))
          .until(() -> c.get(KinstaDatabase.class, "orders").getStatus().databaseId == null);
      Secret mine = c.get(Secret.class, "orders-connection");
      String theirPassword =
          harness.kinsta.simulator.read(state -> state.databases.get(theirs).dbPassword);
      if (mine != null && mine.getData() != null) {
        assertTrue(
            mine.getData().values().stream()
                .map(v -> new String(java.util.Base64.getDecoder().decode(v)))
                .noneMatch(theirPassword::equals),
            "C's connection Secret never holds D's password");
      }

      // Told the call never took effect, C creates at once and meets D's name: it stalls.
      String recordedAt = c.get(KinstaDatabase.class, "orders").getStatus().creation.recordedAt;
      endTheWait(c, KinstaDatabase.class, "orders", recordedAt);
      c.awaitCondition(
          KinstaDatabase.class,
          "orders",
          "Stalled",
          "True",
          Reasons.NAME_IN_USE.code(),
          Duration.ofSeconds(20));
      assertEquals(
          "True",
          OperatorHarness.Tenant.conditions(DatabaseLifecycleTest.awaitReady(d, "orders")).stream()
              .filter(condition -> "Ready".equals(condition.getType()))
              .findFirst()
              .orElseThrow()
              .getStatus(),
          "D keeps what it created");

      c.delete(KinstaDatabase.class, "orders");
      c.awaitGone(KinstaDatabase.class, "orders", Duration.ofSeconds(30));
      assertEquals(0, c.calls("DELETE /databases/{id}"));
      assertNotNull(harness.kinsta.simulator.read(state -> state.databases.get(theirs)));
    }
  }

  @Test
  void anUnconfirmedCreationListsNoFasterThanTheInventoryAndCanBeEndedOnPurpose() {
    try (OperatorHarness harness = harness()) {
      Tenant tenant = harness.tenant();
      harness.kinsta.simulator.addFault(Fault.drop("POST /sites/plain", 1));
      tenant.create(Sites.plain("blog"));
      awaitUnconfirmed(tenant, KinstaSite.class, "blog");

      // Four inventory intervals: the company's list four or five times, however often the
      // resource looks.
      Duration watched = INVENTORY.multipliedBy(4);
      long before = tenant.calls("GET /sites");
      await()
          .during(watched)
          .atMost(watched.plusSeconds(5))
          .until(() -> tenant.calls("GET /sites") - before <= 6);

      tenant.delete(KinstaSite.class, "blog");
      long deleting = tenant.calls("GET /sites");
      await()
          .during(watched)
          .atMost(watched.plusSeconds(5))
          .until(
              () ->
                  tenant.calls("GET /sites") - deleting <= 6
                      && tenant.get(KinstaSite.class, "blog") != null);

      endTheWait(
          tenant,
          KinstaSite.class,
          "blog",
          tenant.get(KinstaSite.class, "blog").getStatus().creation.recordedAt);
      tenant.awaitGone(KinstaSite.class, "blog", Duration.ofSeconds(20));
      assertEquals(1, tenant.calls("POST /sites/plain"), "the dropped call only");
    }
  }

  @Test
  void endingTheWaitOnPurposeCreatesAtOnce() {
    try (OperatorHarness harness = harness()) {
      Tenant tenant = harness.tenant();
      harness.kinsta.simulator.addFault(Fault.drop("POST /sites/plain", 1));
      tenant.create(Sites.plain("news"));
      KinstaSite waiting = awaitUnconfirmed(tenant, KinstaSite.class, "news");
      String message = readyMessage(waiting);
      assertTrue(message.contains(ApiGroup.CREATION_NOT_MADE_ANNOTATION), message);

      endTheWait(tenant, KinstaSite.class, "news", "2000-01-01T00:00:00Z");
      await()
          .during(INVENTORY)
          .atMost(INVENTORY.multipliedBy(3))
          .until(() -> tenant.calls("POST /sites/plain") == 1);

      endTheWait(tenant, KinstaSite.class, "news", waiting.getStatus().creation.recordedAt);
      KinstaSite ready = tenant.awaitSiteReady("news");
      assertNull(ready.getStatus().creation);
      assertEquals(2, tenant.calls("POST /sites/plain"), "created once the wait was ended");
      assertTrue(
          tenant.events().stream()
              .anyMatch(e -> Reasons.CREATION_NOT_MADE.code().equals(e.getReason())));
    }
  }

  /**
   * Creations are kept waiting a minute when lost, and the company's lists are renewed every three
   * seconds.
   */
  private static OperatorHarness harness() {
    return OperatorHarness.start(
        SimulatorFixture.start(
            SimulatorSettings.fast().withRoomyRateLimits(),
            RateBudgetSettings.roomy(),
            Duration.ofSeconds(5),
            false),
        OperatorHarness.fastSettings()
            .withCreationWindow(Duration.ofMinutes(1))
            .withInventoryInterval(INVENTORY));
  }

  private static <T extends CustomResource<?, ?>> T awaitUnconfirmed(
      Tenant tenant, Class<T> kind, String name) {
    return tenant.awaitCondition(
        kind,
        name,
        "Reconciling",
        "True",
        Reasons.CREATION_UNCONFIRMED.code(),
        Duration.ofSeconds(20));
  }

  /** Every condition's message, joined. */
  private static String readyMessage(CustomResource<?, ?> resource) {
    return String.join(
        "\n",
        OperatorHarness.Tenant.conditions(resource).stream()
            .map(condition -> String.valueOf(condition.getMessage()))
            .toList());
  }

  private static <T extends CustomResource<?, ?>> void endTheWait(
      Tenant tenant, Class<T> kind, String name, String recordedAt) {
    tenant.annotate(kind, name, ApiGroup.CREATION_NOT_MADE_ANNOTATION, recordedAt);
  }
}
