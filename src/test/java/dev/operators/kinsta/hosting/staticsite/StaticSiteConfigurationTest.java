package dev.operators.kinsta.hosting.staticsite;

import static dev.operators.kinsta.hosting.staticsite.StaticSiteTest.adoptingName;
import static dev.operators.kinsta.hosting.staticsite.StaticSiteTest.awaitReady;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.operators.kinsta.api.v1alpha1.EnvVar;
import dev.operators.kinsta.api.v1alpha1.KinstaStaticSite;
import dev.operators.kinsta.api.v1alpha1.ServiceDomain;
import dev.operators.kinsta.api.v1alpha1.StaticSiteEnvVar;
import dev.operators.kinsta.simulator.SimulatorState;
import dev.operators.kinsta.testing.OperatorHarness.Tenant;
import dev.operators.kinsta.testing.SharedHarnessTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A KinstaStaticSite's build variables (from a Secret, scoped to production or a branch) and
 * domains, against the simulator over HTTP on the real API server.
 */
class StaticSiteConfigurationTest extends SharedHarnessTest {

  private static Optional<SimulatorState.EnvVarState> variable(String id, String key) {
    return harness.kinsta.simulator.read(
        state ->
            state.staticSites.get(id).envVars.stream().filter(v -> v.key.equals(key)).findFirst());
  }

  private static long deployments(String id) {
    return harness.kinsta.simulator.read(
        state -> (long) state.staticSites.get(id).deployments.size());
  }

  @Test
  void variablesFromASecretAreKeptAndDeployedAndDomainsAttached() {
    Tenant tenant = harness.tenant();
    String id = harness.kinsta.simulator.seedStaticSite(tenant.companyId(), "handbook");
    tenant.secret("handbook-build", Map.of("search-key", "srch-4f1e2d3c"));
    KinstaStaticSite site = adoptingName("handbook", "handbook");
    StaticSiteEnvVar key = new StaticSiteEnvVar();
    key.name = "SEARCH_API_KEY";
    key.valueFrom = new EnvVar.EnvVarSource();
    key.valueFrom.secretKeyRef = new EnvVar.KeyReference();
    key.valueFrom.secretKeyRef.name = "handbook-build";
    key.valueFrom.secretKeyRef.key = "search-key";
    StaticSiteEnvVar previewOnly = new StaticSiteEnvVar();
    previewOnly.name = "BANNER";
    previewOnly.value = "preview build";
    previewOnly.production = false;
    previewOnly.preview = true;
    previewOnly.branch = "next";
    site.getSpec().env = List.of(key, previewOnly);
    ServiceDomain domain = new ServiceDomain();
    domain.name = "handbook.example.org";
    site.getSpec().domains = List.of(domain);
    tenant.create(site);

    KinstaStaticSite ready = awaitReady(tenant, "handbook");
    assertEquals("srch-4f1e2d3c", variable(id, "SEARCH_API_KEY").orElseThrow().value);
    SimulatorState.EnvVarState banner = variable(id, "BANNER").orElseThrow();
    assertEquals(Boolean.FALSE, banner.production);
    assertEquals(Boolean.TRUE, banner.preview);
    assertEquals("next", banner.branch);
    assertEquals(2, tenant.calls("POST /static-sites/{id}/env-vars"));
    assertEquals(1, tenant.calls("POST /static-sites/{id}/deployments"), "the variables deployed");
    assertEquals(2, deployments(id));
    assertTrue(
        ready.getStatus().domains.stream()
            .anyMatch(d -> "handbook.example.org".equals(d.name) && "CUSTOM".equals(d.type)));
    assertEquals(1, tenant.calls("POST /static-sites/{id}/domains"));

    tenant.secret("handbook-build", Map.of("search-key", "srch-99aa77bb"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                "srch-99aa77bb".equals(variable(id, "SEARCH_API_KEY").orElseThrow().value)
                    && tenant.calls("POST /static-sites/{id}/deployments") == 2);
    assertEquals(1, tenant.calls("PUT /static-sites/{id}/env-vars/{env_var_id}"));

    tenant.edit(
        KinstaStaticSite.class,
        "handbook",
        s -> {
          s.getSpec().env = null;
          s.getSpec().domains = null;
        });
    KinstaStaticSite cleared = awaitReady(tenant, "handbook");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                harness.kinsta.simulator.read(
                    state ->
                        state.staticSites.get(id).envVars.isEmpty()
                            && state.staticSites.get(id).domains.stream()
                                .noneMatch(d -> "CUSTOM".equals(d.type))));
    assertNull(cleared.getStatus().envKeys);
    assertEquals(2, tenant.calls("DELETE /static-sites/{id}/env-vars/{env_var_id}"));
    assertEquals(1, tenant.calls("DELETE /static-sites/{id}/domains/{domain_id}"));
  }
}
