package dev.operators.kinsta.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.operators.kinsta.api.v1alpha1.KinstaApplication;
import dev.operators.kinsta.client.budget.RateBudgetSettings;
import dev.operators.kinsta.simulator.Fault;
import dev.operators.kinsta.simulator.SimulatorSettings;
import dev.operators.kinsta.testing.OperatorHarness;
import dev.operators.kinsta.testing.OperatorHarness.Tenant;
import dev.operators.kinsta.testing.SimulatorFixture;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A KinstaApplication's creation exactly once when the create call's answer is lost, comes after
 * the client's timeout, or the operator stops with the call in flight. Each test has an operator of
 * its own (it is stopped or its client's timeout differs), so none shares the cluster with another
 * operator.
 */
class ApplicationExactlyOnceTest {
  private static java.util.List<dev.operators.kinsta.simulator.SimulatorState.Application>
      applications(OperatorHarness harness, Tenant tenant) {
    return ApplicationCreationTest.applications(harness, tenant);
  }

  private static KinstaApplication fromGit(String name, String repository) {
    return ApplicationCreationTest.fromGit(name, repository);
  }

  @Test
  void aLostCreateAnswerGivesExactlyOneApplication() {
    try (OperatorHarness own = OperatorHarness.start()) {
      Tenant tenant = own.tenant();
      own.kinsta.simulator.addFault(Fault.loseAnswer("POST /applications", 1));
      tenant.create(fromGit("lost-answer", "https://github.com/acme/shop"));

      KinstaApplication ready = ApplicationLifecycleTest.awaitReady(tenant, "lost-answer");
      assertEquals(1, applications(own, tenant).size());
      assertEquals(1, tenant.calls("POST /applications"), "the create call was sent once");
      assertEquals(applications(own, tenant).get(0).id, ready.getStatus().applicationId);
    }
  }

  @Test
  void aCreateAnsweredAfterTheClientsTimeoutGivesOneApplication() {
    try (OperatorHarness own =
        OperatorHarness.start(
            SimulatorFixture.start(
                SimulatorSettings.fast().withRoomyRateLimits(),
                RateBudgetSettings.roomy(),
                Duration.ofSeconds(1),
                false),
            OperatorHarness.fastSettings().withCreationWindow(Duration.ofSeconds(30)))) {
      Tenant tenant = own.tenant();
      own.kinsta.simulator.addFault(Fault.latency("POST /applications", Duration.ofSeconds(3), 1));
      tenant.create(fromGit("late", "https://github.com/acme/late"));

      ApplicationLifecycleTest.awaitReady(tenant, "late");
      assertEquals(1, applications(own, tenant).size());
      assertEquals(1, tenant.calls("POST /applications"), "a timed-out create is not retried");
    }
  }

  @Test
  void anOperatorRestartedDuringCreationLeavesOneApplication() throws InterruptedException {
    try (OperatorHarness own = OperatorHarness.start()) {
      Tenant tenant = own.tenant();
      // The operator stops while its create call is in flight (stopping waits for the call, so it
      // runs beside the simulator's answer); the answer may or may not be recorded.
      Thread stopping = new Thread(own::stopOperator);
      own.kinsta.simulator.addFault(Fault.onArrival("POST /applications", stopping::start, 1));
      tenant.create(fromGit("restarted", "https://github.com/acme/restarted"));
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> tenant.calls("POST /applications") == 1);
      stopping.join(30_000);

      own.startOperator();

      ApplicationLifecycleTest.awaitReady(tenant, "restarted");
      assertEquals(1, applications(own, tenant).size());
      assertEquals(1, tenant.calls("POST /applications"));
    }
  }
}
