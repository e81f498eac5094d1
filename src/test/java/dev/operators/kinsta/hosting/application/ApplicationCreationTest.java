package dev.operators.kinsta.hosting.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.operators.kinsta.api.v1alpha1.CredentialsReference;
import dev.operators.kinsta.api.v1alpha1.KinstaApplication;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationSpec;
import dev.operators.kinsta.reconcile.Reasons;
import dev.operators.kinsta.simulator.Fault;
import dev.operators.kinsta.simulator.SimulatorState;
import dev.operators.kinsta.testing.OperatorHarness;
import dev.operators.kinsta.testing.OperatorHarness.Tenant;
import dev.operators.kinsta.testing.SharedHarnessTest;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * KinstaApplication creating its application on Sevalla's v3 API: from a public Git repository or a
 * Docker image, on a cluster named as a person names it, exactly once across lost answers, timeouts
 * and restarts, and never onto another namespace's application.
 */
public class ApplicationCreationTest extends SharedHarnessTest {

  public static KinstaApplication fromGit(String name, String repository) {
    KinstaApplication app = new KinstaApplication();
    app.setMetadata(new ObjectMetaBuilder().withName(name).build());
    app.setSpec(new KinstaApplicationSpec());
    app.getSpec().credentialsRef = new CredentialsReference("kinsta");
    app.getSpec().source = new KinstaApplicationSpec.ApplicationSource();
    app.getSpec().source.git = new KinstaApplicationSpec.GitSource();
    app.getSpec().source.git.repository = repository;
    app.getSpec().source.git.branch = "main";
    app.getSpec().location = "us-central1";
    return app;
  }

  static KinstaApplication fromImage(String name, String image) {
    KinstaApplication app = fromGit(name, "https://example.invalid");
    app.getSpec().source.git = null;
    app.getSpec().source.dockerImage = new KinstaApplicationSpec.ImageSource();
    app.getSpec().source.dockerImage.image = image;
    return app;
  }

  public static List<SimulatorState.Application> applications(
      OperatorHarness harness, Tenant tenant) {
    return harness.kinsta.simulator.read(
        state ->
            state.applications.values().stream()
                .filter(app -> app.companyId.equals(tenant.companyId()) && app.deletedAt == null)
                .toList());
  }

  @Test
  void createsFromGitDeploysOnceAndDeletesWithTheResource() {
    Tenant tenant = harness.tenant();
    KinstaApplication app = fromGit("storefront", "https://github.com/acme/storefront");
    app.getSpec().processes = List.of(new KinstaApplicationSpec.ProcessSpec());
    app.getSpec().processes.get(0).key = "web";
    app.getSpec().processes.get(0).instances = 3;
    app.getSpec().cdn = true;
    tenant.create(app);

    KinstaApplication ready = ApplicationLifecycleTest.awaitReady(tenant, "storefront");
    SimulatorState.Application inSevalla = applications(harness, tenant).get(0);
    assertEquals("storefront", inSevalla.displayName, "named after the resource");
    assertEquals("publicGit", inSevalla.source);
    assertEquals("https://github.com/acme/storefront", inSevalla.repoUrl);
    assertEquals(SimulatorState.CLUSTERS.get(0).id(), inSevalla.clusterId);
    assertEquals(inSevalla.id, ready.getStatus().applicationId);
    assertEquals(Boolean.FALSE, ready.getStatus().adopted);
    assertNull(ready.getStatus().creation);
    assertEquals("success", ready.getStatus().lastDeployment.status, "the first deployment");
    assertEquals(3, ready.getStatus().processes.get(0).instances);
    assertTrue(inSevalla.cdnEnabled);
    assertEquals(1, tenant.calls("POST /applications"));
    assertEquals(1, tenant.calls("POST /applications/{id}/deployments"));
    assertTrue(
        tenant.events().stream().anyMatch(e -> Reasons.CREATED.code().equals(e.getReason())));

    tenant.requestReconcile(KinstaApplication.class, "storefront", "again");
    ApplicationLifecycleTest.awaitReady(tenant, "storefront");
    assertEquals(1, tenant.calls("POST /applications"), "created once");
    assertEquals(1, tenant.calls("POST /applications/{id}/deployments"), "deployed once");

    tenant.delete(KinstaApplication.class, "storefront");
    tenant.awaitGone(KinstaApplication.class, "storefront", Duration.ofSeconds(30));
    assertEquals(List.of(), applications(harness, tenant), "a created application is deleted");
  }

  @Test
  void createsFromADockerImageOnAClusterNamedByItsDisplayName() {
    Tenant tenant = harness.tenant();
    String project = harness.kinsta.simulator.seedProject(tenant.companyId(), "Client ACME");
    KinstaApplication app = fromImage("proxy", "nginx:1.27");
    app.getSpec().location = "Frankfurt, Germany";
    app.getSpec().displayName = "Edge proxy";
    app.getSpec().project = "client acme";
    tenant.create(app);

    ApplicationLifecycleTest.awaitReady(tenant, "proxy");
    SimulatorState.Application inSevalla = applications(harness, tenant).get(0);
    assertEquals("dockerImage", inSevalla.source);
    assertEquals("nginx:1.27", inSevalla.dockerImage);
    assertEquals("Edge proxy", inSevalla.displayName);
    assertEquals(SimulatorState.CLUSTERS.get(1).id(), inSevalla.clusterId);
    assertEquals(project, inSevalla.projectId, "the project named by its display name");
  }

  @Test
  void aPrivateImagePullsWithARegistryLoginKeptFromASecret() {
    Tenant tenant = harness.tenant();
    tenant.secret("registry", Map.of("username", "acme-ci", "password", "ghp-first-Token-1"));
    KinstaApplication app = fromImage("private", "ghcr.io/acme/private:1.0");
    app.getSpec().source.dockerImage.credentials = new KinstaApplicationSpec.RegistryCredentials();
    app.getSpec().source.dockerImage.credentials.secretName = "registry";
    app.getSpec().source.dockerImage.credentials.registry = KinstaApplicationSpec.Registry.github;
    tenant.create(app);

    KinstaApplication ready = ApplicationLifecycleTest.awaitReady(tenant, "private");
    SimulatorState.RegistryCredential login = logins(tenant).get(0);
    assertEquals("github", login.registry);
    assertEquals("acme-ci", login.username);
    assertEquals("ghp-first-Token-1", login.secret);
    assertEquals(login.id, ready.getStatus().registryCredentialId);
    assertEquals(login.id, applications(harness, tenant).get(0).dockerRegistryCredentialId);

    tenant.secret("registry", Map.of("username", "acme-ci", "password", "ghp-second-Token-2"));
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> "ghp-second-Token-2".equals(logins(tenant).get(0).secret));
    assertEquals(1, tenant.calls("POST /docker-registries"), "one credential");
    assertEquals(1, tenant.calls("PATCH /docker-registries/{id}"), "changed once");
    String everything =
        io.fabric8.kubernetes.client.utils.Serialization.asJson(
                tenant.get(KinstaApplication.class, "private").getStatus())
            + tenant.events();
    assertFalse(everything.contains("ghp-"), "no token in status or events");

    tenant.delete(KinstaApplication.class, "private");
    tenant.awaitGone(KinstaApplication.class, "private", Duration.ofSeconds(30));
    assertEquals(List.of(), logins(tenant), "the credential goes with the application");
  }

  private static List<SimulatorState.RegistryCredential> logins(Tenant tenant) {
    return harness.kinsta.simulator.read(
        state ->
            state.registryCredentials.values().stream()
                .filter(c -> c.companyId.equals(tenant.companyId()))
                .toList());
  }

  @Test
  void anUnknownLocationStallsNamingTheFieldWithoutWrites() {
    Tenant tenant = harness.tenant();
    KinstaApplication app = fromGit("lost", "https://github.com/acme/lost");
    app.getSpec().location = "Atlantis";
    tenant.create(app);

    KinstaApplication stalled =
        tenant.awaitCondition(
            KinstaApplication.class,
            "lost",
            "Stalled",
            "True",
            Reasons.INVALID_SPEC.code(),
            Duration.ofSeconds(20));
    String message = Tenant.conditions(stalled).get(2).getMessage();
    assertTrue(message.contains("spec.location") && message.contains("us-central1"), message);
    assertEquals(0, tenant.writes());
  }

  @Test
  void aForbiddenCreateStallsNamingTheCall() {
    Tenant tenant = harness.tenant();
    harness.kinsta.simulator.addFault(Fault.status("POST /applications", 403, 1_000));
    tenant.create(fromGit("denied", "https://github.com/acme/denied"));

    KinstaApplication stalled =
        tenant.awaitCondition(
            KinstaApplication.class,
            "denied",
            "Stalled",
            "True",
            Reasons.PERMISSION_DENIED.code(),
            Duration.ofSeconds(20));
    String message = Tenant.conditions(stalled).get(2).getMessage();
    assertTrue(message.contains("POST /applications"), message);
    assertNull(stalled.getStatus().creation, "a refused create leaves nothing to look for");
    assertEquals(List.of(), applications(harness, tenant));
    harness.kinsta.simulator.clearFaults();
  }

  @Test
  void twoNamespacesOfOneCompanyCreatingTheSameNameStayApart() {
    Tenant first = harness.tenant();
    Tenant second = harness.sameCompanyAs(first);
    KinstaApplication mine = fromGit("shop", "https://github.com/acme/shop");
    mine.getSpec().displayName = "Shop";
    first.create(mine);
    KinstaApplication ready = ApplicationLifecycleTest.awaitReady(first, "shop");

    KinstaApplication theirs = fromGit("shop", "https://github.com/other/shop");
    theirs.getSpec().displayName = "Shop";
    second.create(theirs);

    KinstaApplication refused =
        second.awaitCondition(
            KinstaApplication.class,
            "shop",
            "Stalled",
            "True",
            Reasons.NAME_IN_USE.code(),
            Duration.ofSeconds(20));
    assertEquals(1, applications(harness, first).size(), "no second application");
    assertNull(refused.getStatus().applicationId, "the other's application is never taken");
    assertEquals(
        ready.getStatus().applicationId,
        first.get(KinstaApplication.class, "shop").getStatus().applicationId);

    second.delete(KinstaApplication.class, "shop");
    second.awaitGone(KinstaApplication.class, "shop", Duration.ofSeconds(20));
    assertEquals(
        1, applications(harness, first).size(), "deleting the refused one deletes nothing");
  }
}
