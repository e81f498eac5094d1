package dev.operators.kinsta.hosting.staticsite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.operators.kinsta.api.v1alpha1.CredentialsReference;
import dev.operators.kinsta.api.v1alpha1.DeletionPolicy;
import dev.operators.kinsta.api.v1alpha1.KinstaStaticSite;
import dev.operators.kinsta.api.v1alpha1.KinstaStaticSiteSpec;
import dev.operators.kinsta.simulator.Fault;
import dev.operators.kinsta.simulator.SimulatorState;
import dev.operators.kinsta.testing.OperatorHarness.Tenant;
import dev.operators.kinsta.testing.SharedHarnessTest;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * KinstaStaticSite against the simulator: adoption by id and by name, settings and their drift,
 * deployments by branch and redeploy token followed to success or failure, and deletion by policy.
 */
public class StaticSiteTest extends SharedHarnessTest {
  private static final String DEPLOY = "POST /static-sites/{id}/deployments";

  public static KinstaStaticSite adoptingName(String name, String staticSiteName) {
    KinstaStaticSite site = new KinstaStaticSite();
    site.setMetadata(new ObjectMetaBuilder().withName(name).build());
    KinstaStaticSiteSpec spec = new KinstaStaticSiteSpec();
    spec.credentialsRef = new CredentialsReference("kinsta");
    spec.adopt = new KinstaStaticSiteSpec.Adoption();
    spec.adopt.name = staticSiteName;
    site.setSpec(spec);
    return site;
  }

  public static KinstaStaticSite awaitReady(Tenant tenant, String name) {
    return tenant.awaitCondition(
        KinstaStaticSite.class, name, "Ready", "True", null, Duration.ofSeconds(30));
  }

  private static SimulatorState.StaticSite inKinsta(String id) {
    return harness.kinsta.simulator.read(state -> state.staticSites.get(id));
  }

  @Test
  void adoptsByNameWithoutRedeployingAndKeepsTheSettingsTheSpecLists() {
    Tenant tenant = harness.tenant();
    String id = harness.kinsta.simulator.seedStaticSite(tenant.companyId(), "docs");
    KinstaStaticSite site = adoptingName("docs", "docs");
    site.getSpec().displayName = "Acme docs";
    site.getSpec().buildCommand = "npm run docs";
    site.getSpec().nodeVersion = "20";
    site.getSpec().publishedDirectory = "public";
    tenant.create(site);

    KinstaStaticSite ready = awaitReady(tenant, "docs");
    assertEquals(id, ready.getStatus().staticSiteId);
    assertEquals("docs.sevalla.page", ready.getStatus().hostname);
    assertEquals("success", ready.getStatus().latestDeployment.status);
    assertEquals(0, tenant.calls(DEPLOY), "adopting does not redeploy");
    SimulatorState.StaticSite kinsta = inKinsta(id);
    assertEquals("Acme docs", kinsta.displayName);
    assertEquals("npm run docs", kinsta.buildCommand);
    assertEquals("20", kinsta.nodeVersion);
    assertEquals("public", kinsta.publishedDirectory);
    assertEquals(1, tenant.calls("PATCH /static-sites/{id}"));

    // A display name changed in MyKinsta is put back at the next look.
    harness.kinsta.simulator.mutate(
        state -> {
          state.staticSites.get(id).displayName = "Renamed by hand";
        });
    tenant.requestReconcile(KinstaStaticSite.class, "docs", "drift");
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "Acme docs".equals(inKinsta(id).displayName));
    assertEquals(2, tenant.calls("PATCH /static-sites/{id}"));
  }

  @Test
  void deploysABranchAndRedeploysOnANewTokenFollowingEachToItsEnd() {
    Tenant tenant = harness.tenant();
    String id = harness.kinsta.simulator.seedStaticSite(tenant.companyId(), "blog");
    KinstaStaticSite site = adoptingName("blog", "blog");
    site.getSpec().deployment = new KinstaStaticSiteSpec.Deployment();
    site.getSpec().deployment.branch = "release";
    tenant.create(site);

    KinstaStaticSite deployed = awaitReady(tenant, "blog");
    assertEquals("release", deployed.getStatus().lastDeployment.branch);
    assertEquals("success", deployed.getStatus().lastDeployment.status);
    assertEquals(1, tenant.calls(DEPLOY));

    tenant.edit(
        KinstaStaticSite.class, "blog", s -> s.getSpec().deployment.redeployToken = "rebuild-1");
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> tenant.calls(DEPLOY) == 2);
    awaitReady(tenant, "blog");
    assertEquals(3, inKinsta(id).deployments.size(), "seeded, deployed, redeployed");
    assertEquals(2, tenant.calls(DEPLOY), "one deployment of the branch, one redeployment");
  }

  @Test
  void aFailedDeploymentStallsUntilTheSpecChanges() {
    Tenant tenant = harness.tenant();
    harness.kinsta.simulator.seedStaticSite(tenant.companyId(), "shop-front");
    harness.kinsta.simulator.addFault(
        Fault.failOperation("POST /static-sites/[^/]+/deployments", "Build failed", 1));
    KinstaStaticSite site = adoptingName("front", "shop-front");
    site.getSpec().deployment = new KinstaStaticSiteSpec.Deployment();
    site.getSpec().deployment.branch = "next";
    tenant.create(site);
    tenant.awaitCondition(
        KinstaStaticSite.class,
        "front",
        "Stalled",
        "True",
        StaticSiteReasons.STATIC_SITE_DEPLOYMENT_FAILED.code(),
        Duration.ofSeconds(30));
    tenant.edit(KinstaStaticSite.class, "front", s -> s.getSpec().deployment.branch = "main");
    awaitReady(tenant, "front");
    assertEquals(2, tenant.calls(DEPLOY));
  }

  @Test
  void aSiteTheCompanyDoesNotHaveStallsAndDeletionFollowsThePolicy() {
    Tenant tenant = harness.tenant();
    tenant.create(adoptingName("ghost", "not-there"));
    tenant.awaitCondition(
        KinstaStaticSite.class,
        "ghost",
        "Stalled",
        "True",
        StaticSiteReasons.STATIC_SITE_NOT_FOUND.code(),
        Duration.ofSeconds(30));

    String kept = harness.kinsta.simulator.seedStaticSite(tenant.companyId(), "kept");
    String deleted = harness.kinsta.simulator.seedStaticSite(tenant.companyId(), "deleted");
    tenant.create(adoptingName("kept", "kept"));
    KinstaStaticSite delete = adoptingName("deleted", "deleted");
    delete.getSpec().deletionPolicy = DeletionPolicy.Delete;
    tenant.create(delete);
    awaitReady(tenant, "kept");
    awaitReady(tenant, "deleted");
    tenant.delete(KinstaStaticSite.class, "kept");
    tenant.delete(KinstaStaticSite.class, "deleted");
    tenant.awaitGone(KinstaStaticSite.class, "kept", Duration.ofSeconds(30));
    tenant.awaitGone(KinstaStaticSite.class, "deleted", Duration.ofSeconds(30));
    boolean keptThere = harness.kinsta.simulator.read(s -> s.staticSites.containsKey(kept));
    boolean deletedThere = harness.kinsta.simulator.read(s -> s.staticSites.containsKey(deleted));
    assertTrue(keptThere, "adopted sites are retained by default");
    assertFalse(deletedThere, "deletionPolicy Delete deletes it in Kinsta");
  }
}
