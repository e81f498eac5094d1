package dev.operators.kinsta.wordpress.site;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.operators.kinsta.api.v1alpha1.EnvironmentSettings;
import dev.operators.kinsta.api.v1alpha1.EnvironmentSettings.DomainSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaSite;
import dev.operators.kinsta.api.v1alpha1.SiteEnvironments;
import dev.operators.kinsta.simulator.Fault;
import dev.operators.kinsta.simulator.Journal;
import dev.operators.kinsta.simulator.SimulatorSettings;
import dev.operators.kinsta.simulator.SimulatorState;
import dev.operators.kinsta.testing.OperatorHarness;
import dev.operators.kinsta.testing.OperatorHarness.Tenant;
import dev.operators.kinsta.testing.SimulatorFixture;
import dev.operators.kinsta.transport.budget.RateBudgetSettings;
import dev.operators.kinsta.transport.budget.RateLimit;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Crashes, drift and rate limits: each test runs its own operator, API server and simulator. */
class SiteResilienceTest {

  @Test
  void noCreateCallIsSentUntilItsIntentIsOnRecord() {
    // On the mock API server: only its expectations can make every status write fail while the rest
    // works.
    try (OperatorHarness harness = OperatorHarness.onMockServer()) {
      Tenant tenant = harness.tenant();
      String statusPath =
          "/apis/kinsta.operators.dev/v1alpha1/namespaces/"
              + tenant.namespace
              + "/kinstasites/shop/status";
      harness.mockServer.expect().patch().withPath(statusPath).andReturn(500, "{}").always();
      tenant.create(Sites.plain("shop"));

      // The intent cannot be written, so the create call is never sent.
      await()
          .during(Duration.ofSeconds(2))
          .atMost(Duration.ofSeconds(5))
          .until(() -> tenant.calls("POST /sites/plain") == 0);

      harness.mockServer.clearExpectations();
      KinstaSite ready = tenant.awaitSiteReady("shop");
      List<SimulatorState.Site> named =
          harness.kinsta.simulator.read(
              s ->
                  s.sites.values().stream()
                      .filter(
                          site ->
                              site.companyId.equals(tenant.companyId())
                                  && site.displayName.equals("shop"))
                      .toList());
      assertEquals(1, named.size(), "exactly one site");
      assertEquals(named.get(0).id, ready.getStatus().siteId);
      assertEquals(1, tenant.calls("POST /sites/plain"));
    }
  }

  @Test
  void aStallThatMayClearIsLookedAtAgainAndAFinalOneIsNot() {
    try (OperatorHarness harness =
        OperatorHarness.start(
            SimulatorFixture.start(),
            // No inventory round during the test: its list would hide whether the final stall
            // makes calls of its own.
            OperatorHarness.fastSettings()
                .withStalledRetry(Duration.ofSeconds(1))
                .withInventoryInterval(Duration.ofMinutes(10)))) {
      Tenant tenant = harness.tenant();
      String missing = java.util.UUID.randomUUID().toString();
      tenant.create(Sites.adopted("restored", missing));
      tenant.awaitSiteStalled("restored", "SiteNotFound");
      harness.kinsta.simulator.seedSite(tenant.companyId(), "theirs");
      tenant.create(Sites.plain("theirs"));
      tenant.awaitSiteStalled("theirs", "NameInUse");
      long quietCalls = tenant.calls("GET /sites");

      // The site appears in Kinsta (restored by support, say): no change to the resource is needed.
      harness.kinsta.simulator.seedSite(
          tenant.companyId(), "restored", missing, java.util.UUID.randomUUID().toString());

      assertEquals(missing, tenant.awaitSiteReady("restored").getStatus().siteId);
      await()
          .during(Duration.ofSeconds(2))
          .atMost(Duration.ofSeconds(5))
          .until(() -> tenant.calls("GET /sites") == quietCalls);
    }
  }

  @Test
  void correctsDriftMadeInMyKinstaWithinTheResyncInterval() {
    try (OperatorHarness harness =
        OperatorHarness.start(
            SimulatorFixture.start(),
            OperatorHarness.fastSettings().withResync(Duration.ofSeconds(1)))) {
      Tenant tenant = harness.tenant();
      KinstaSite site = Sites.plain("drifty");
      site.getSpec().environments = new SiteEnvironments();
      site.getSpec().environments.live = new EnvironmentSettings();
      site.getSpec().environments.live.phpVersion = EnvironmentSettings.PhpVersion.V8_3;
      site.getSpec().environments.live.domains =
          List.of(new DomainSpec("drifty.acme.example", true));
      tenant.create(site);
      String siteId = tenant.awaitSiteReady("drifty").getStatus().siteId;

      harness.kinsta.simulator.mutate(
          state -> {
            SimulatorState.Environment live =
                state.sites.get(siteId).environment("live").orElseThrow();
            live.phpVersion = "8.1";
            live.domains.removeIf(d -> d.name.equals("drifty.acme.example"));
            live.primaryDomainId = live.domains.get(0).id;
          });

      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  harness.kinsta.simulator.<Boolean>read(
                      state -> {
                        SimulatorState.Environment live =
                            state.sites.get(siteId).environment("live").orElseThrow();
                        return live.phpVersion.equals("8.3")
                            && live.primaryDomain()
                                .map(d -> d.name.equals("drifty.acme.example"))
                                .orElse(false);
                      }));
      tenant.awaitSiteReady("drifty");
      assertEquals(2, tenant.calls("PUT /sites/tools/modify-php-version"));
    }
  }

  @Test
  void routineResyncsReadKinstaButWriteNoStatus() {
    try (OperatorHarness harness =
        OperatorHarness.start(
            SimulatorFixture.start(),
            OperatorHarness.fastSettings().withResync(Duration.ofSeconds(1)))) {
      Tenant tenant = harness.tenant();
      tenant.create(Sites.plain("steady"));
      KinstaSite ready = tenant.awaitSiteReady("steady");
      String resourceVersion = ready.getMetadata().getResourceVersion();
      String readySince = Tenant.conditions(ready).get(0).getLastTransitionTime();
      long callsBefore = tenant.calls();

      // Each resync reads the site and its environments again.
      await().atMost(Duration.ofSeconds(20)).until(() -> tenant.calls() >= callsBefore + 6);

      KinstaSite after = tenant.get(KinstaSite.class, "steady");
      assertEquals(
          resourceVersion, after.getMetadata().getResourceVersion(), "no status patch on a resync");
      assertEquals(readySince, Tenant.conditions(after).get(0).getLastTransitionTime());
      assertEquals(1, tenant.writes(), "only the create call");
    }
  }

  @Test
  void aStormOf429sIsWaitedOutAndTheBudgetKeepsTheOperatorUnderKinstasLimit() {
    // Kinsta's limits on a 10-second window, and an operator budget a little under them.
    SimulatorSettings limits =
        SimulatorSettings.fast().withRateLimits(Duration.ofSeconds(10), 40, 1000, 5);
    RateBudgetSettings budget =
        new RateBudgetSettings(
            new RateLimit(30, Duration.ofSeconds(10), 10),
            new RateLimit(4, Duration.ofSeconds(10), 1),
            RateLimit.perMinute(30),
            new RateLimit(900, Duration.ofSeconds(10), 100));
    try (OperatorHarness harness =
        OperatorHarness.start(
            SimulatorFixture.start(limits, budget, Duration.ofSeconds(5), false),
            OperatorHarness.fastSettings())) {
      Tenant tenant = harness.tenant();
      harness.kinsta.simulator.addFault(
          Fault.rateLimit(tenant.companyId(), Duration.ofSeconds(1), 3));
      for (int i = 1; i <= 4; i++) {
        KinstaSite site = Sites.plain("busy-" + i);
        site.getSpec().environments = new SiteEnvironments();
        site.getSpec().environments.live = new EnvironmentSettings();
        site.getSpec().environments.live.phpVersion = EnvironmentSettings.PhpVersion.V8_3;
        site.getSpec().environments.live.edgeCaching = false;
        tenant.create(site);
      }
      for (int i = 1; i <= 4; i++) {
        tenant.awaitCondition(
            KinstaSite.class, "busy-" + i, "Ready", "True", null, Duration.ofSeconds(60));
      }

      List<Journal.Entry> limited =
          harness.kinsta.simulator.journal().matching(e -> e.status() == 429);
      assertEquals(
          3,
          limited.size(),
          "only the injected 429s: the budget never let the operator hit the limit");
      List<Journal.Entry> calls =
          harness.kinsta.simulator.journal().matching(e -> tenant.companyId().equals(e.company()));
      // Requests already in flight when the first 429 arrived may still be answered just after it;
      // anything
      // answered later was sent after the pause, which lasts for Retry-After (1 s).
      java.time.Instant firstLimited = limited.get(0).at();
      java.time.Instant lastLimited = limited.get(limited.size() - 1).at();
      assertTrue(
          calls.stream()
              .map(Journal.Entry::at)
              .filter(at -> at.isAfter(lastLimited.plusMillis(250)))
              .allMatch(at -> !at.isBefore(firstLimited.plusMillis(900))),
          "after a 429 the company waited for Retry-After");
    }
  }
}
