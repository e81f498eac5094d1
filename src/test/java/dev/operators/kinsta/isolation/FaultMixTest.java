package dev.operators.kinsta.isolation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.operators.kinsta.api.v1alpha1.CredentialsReference;
import dev.operators.kinsta.api.v1alpha1.KinstaApplication;
import dev.operators.kinsta.api.v1alpha1.KinstaSite;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteActionSpec;
import dev.operators.kinsta.hosting.application.ApplicationLifecycleTest;
import dev.operators.kinsta.hosting.database.DatabaseLifecycleTest;
import dev.operators.kinsta.hosting.internalconnection.InternalConnectionTest;
import dev.operators.kinsta.reconcile.StatusConditions;
import dev.operators.kinsta.simulator.Fault;
import dev.operators.kinsta.testing.CapturedLogs;
import dev.operators.kinsta.testing.OperatorHarness;
import dev.operators.kinsta.testing.SharedHarnessTest;
import dev.operators.kinsta.wordpress.site.Sites;
import dev.operators.kinsta.wordpress.siteaction.SiteActionTest;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Everything at once, as a bad day at Kinsta looks: 7 % of calls answered 5xx, 3 % dropped, 2 %
 * answered with an error that echoes the API key, 10 % slow, 429 bursts, and one kind of operation
 * that always fails, over more than 60 resources of every kind. Every healthy resource ends Ready,
 * every broken one Stalled with a reason and message that name the cause, the calls per resource
 * per minute stay bounded (printed), and the key appears in no log line, status or event.
 */
class FaultMixTest extends SharedHarnessTest {
  private static final KubernetesSerialization JSON = new KubernetesSerialization();
  private static final int SITES = 20;
  private static final int DATABASES = 10;
  private static final int APPLICATIONS = 8;
  private static final int ACTIONS = 10;
  private static final String PHP_REFUSED = "PHP could not be restarted on this environment";

  @Test
  void healthyResourcesConvergeAndBrokenOnesNameTheirCause() {
    OperatorHarness.Tenant tenant = harness.tenant();
    tenant.secret("wrong-key", Map.of("apiKey", "not-a-kinsta-key"));
    var simulator = harness.kinsta.simulator;
    simulator.addFault(Fault.rateLimit(tenant.companyId(), Duration.ofSeconds(2), 4));
    simulator.addFault(Fault.failOperation("POST /sites/tools/restart-php", PHP_REFUSED, -1));
    // Echoed where the operator shows Kinsta's text: a retried action. A creation's 5xx is an
    // unconfirmed creation, whose answer text is never shown, so which POST came first decided
    // whether the echo was seen at all.
    simulator.addFault(Fault.echo("POST /sites/tools/clear-cache", 503, 3));
    simulator.addFault(Fault.echo(".*", 503, -1).sometimes(0.02));
    simulator.addFault(Fault.status(".*", 500, -1).sometimes(0.04));
    simulator.addFault(Fault.status(".*", 503, -1).sometimes(0.03));
    simulator.addFault(Fault.drop(".*", -1).sometimes(0.03));
    simulator.addFault(Fault.latency(".*", Duration.ofMillis(300), -1).sometimes(0.10));

    Map<String, CustomResource<?, ?>> healthy = new LinkedHashMap<>();
    Map<String, CustomResource<?, ?>> broken = new LinkedHashMap<>();
    Map<String, String> brokenCause = new LinkedHashMap<>();
    long callsBefore = tenant.calls();
    Instant started = Instant.now();
    try (CapturedLogs logs = CapturedLogs.attach()) {
      for (int i = 0; i < SITES; i++) {
        healthy.put("site-" + i, tenant.create(Sites.plain("site-" + i)));
      }
      for (int i = 0; i < DATABASES; i++) {
        healthy.put("db-" + i, tenant.create(DatabaseLifecycleTest.postgres("db-" + i)));
      }
      for (int i = 0; i < APPLICATIONS; i++) {
        String id = simulator.seedApplication(tenant.companyId(), "App " + i);
        healthy.put("app-" + i, tenant.create(ApplicationLifecycleTest.adoptingId("app-" + i, id)));
        healthy.put(
            "link-" + i,
            tenant.create(InternalConnectionTest.link("link-" + i, "app-" + i, "db-" + i)));
      }
      for (int i = 0; i < ACTIONS; i++) {
        healthy.put(
            "clear-" + i,
            tenant.create(
                SiteActionTest.action(
                    "clear-" + i,
                    "site-" + i,
                    s -> s.clearCache = new KinstaSiteActionSpec.Empty())));
      }

      for (int i = 0; i < 2; i++) {
        String missing = UUID.randomUUID().toString();
        broken.put("gone-site-" + i, tenant.create(Sites.adopted("gone-site-" + i, missing)));
        brokenCause.put("gone-site-" + i, missing);
        KinstaSite wrongKey = Sites.plain("wrong-key-" + i);
        wrongKey.getSpec().credentialsRef = new CredentialsReference("wrong-key");
        broken.put("wrong-key-" + i, tenant.create(wrongKey));
        brokenCause.put("wrong-key-" + i, "401");
        KinstaApplication goneApp =
            ApplicationLifecycleTest.adoptingId("gone-app-" + i, UUID.randomUUID().toString());
        broken.put("gone-app-" + i, tenant.create(goneApp));
        brokenCause.put("gone-app-" + i, goneApp.getSpec().adopt.id);
        broken.put(
            "restart-" + i,
            tenant.create(
                SiteActionTest.action(
                    "restart-" + i,
                    "site-" + (SITES - 1 - i),
                    s -> s.restartPhp = new KinstaSiteActionSpec.Empty())));
        brokenCause.put("restart-" + i, PHP_REFUSED);
      }
      int resources = healthy.size() + broken.size();
      assertTrue(resources > 60, "more than 60 resources: " + resources);

      healthy.forEach(
          (name, resource) ->
              tenant.awaitCondition(
                  resourceClass(resource),
                  name,
                  StatusConditions.READY,
                  "True",
                  null,
                  Duration.ofMinutes(4)));
      broken.forEach(
          (name, resource) -> {
            CustomResource<?, ?> stalled =
                tenant.awaitCondition(
                    resourceClass(resource),
                    name,
                    StatusConditions.STALLED,
                    "True",
                    null,
                    Duration.ofMinutes(2));
            Condition condition =
                OperatorHarness.Tenant.conditions(stalled).stream()
                    .filter(c -> c.getType().equals(StatusConditions.STALLED))
                    .findFirst()
                    .orElseThrow();
            assertTrue(
                condition.getMessage().contains(brokenCause.get(name)),
                name + ": " + condition.getReason() + " " + condition.getMessage());
          });

      double minutes = Duration.between(started, Instant.now()).toMillis() / 60_000.0;
      long calls = tenant.calls() - callsBefore;
      double perResource = calls / (double) resources;
      double perResourcePerMinute = perResource / minutes;
      System.out.printf(
          "fault-mix: %d resources (%d healthy, %d broken) settled in %.1f s with %d Kinsta calls:"
              + " %.1f calls per resource, %.1f per resource per minute%n",
          resources,
          healthy.size(),
          broken.size(),
          minutes * 60,
          calls,
          perResource,
          perResourcePerMinute);
      // Creating, polling and retrying through the faults, with the tests' quick polls.
      assertTrue(perResource < 20, "calls per resource: " + perResource);

      List<String> outputs = new ArrayList<>(logs.lines());
      for (String name : healthy.keySet()) {
        outputs.add(JSON.asJson(tenant.get(resourceClass(healthy.get(name)), name).getStatus()));
      }
      for (String name : broken.keySet()) {
        outputs.add(JSON.asJson(tenant.get(resourceClass(broken.get(name)), name).getStatus()));
      }
      tenant.events().forEach(event -> outputs.add(event.getMessage()));
      assertFalse(
          outputs.stream().anyMatch(line -> line.contains(tenant.apiKey)),
          "the API key appears in an output");
      assertTrue(
          logs.lines().stream().anyMatch(line -> line.contains("Rejected request")),
          "an echoing answer was seen, redacted");
    }
  }

  @SuppressWarnings("unchecked")
  private static <T extends CustomResource<?, ?>> Class<T> resourceClass(CustomResource<?, ?> r) {
    return (Class<T>) r.getClass();
  }
}
