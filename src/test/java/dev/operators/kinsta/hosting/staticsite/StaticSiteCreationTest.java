package dev.operators.kinsta.hosting.staticsite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.operators.kinsta.api.v1alpha1.CredentialsReference;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaStaticSite;
import dev.operators.kinsta.api.v1alpha1.KinstaStaticSiteSpec;
import dev.operators.kinsta.reconcile.Reasons;
import dev.operators.kinsta.simulator.Fault;
import dev.operators.kinsta.simulator.SimulatorState;
import dev.operators.kinsta.testing.OperatorHarness;
import dev.operators.kinsta.testing.OperatorHarness.Tenant;
import dev.operators.kinsta.testing.SharedHarnessTest;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * KinstaStaticSite creating its static site from Git on Sevalla's v3 API: once, with its build
 * settings, following the deployment Sevalla starts by itself, and deleted with the resource.
 */
public class StaticSiteCreationTest extends SharedHarnessTest {

  public static KinstaStaticSite fromGit(String name) {
    KinstaStaticSite site = new KinstaStaticSite();
    site.setMetadata(new ObjectMetaBuilder().withName(name).build());
    KinstaStaticSiteSpec spec = new KinstaStaticSiteSpec();
    spec.credentialsRef = new CredentialsReference("kinsta");
    spec.git = new KinstaStaticSiteSpec.GitRepository();
    spec.git.repository = "https://github.com/acme/" + name;
    spec.git.branch = "main";
    spec.git.visibility = KinstaApplicationSpec.Visibility.PUBLIC;
    spec.installCommand = "npm ci";
    spec.buildCommand = "npm run build";
    spec.nodeVersion = "20";
    spec.publishedDirectory = "dist";
    spec.indexFile = "index.html";
    spec.errorFile = "404.html";
    spec.prettyUrls = true;
    site.setSpec(spec);
    return site;
  }

  public static List<SimulatorState.StaticSite> sites(OperatorHarness harness, Tenant tenant) {
    return harness.kinsta.simulator.read(
        state ->
            state.staticSites.values().stream()
                .filter(site -> site.companyId.equals(tenant.companyId()) && !site.deleted)
                .toList());
  }

  @Test
  void createsFollowsTheFirstDeploymentKeepsTheSettingsAndDeletes() {
    Tenant tenant = harness.tenant();
    tenant.create(fromGit("docs"));

    KinstaStaticSite ready = StaticSiteTest.awaitReady(tenant, "docs");
    SimulatorState.StaticSite inSevalla = sites(harness, tenant).get(0);
    assertEquals("https://github.com/acme/docs", inSevalla.repoUrl);
    assertEquals("publicGit", inSevalla.source);
    assertEquals("npm ci", inSevalla.installCommand);
    assertEquals("20", inSevalla.nodeVersion);
    assertEquals("404.html", inSevalla.errorFile);
    assertTrue(inSevalla.prettyUrls);
    assertEquals(inSevalla.id, ready.getStatus().staticSiteId);
    assertEquals("success", ready.getStatus().lastDeployment.status, "Sevalla's first deployment");
    assertNull(ready.getStatus().creation);
    assertEquals(1, tenant.calls("POST /static-sites"));
    assertEquals(0, tenant.calls("POST /static-sites/{id}/deployments"), "Sevalla deployed it");
    assertEquals(0, tenant.calls("PATCH /static-sites/{id}"), "created as declared");

    harness.kinsta.simulator.mutate(
        state -> {
          state.staticSites.get(inSevalla.id).buildCommand = "changed by hand";
        });
    tenant.requestReconcile(KinstaStaticSite.class, "docs", "drift");
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "npm run build".equals(sites(harness, tenant).get(0).buildCommand));
    assertEquals(1, tenant.calls("POST /static-sites/{id}/pretty-url/toggle"), "toggled once");

    tenant.delete(KinstaStaticSite.class, "docs");
    tenant.awaitGone(KinstaStaticSite.class, "docs", Duration.ofSeconds(30));
    assertEquals(List.of(), sites(harness, tenant), "a created static site is deleted");
  }

  @Test
  void aFailedFirstBuildStallsWithSevallasMessage() {
    Tenant tenant = harness.tenant();
    harness.kinsta.simulator.addFault(Fault.failOperation("POST /static-sites", "broken", 1));
    tenant.create(fromGit("broken"));

    KinstaStaticSite stalled =
        tenant.awaitCondition(
            KinstaStaticSite.class,
            "broken",
            "Stalled",
            "True",
            StaticSiteReasons.STATIC_SITE_DEPLOYMENT_FAILED.code(),
            Duration.ofSeconds(30));
    String message = Tenant.conditions(stalled).get(2).getMessage();
    assertTrue(message.contains("npm run build exited with code 1"), message);
  }

  @Test
  void sevallasRefusalOfAFieldStallsWithItsMessageAndCreatesNothing() {
    Tenant tenant = harness.tenant();
    harness.kinsta.simulator.addFault(
        Fault.rejected(
            "POST /static-sites",
            422,
            "Validation failed: node_version: Node.js 12 is not supported",
            1_000));
    KinstaStaticSite old = fromGit("legacy");
    old.getSpec().nodeVersion = "12";
    tenant.create(old);

    KinstaStaticSite stalled =
        tenant.awaitCondition(
            KinstaStaticSite.class,
            "legacy",
            "Stalled",
            "True",
            Reasons.KINSTA_REJECTED.code(),
            Duration.ofSeconds(20));
    String message = Tenant.conditions(stalled).get(2).getMessage();
    assertTrue(message.contains("422") && message.contains("node_version"), message);
    assertNull(stalled.getStatus().creation, "a refused create leaves nothing to look for");
    assertEquals(List.of(), sites(harness, tenant));
    // Something else of the same tenant made after the stall: by the time it is Ready, a second
    // look at the stalled site (which would come at once) has had its chance.
    tenant.create(dev.operators.kinsta.hosting.database.DatabaseLifecycleTest.postgres("marker"));
    dev.operators.kinsta.hosting.database.DatabaseLifecycleTest.awaitReady(tenant, "marker");
    assertEquals(1, tenant.calls("POST /static-sites"), "a refused create is not sent again");
    harness.kinsta.simulator.clearFaults();
  }

  @Test
  void aLostCreateAnswerGivesOneSiteAndAnotherNamespaceNeverTakesIt() {
    Tenant first = harness.tenant();
    Tenant second = harness.sameCompanyAs(first);
    harness.kinsta.simulator.addFault(Fault.loseAnswer("POST /static-sites", 1));
    KinstaStaticSite mine = fromGit("handbook");
    mine.getSpec().displayName = "Handbook";
    first.create(mine);
    KinstaStaticSite ready = StaticSiteTest.awaitReady(first, "handbook");
    assertEquals(1, sites(harness, first).size());
    assertEquals(sites(harness, first).get(0).id, ready.getStatus().staticSiteId);

    KinstaStaticSite theirs = fromGit("handbook");
    theirs.getSpec().displayName = "Handbook";
    second.create(theirs);
    second.awaitCondition(
        KinstaStaticSite.class,
        "handbook",
        "Stalled",
        "True",
        Reasons.NAME_IN_USE.code(),
        Duration.ofSeconds(20));
    assertEquals(1, sites(harness, first).size());
    assertEquals(1, first.calls("POST /static-sites"), "one create call for both namespaces");
  }
}
