package dev.operators.kinsta.hosting.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.operators.kinsta.api.v1alpha1.CredentialsReference;
import dev.operators.kinsta.api.v1alpha1.DeletionPolicy;
import dev.operators.kinsta.api.v1alpha1.KinstaApplication;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationStatus;
import dev.operators.kinsta.simulator.Fault;
import dev.operators.kinsta.simulator.SimulatorState;
import dev.operators.kinsta.testing.OperatorHarness.Tenant;
import dev.operators.kinsta.testing.SharedHarnessTest;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * KinstaApplication against the simulator: adoption, settings, processes, toggles, deployments,
 * deletion.
 */
public class ApplicationLifecycleTest extends SharedHarnessTest {

  public static KinstaApplication adoptingId(String name, String applicationId) {
    KinstaApplication app = new KinstaApplication();
    app.setMetadata(new ObjectMetaBuilder().withName(name).build());
    app.setSpec(new KinstaApplicationSpec());
    app.getSpec().credentialsRef = new CredentialsReference("kinsta");
    app.getSpec().adopt = new KinstaApplicationSpec.ApplicationAdoption();
    app.getSpec().adopt.id = applicationId;
    return app;
  }

  public static KinstaApplication awaitReady(Tenant tenant, String name) {
    return tenant.awaitCondition(
        KinstaApplication.class, name, "Ready", "True", null, Duration.ofSeconds(30));
  }

  private static SimulatorState.Application inKinsta(String id) {
    return harness.kinsta.simulator.read(state -> state.applications.get(id));
  }

  /**
   * Reconciles once more on request and waits until it has been handled and the application is
   * Ready.
   */
  private static KinstaApplication reconcileAgain(Tenant tenant, String name, String token) {
    tenant.requestReconcile(KinstaApplication.class, name, token);
    return tenant.awaitCondition(
        KinstaApplication.class, name, "Ready", "True", null, Duration.ofSeconds(20));
  }

  @Test
  void adoptsByIdAndByNameAndReportsProcessesWithoutRedeploying() {
    Tenant tenant = harness.tenant();
    String byId = harness.kinsta.simulator.seedApplication(tenant.companyId(), "Storefront");
    String otherId = harness.kinsta.simulator.seedApplication(tenant.companyId(), "Admin");
    tenant.create(adoptingId("storefront", byId));
    KinstaApplication byName = adoptingId("admin", null);
    byName.getSpec().adopt.id = null;
    byName.getSpec().adopt.name = inKinsta(otherId).name;
    byName.getSpec().deployment = new KinstaApplicationSpec.DeploymentSpec();
    byName.getSpec().deployment.branch = "main";
    tenant.create(byName);

    KinstaApplication ready = awaitReady(tenant, "storefront");
    assertEquals(otherId, awaitReady(tenant, "admin").getStatus().applicationId);

    KinstaApplicationStatus status = ready.getStatus();
    assertEquals(byId, status.applicationId);
    assertEquals("deploymentSuccess", status.state);
    KinstaApplicationStatus.ProcessStatus web = status.processes.get(0);
    assertEquals("web", web.key);
    assertTrue(web.internalHostname.endsWith(".svc.cluster.local"), web.internalHostname);
    assertEquals(8080, web.internalPort);
    assertNotNull(status.lastDeployment);
    assertEquals(
        0, tenant.writes(), "adopting changes nothing, and the deployed branch is already main");
  }

  @Test
  void anUnknownApplicationStallsAndSaysTheApiCannotCreateOne() {
    Tenant tenant = harness.tenant();
    KinstaApplication app = adoptingId("ghost", null);
    app.getSpec().adopt.id = null;
    app.getSpec().adopt.name = "no-such-app";
    tenant.create(app);

    KinstaApplication stalled =
        tenant.awaitCondition(
            KinstaApplication.class,
            "ghost",
            "Stalled",
            "True",
            "ApplicationNotFound",
            Duration.ofSeconds(20));
    String message = Tenant.conditions(stalled).get(2).getMessage();
    assertTrue(message.contains("no-such-app"), message);
    assertEquals(0, tenant.writes());
  }

  @Test
  void appliesSettingsOnceAndProcessesWhereTheyDiffer() {
    Tenant tenant = harness.tenant();
    String id = harness.kinsta.simulator.seedApplication(tenant.companyId(), "Worker");
    KinstaApplication app = adoptingId("worker", id);
    KinstaApplicationSpec spec = app.getSpec();
    spec.displayName = "Background worker";
    spec.build = new KinstaApplicationSpec.BuildSettings();
    spec.build.type = KinstaApplicationSpec.BuildType.nixpacks;
    spec.build.path = "services/worker";
    spec.autoDeploy = false;
    spec.hibernation = new KinstaApplicationSpec.Hibernation();
    spec.hibernation.enabled = true;
    spec.hibernation.afterSeconds = 900L;
    KinstaApplicationSpec.ProcessSpec web = new KinstaApplicationSpec.ProcessSpec();
    web.key = "web";
    web.instances = 3;
    web.entrypoint = "node worker.js";
    spec.processes = List.of(web);
    tenant.create(app);

    awaitReady(tenant, "worker");
    SimulatorState.Application inKinsta = inKinsta(id);
    assertEquals("Background worker", inKinsta.displayName);
    assertEquals("nixpacks", inKinsta.buildType);
    assertEquals("services/worker", inKinsta.buildPath);
    assertFalse(inKinsta.autoDeploy);
    assertTrue(inKinsta.hibernationEnabled);
    assertEquals(900L, inKinsta.hibernateAfterSeconds);
    assertEquals(1, tenant.calls("PATCH /applications/{id}"));
    assertEquals(1, tenant.calls("PATCH /applications/{id}/processes/{process_id}"));
    KinstaApplication ready = tenant.get(KinstaApplication.class, "worker");
    assertEquals(3, ready.getStatus().processes.get(0).instances);
    assertEquals("node worker.js", ready.getStatus().processes.get(0).entrypoint);

    reconcileAgain(tenant, "worker", "again-1");
    assertEquals(1, tenant.calls("PATCH /applications/{id}"), "nothing differs, nothing sent");
    assertEquals(1, tenant.calls("PATCH /applications/{id}/processes/{process_id}"));

    tenant.edit(
        KinstaApplication.class,
        "worker",
        a -> {
          a.getSpec().processes.get(0).instances = null;
          a.getSpec().processes.get(0).autoscaling = new KinstaApplicationSpec.Autoscaling();
          a.getSpec().processes.get(0).autoscaling.minInstances = 2;
          a.getSpec().processes.get(0).autoscaling.maxInstances = 6;
        });
    awaitReady(tenant, "worker");
    KinstaApplicationStatus.ProcessStatus scaled =
        tenant.get(KinstaApplication.class, "worker").getStatus().processes.get(0);
    assertEquals("horizontal", scaled.scaling);
    assertEquals(6, scaled.maxInstances);
    assertEquals(2, tenant.calls("PATCH /applications/{id}/processes/{process_id}"));
  }

  @Test
  void togglesTheCdnOnceAndNeverAgain() {
    Tenant tenant = harness.tenant();
    String id = harness.kinsta.simulator.seedApplication(tenant.companyId(), "Cached");
    harness.kinsta.simulator.mutate(
        state -> {
          state.applications.get(id).cdnEnabled = true;
        });
    KinstaApplication app = adoptingId("cached", id);
    app.getSpec().cdn = true;
    tenant.create(app);

    awaitReady(tenant, "cached");
    reconcileAgain(tenant, "cached", "again-1");
    KinstaApplication again = reconcileAgain(tenant, "cached", "again-2");

    assertTrue(inKinsta(id).cdnEnabled, "the CDN was on already and is on again");
    assertEquals(
        2,
        tenant.calls("POST /applications/{id}/cdn/toggle"),
        "one toggle to learn the state (it turned it off), one to turn it back on, then none");
    assertTrue(again.getStatus().cdnEnabled);
  }

  @Test
  void followsADeploymentToSuccessAndAFailedOneToStalled() {
    Tenant tenant = harness.tenant();
    String id = harness.kinsta.simulator.seedApplication(tenant.companyId(), "Api");
    KinstaApplication app = adoptingId("api", id);
    app.getSpec().deployment = new KinstaApplicationSpec.DeploymentSpec();
    app.getSpec().deployment.branch = "release";
    tenant.create(app);

    KinstaApplication deployed = awaitReady(tenant, "api");
    assertEquals("success", deployed.getStatus().lastDeployment.status);
    assertEquals("release", deployed.getStatus().lastDeployment.branch);
    assertEquals(1, tenant.calls("POST /applications/{id}/deployments"));
    assertTrue(tenant.events().stream().anyMatch(e -> "Deployed".equals(e.getReason())));

    harness.kinsta.simulator.addFault(
        Fault.failOperation("POST /applications/[^/]+/deployments", "build failed", 1));
    tenant.edit(KinstaApplication.class, "api", a -> a.getSpec().deployment.redeployToken = "r2");
    KinstaApplication failed =
        tenant.awaitCondition(
            KinstaApplication.class,
            "api",
            "Stalled",
            "True",
            "DeploymentFailed",
            Duration.ofSeconds(30));
    assertEquals("failed", failed.getStatus().lastDeployment.status);
    assertEquals(2, tenant.calls("POST /applications/{id}/deployments"));

    tenant.edit(KinstaApplication.class, "api", a -> a.getSpec().deployment.redeployToken = "r3");
    assertEquals("success", awaitReady(tenant, "api").getStatus().lastDeployment.status);
    assertEquals(
        3,
        tenant.calls("POST /applications/{id}/deployments"),
        "one deployment per change, no retries");
  }

  @Test
  void isRetainedByDefaultAndDeletedOnlyWhenAsked() {
    Tenant tenant = harness.tenant();
    String kept = harness.kinsta.simulator.seedApplication(tenant.companyId(), "Kept");
    String doomed = harness.kinsta.simulator.seedApplication(tenant.companyId(), "Doomed");
    tenant.create(adoptingId("kept", kept));
    KinstaApplication delete = adoptingId("doomed", doomed);
    delete.getSpec().deletionPolicy = DeletionPolicy.Delete;
    tenant.create(delete);
    awaitReady(tenant, "kept");
    awaitReady(tenant, "doomed");

    tenant.delete(KinstaApplication.class, "kept");
    tenant.delete(KinstaApplication.class, "doomed");

    tenant.awaitGone(KinstaApplication.class, "kept", Duration.ofSeconds(20));
    tenant.awaitGone(KinstaApplication.class, "doomed", Duration.ofSeconds(30));
    assertNotNull(inKinsta(kept));
    assertTrue(
        inKinsta(doomed) == null || inKinsta(doomed).deletedAt != null,
        "deleted in Sevalla (gone, or going)");
    assertEquals(1, tenant.calls("DELETE /applications/{id}"));
  }
}
