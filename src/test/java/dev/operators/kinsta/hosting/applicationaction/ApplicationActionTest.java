package dev.operators.kinsta.hosting.applicationaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.operators.kinsta.api.v1alpha1.ActionOutcome;
import dev.operators.kinsta.api.v1alpha1.CredentialsReference;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationAction;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationActionSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationActionSpec.ApplicationReference;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationActionStatus;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteActionSpec;
import dev.operators.kinsta.hosting.application.ApplicationLifecycleTest;
import dev.operators.kinsta.simulator.Fault;
import dev.operators.kinsta.testing.OperatorHarness.Tenant;
import dev.operators.kinsta.testing.SharedHarnessTest;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * KinstaApplicationAction against the simulator: clearing a cache, promoting onto other
 * applications and following their deployments, preview applications from a pipeline, and calls
 * that make something never sent twice.
 */
public class ApplicationActionTest extends SharedHarnessTest {

  public static KinstaApplicationAction action(
      String name, Consumer<KinstaApplicationActionSpec> what) {
    KinstaApplicationAction action = new KinstaApplicationAction();
    action.setMetadata(new ObjectMetaBuilder().withName(name).build());
    KinstaApplicationActionSpec spec = new KinstaApplicationActionSpec();
    spec.credentialsRef = new CredentialsReference("kinsta");
    what.accept(spec);
    action.setSpec(spec);
    return action;
  }

  public static ApplicationReference named(String name) {
    ApplicationReference reference = new ApplicationReference();
    reference.name = name;
    return reference;
  }

  public static ApplicationReference byId(String id) {
    ApplicationReference reference = new ApplicationReference();
    reference.id = id;
    return reference;
  }

  public static KinstaApplicationAction awaitReady(Tenant tenant, String name) {
    return tenant.awaitCondition(
        KinstaApplicationAction.class, name, "Ready", "True", null, Duration.ofSeconds(30));
  }

  private static KinstaApplicationAction awaitStalled(Tenant tenant, String name, String reason) {
    return tenant.awaitCondition(
        KinstaApplicationAction.class, name, "Stalled", "True", reason, Duration.ofSeconds(30));
  }

  private static String adopted(Tenant tenant, String name, String displayName) {
    String id = harness.kinsta.simulator.seedApplication(tenant.companyId(), displayName);
    tenant.create(ApplicationLifecycleTest.adoptingId(name, id));
    ApplicationLifecycleTest.awaitReady(tenant, name);
    return id;
  }

  @Test
  void clearsTheCacheOncePerGeneration() {
    Tenant tenant = harness.tenant();
    adopted(tenant, "storefront", "Storefront");
    tenant.create(
        action(
            "clear",
            s -> {
              s.application = named("storefront");
              s.clearCache = new KinstaSiteActionSpec.Empty();
            }));
    KinstaApplicationAction done = awaitReady(tenant, "clear");
    assertEquals(ActionOutcome.Succeeded, done.getStatus().outcome);
    tenant.requestReconcile(KinstaApplicationAction.class, "clear", "again");
    tenant.awaitCondition(
        KinstaApplicationAction.class, "clear", "Ready", "True", null, Duration.ofSeconds(30));
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                "again"
                    .equals(
                        tenant
                            .get(KinstaApplicationAction.class, "clear")
                            .getStatus()
                            .lastHandledReconcileAt));
    assertEquals(1, tenant.calls("POST /applications/{id}/purge-cache"), "once per generation");
    assertTrue(
        tenant.events().stream()
            .anyMatch(e -> ApplicationActionReasons.CACHE_CLEARED.code().equals(e.getReason())));
  }

  @Test
  void promotesOntoTheTargetsAndFollowsTheirDeployments() {
    Tenant tenant = harness.tenant();
    String pipeline = harness.kinsta.simulator.seedPipeline(tenant.companyId(), "Release");
    adopted(tenant, "staging", "Storefront staging");
    String production =
        harness.kinsta.simulator.seedApplication(tenant.companyId(), "Storefront production");
    tenant.create(
        action(
            "release",
            s -> {
              s.application = named("staging");
              s.promote = new KinstaApplicationActionSpec.Promote();
              s.promote.pipelineId = pipeline;
              s.promote.targets = List.of(byId(production));
            }));
    KinstaApplicationAction done = awaitReady(tenant, "release");
    KinstaApplicationActionStatus.PromotedDeployment deployment =
        done.getStatus().deployments.get(0);
    assertEquals(production, deployment.applicationId);
    assertEquals("success", deployment.status);
    String newest =
        harness.kinsta.simulator.read(
            state -> state.applications.get(production).deployments.get(0).id);
    assertEquals(newest, deployment.deploymentId, "the deployment Kinsta started on the target");
    assertEquals(1, tenant.calls("POST /pipelines/{id}/promote"));
  }

  @Test
  void aFailedDeploymentOfThePromotionStallsTheAction() {
    Tenant tenant = harness.tenant();
    String pipeline = harness.kinsta.simulator.seedPipeline(tenant.companyId(), "Release");
    String source = adopted(tenant, "staging", "Shop staging");
    String production =
        harness.kinsta.simulator.seedApplication(tenant.companyId(), "Shop production");
    harness.kinsta.simulator.addFault(
        Fault.failOperation("POST /pipelines/[^/]+/promote", "Build failed", 1));
    tenant.create(
        action(
            "release",
            s -> {
              s.application = byId(source);
              s.promote = new KinstaApplicationActionSpec.Promote();
              s.promote.pipelineId = pipeline;
              s.promote.targets = List.of(byId(production));
            }));
    KinstaApplicationAction failed =
        awaitStalled(tenant, "release", ApplicationActionReasons.PROMOTION_FAILED.code());
    assertTrue(failed.getStatus().message.contains(production), failed.getStatus().message);
  }

  @Test
  void aPromotionWhoseAnswerWasLostIsReportedAndNeverSentAgain() {
    Tenant tenant = harness.tenant();
    String pipeline = harness.kinsta.simulator.seedPipeline(tenant.companyId(), "Release");
    String source = adopted(tenant, "staging", "Blog staging");
    String production =
        harness.kinsta.simulator.seedApplication(tenant.companyId(), "Blog production");
    harness.kinsta.simulator.addFault(Fault.loseAnswer("POST /pipelines/[^/]+/promote", 1));
    tenant.create(
        action(
            "release",
            s -> {
              s.application = byId(source);
              s.promote = new KinstaApplicationActionSpec.Promote();
              s.promote.pipelineId = pipeline;
              s.promote.targets = List.of(byId(production));
            }));
    KinstaApplicationAction lost =
        awaitStalled(tenant, "release", ApplicationActionReasons.ANSWER_LOST.code());
    assertTrue(lost.getStatus().message.contains("not sent again"), lost.getStatus().message);
    assertEquals(1, tenant.calls("POST /pipelines/{id}/promote"), "exactly once");
  }

  @Test
  void anApplicationThatIsNotThereIsAwaitedWithoutCalls() {
    Tenant tenant = harness.tenant();
    tenant.create(
        action(
            "clear",
            s -> {
              s.application = named("not-yet");
              s.clearCache = new KinstaSiteActionSpec.Empty();
            }));
    tenant.awaitCondition(
        KinstaApplicationAction.class,
        "clear",
        "Reconciling",
        "True",
        ApplicationActionReasons.WAITING_FOR_APPLICATION.code(),
        Duration.ofSeconds(30));
    assertEquals(0, tenant.calls("POST /applications/{id}/purge-cache"));
    adopted(tenant, "not-yet", "Late app");
    awaitReady(tenant, "clear");
  }
}
