package dev.operators.kinsta.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.operators.kinsta.api.v1alpha1.KinstaSite;
import dev.operators.kinsta.simulator.SimulatorState;
import dev.operators.kinsta.testing.OperatorHarness;
import dev.operators.kinsta.testing.OperatorHarness.Tenant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SiteLifecycleTest {
  static OperatorHarness harness;

  @BeforeAll
  static void start() {
    harness = OperatorHarness.start();
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @Test
  void createsAWordPressSiteAndReportsItReady() {
    Tenant tenant = harness.tenant();
    tenant.secret("shop-admin", Map.of("password", "s3cret-Passw0rd"));
    tenant.create(Sites.wordpress("shop"));

    KinstaSite ready = tenant.awaitSiteReady("shop");

    String siteId = ready.getStatus().siteId;
    assertNotNull(siteId);
    SimulatorState.Site remote = harness.kinsta.simulator.read(state -> state.sites.get(siteId));
    assertEquals("shop", remote.displayName);
    assertEquals("live", ready.getStatus().environments.get(0).name);
    harness.kinsta.assertContractKept();
  }
}
