package dev.operators.kinsta.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.operators.kinsta.hosting.application.ApplicationCreationTest;
import dev.operators.kinsta.hosting.application.ApplicationLifecycleTest;
import dev.operators.kinsta.hosting.pipeline.PipelineLifecycleTest;
import dev.operators.kinsta.hosting.staticsite.StaticSiteCreationTest;
import dev.operators.kinsta.hosting.staticsite.StaticSiteTest;
import dev.operators.kinsta.simulator.Fault;
import dev.operators.kinsta.simulator.SimulatorSettings;
import dev.operators.kinsta.testing.OperatorHarness;
import dev.operators.kinsta.testing.OperatorHarness.Tenant;
import dev.operators.kinsta.testing.SimulatorFixture;
import dev.operators.kinsta.transport.budget.RateBudgetSettings;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Sevalla's services (applications, static sites, pipelines; databases in {@code
 * ExactlyOnceCreationTest} and {@code KillNineSweepTest}) are created exactly once when the create
 * call's answer is lost, comes after the client's timeout, or the operator stops with the call in
 * flight. Each test has an operator of its own (it is stopped, or its client's timeout differs), so
 * none shares the cluster with another operator.
 */
class HostedCreationExactlyOnceTest {

  /** What differs between the kinds: the resource, its create call and where Sevalla keeps it. */
  enum Kind {
    APPLICATION("POST /applications") {
      @Override
      HasMetadata resource(String name) {
        return ApplicationCreationTest.fromGit(name, "https://github.com/acme/" + name);
      }

      @Override
      String awaitReady(Tenant tenant, String name) {
        return ApplicationLifecycleTest.awaitReady(tenant, name).getStatus().applicationId;
      }

      @Override
      long inSevalla(OperatorHarness harness, Tenant tenant) {
        return ApplicationCreationTest.applications(harness, tenant).size();
      }
    },
    STATIC_SITE("POST /static-sites") {
      @Override
      HasMetadata resource(String name) {
        return StaticSiteCreationTest.fromGit(name);
      }

      @Override
      String awaitReady(Tenant tenant, String name) {
        return StaticSiteTest.awaitReady(tenant, name).getStatus().staticSiteId;
      }

      @Override
      long inSevalla(OperatorHarness harness, Tenant tenant) {
        return StaticSiteCreationTest.sites(harness, tenant).size();
      }
    },
    PIPELINE("POST /pipelines") {
      @Override
      HasMetadata resource(String name) {
        return PipelineLifecycleTest.pipeline(
            name,
            spec -> spec.type = dev.operators.kinsta.api.v1alpha1.KinstaPipelineSpec.Type.TRUNK);
      }

      @Override
      String awaitReady(Tenant tenant, String name) {
        return PipelineLifecycleTest.awaitReady(tenant, name).getStatus().pipelineId;
      }

      @Override
      long inSevalla(OperatorHarness harness, Tenant tenant) {
        return harness.kinsta.simulator.read(
            state ->
                state.pipelines.values().stream()
                    .filter(p -> p.companyId.equals(tenant.companyId()))
                    .count());
      }
    };

    final String create;

    Kind(String create) {
      this.create = create;
    }

    abstract HasMetadata resource(String name);

    /** Waits until the resource is Ready; answers the id it records. */
    abstract String awaitReady(Tenant tenant, String name);

    abstract long inSevalla(OperatorHarness harness, Tenant tenant);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aLostCreateAnswerGivesExactlyOneObject(Kind kind) {
    try (OperatorHarness own = OperatorHarness.start()) {
      createdOnceDespite(own, kind, Fault.loseAnswer(kind.create, 1));
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aCreateAnsweredAfterTheClientsTimeoutGivesOneObject(Kind kind) {
    try (OperatorHarness own =
        OperatorHarness.start(
            SimulatorFixture.start(
                SimulatorSettings.fast().withRoomyRateLimits(),
                RateBudgetSettings.roomy(),
                Duration.ofSeconds(1),
                false),
            OperatorHarness.fastSettings().withCreationWindow(Duration.ofSeconds(30)))) {
      createdOnceDespite(own, kind, Fault.latency(kind.create, Duration.ofSeconds(3), 1));
    }
  }

  /** The fault on the create call; then exactly one object, made by exactly one call. */
  private static void createdOnceDespite(OperatorHarness own, Kind kind, Fault fault) {
    Tenant tenant = own.tenant();
    own.kinsta.simulator.addFault(fault);
    tenant.create(kind.resource("once"));

    kind.awaitReady(tenant, "once");
    assertEquals(1, kind.inSevalla(own, tenant));
    assertEquals(1, tenant.calls(kind.create), "the create call was sent once");
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void anOperatorStoppedDuringCreationLeavesOneObject(Kind kind) throws InterruptedException {
    try (OperatorHarness own = OperatorHarness.start()) {
      Tenant tenant = own.tenant();
      // The operator stops while its create call is in flight (stopping waits for the call, so it
      // runs beside the simulator's answer); the answer may or may not be recorded.
      Thread stopping = new Thread(own::stopOperator);
      own.kinsta.simulator.addFault(Fault.onArrival(kind.create, stopping::start, 1));
      tenant.create(kind.resource("restarted"));
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> tenant.calls(kind.create) == 1);
      stopping.join(30_000);

      own.startOperator();

      kind.awaitReady(tenant, "restarted");
      assertEquals(1, kind.inSevalla(own, tenant));
      assertEquals(1, tenant.calls(kind.create));
    }
  }
}
