package dev.operators.kinsta.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.operators.kinsta.api.v1alpha1.CredentialsReference;
import dev.operators.kinsta.api.v1alpha1.KinstaApplication;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaDatabase;
import dev.operators.kinsta.hosting.database.DatabaseLifecycleTest;
import dev.operators.kinsta.simulator.Journal;
import dev.operators.kinsta.simulator.SimulatorSettings;
import dev.operators.kinsta.testing.OperatorHarness;
import dev.operators.kinsta.testing.OperatorHarness.Tenant;
import dev.operators.kinsta.testing.SimulatorFixture;
import dev.operators.kinsta.transport.budget.RateBudgetSettings;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sevalla's rate-limit tiers, kept by the operator's hosting budget against a simulator that
 * enforces them: many creations spread over the creation tier's hours without a 429, and another
 * client on the same key seen in the answers' headers, slowing the operator instead of tripping it.
 * The simulator's Sevalla clock runs fast, and the operator's budget with it.
 */
class SevallaTiersTest {

  private static OperatorHarness harness(int speed) {
    OperatorHarness harness =
        OperatorHarness.start(
            SimulatorFixture.startWithSevallaTiers(
                SimulatorSettings.fast(),
                RateBudgetSettings.sevalla().faster(speed),
                Duration.ofSeconds(5)),
            OperatorHarness.fastSettings());
    harness.kinsta.simulator.sevallaClockSpeed(speed);
    return harness;
  }

  private static KinstaApplication fromImage(String name) {
    KinstaApplication app = new KinstaApplication();
    app.setMetadata(new ObjectMetaBuilder().withName(name).build());
    app.setSpec(new KinstaApplicationSpec());
    app.getSpec().credentialsRef = new CredentialsReference("kinsta");
    app.getSpec().source = new KinstaApplicationSpec.ApplicationSource();
    app.getSpec().source.dockerImage = new KinstaApplicationSpec.ImageSource();
    app.getSpec().source.dockerImage.image = "nginx:1.27";
    app.getSpec().location = "us-central1";
    return app;
  }

  private static List<Journal.Entry> calls(OperatorHarness harness, Tenant tenant) {
    return harness.kinsta.simulator.journal().matching(e -> tenant.companyId().equals(e.company()));
  }

  @Test
  void twentyFiveApplicationsCreatedAtOnceSpreadOverTheCreationTierWithoutA429() {
    // An hour of Sevalla's creation tier passes in ten seconds.
    int speed = 360;
    try (OperatorHarness harness = harness(speed)) {
      Tenant tenant = harness.tenant();
      for (int i = 0; i < 25; i++) {
        tenant.create(fromImage("app-" + i));
      }
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofMinutes(3))
          .until(() -> tenant.readyCount(KinstaApplication.class) == 25);

      List<Journal.Entry> creations =
          calls(harness, tenant).stream()
              .filter(e -> "POST /applications".equals(e.endpoint()))
              .toList();
      assertEquals(25, creations.size(), "each created once");
      assertEquals(
          List.of(),
          calls(harness, tenant).stream().filter(e -> e.status() == 429).toList(),
          "not one 429");
      Duration spread =
          Duration.between(creations.get(0).at(), creations.get(creations.size() - 1).at())
              .multipliedBy(speed);
      assertTrue(
          spread.compareTo(Duration.ofHours(1)) >= 0,
          "25 creations against 20 an hour take over an hour of Sevalla's time: " + spread);
      System.out.printf(
          "sevalla_creation_tier apps=25 simulated_minutes=%d 429s=0%n", spread.toMinutes());
    }
  }

  @Test
  void anotherClientSpendingTheReadTierSlowsTheOperatorInsteadOfTrippingIt() {
    // Sevalla's minute windows pass in ten seconds.
    int speed = 6;
    try (OperatorHarness harness = harness(speed)) {
      Tenant tenant = harness.tenant();
      // A second tool on the same key has spent all but a few of this window's reads.
      harness.kinsta.simulator.spendSevallaReads(tenant.companyId(), 392);

      tenant.create(DatabaseLifecycleTest.postgres("orders"));

      KinstaDatabase ready = DatabaseLifecycleTest.awaitReady(tenant, "orders");
      assertTrue(ready.getStatus().databaseId != null);
      assertEquals(
          List.of(),
          calls(harness, tenant).stream().filter(e -> e.status() == 429).toList(),
          "the headers showed the window nearly spent, so the operator waited for its reset");
    }
  }
}
