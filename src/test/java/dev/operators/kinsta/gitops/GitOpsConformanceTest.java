package dev.operators.kinsta.gitops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.operators.kinsta.api.v1alpha1.ApiGroup;
import dev.operators.kinsta.api.v1alpha1.EnvironmentSettings;
import dev.operators.kinsta.api.v1alpha1.KinstaSite;
import dev.operators.kinsta.api.v1alpha1.SiteEnvironments;
import dev.operators.kinsta.reconcile.Reasons;
import dev.operators.kinsta.simulator.Fault;
import dev.operators.kinsta.site.Sites;
import dev.operators.kinsta.testing.OperatorHarness;
import dev.operators.kinsta.testing.OperatorHarness.Tenant;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What GitOps tools rely on, checked on every version of every resource the operator wrote during a lifecycle
 * with each outcome (created, stalled, failed, paused, changed, deleted): kstatus conditions that Flux reads with
 * no configuration, the Argo CD health check in {@code docs/argocd}, and a spec the operator never touches.
 */
class GitOpsConformanceTest {
  static final List<KinstaSite> written = new ArrayList<>();
  static final Map<String, JsonNode> appliedSpecs = new HashMap<>();
  static final Map<String, Long> appliedGenerations = new HashMap<>();

  @BeforeAll
  static void runLifecycles() {
    ConcurrentLinkedQueue<KinstaSite> seen = new ConcurrentLinkedQueue<>();
    try (OperatorHarness harness = OperatorHarness.start()) {
      Tenant tenant = harness.tenant();
      Watch watch = harness.client.resources(KinstaSite.class).inNamespace(tenant.namespace)
          .watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, KinstaSite resource) {
              seen.add(resource);
            }

            @Override
            public void onClose(WatcherException cause) {
            }
          });
      apply(tenant, Sites.plain("ready"));
      apply(tenant, Sites.wordpress("no-password"));
      KinstaSite paused = Sites.plain("paused");
      paused.getMetadata().setAnnotations(Map.of(ApiGroup.PAUSED_ANNOTATION, "true"));
      apply(tenant, paused);
      tenant.awaitSiteReady("ready");
      tenant.awaitSiteStalled("no-password", Reasons.SECRET_NOT_FOUND);
      tenant.awaitCondition(KinstaSite.class, "paused", "Ready", "False", Reasons.PAUSED, Duration.ofSeconds(20));

      harness.kinsta.simulator.addFault(Fault.failOperation("POST /sites/plain", "No capacity left in region", 1));
      apply(tenant, Sites.plain("failed"));
      tenant.awaitSiteStalled("failed", "CreateFailed");

      KinstaSite changed = tenant.edit(KinstaSite.class, "ready", site -> {
        site.getSpec().environments = new SiteEnvironments();
        site.getSpec().environments.live = new EnvironmentSettings();
        site.getSpec().environments.live.phpVersion = EnvironmentSettings.PhpVersion.V8_1;
      });
      remember(changed);
      tenant.awaitCondition(KinstaSite.class, "ready", "Ready", "True", Reasons.READY, Duration.ofSeconds(20));
      tenant.delete(KinstaSite.class, "ready");
      tenant.awaitGone(KinstaSite.class, "ready", Duration.ofSeconds(20));
      watch.close();
      harness.kinsta.simulator.clearFaults();
    }
    written.addAll(seen.stream().filter(site -> site.getStatus() != null).toList());
  }

  private static void apply(Tenant tenant, KinstaSite site) {
    remember(tenant.create(site));
  }

  private static void remember(KinstaSite site) {
    String name = site.getMetadata().getName();
    appliedSpecs.put(name + "@" + site.getMetadata().getGeneration(), Serialization.jsonMapper()
        .valueToTree(site.getSpec()));
    appliedGenerations.merge(name, site.getMetadata().getGeneration(), Math::max);
  }

  @AfterAll
  static void clear() {
    written.clear();
  }

  @Test
  void everyWrittenStatusFollowsKstatus() {
    assertTrue(written.size() >= 10, "the lifecycles produced statuses: " + written.size());
    for (KinstaSite site : written) {
      String where = site.getMetadata().getName() + " rv " + site.getMetadata().getResourceVersion();
      var conditions = site.getStatus().conditions;
      assertEquals(List.of("Ready", "Reconciling", "Stalled"), conditions.stream().map(c -> c.getType()).toList(),
          where + ": the three kstatus conditions, in a stable order");
      long observed = site.getStatus().observedGeneration;
      assertTrue(observed <= site.getMetadata().getGeneration(), where);
      for (var condition : conditions) {
        assertTrue(List.of("True", "False", "Unknown").contains(condition.getStatus()), where);
        assertEquals(observed, condition.getObservedGeneration(), where + ": " + condition.getType());
        assertTrue(condition.getReason() != null && condition.getReason().matches("[A-Z][A-Za-z0-9]*"),
            where + ": reason is CamelCase: " + condition.getReason());
        Instant.parse(condition.getLastTransitionTime());
      }
      boolean ready = "True".equals(conditions.get(0).getStatus());
      boolean reconciling = "True".equals(conditions.get(1).getStatus());
      boolean stalled = "True".equals(conditions.get(2).getStatus());
      assertFalse(reconciling && stalled, where + ": never both Reconciling and Stalled");
      assertFalse(ready && (reconciling || stalled), where + ": Ready excludes Reconciling and Stalled");
    }
  }

  @Test
  void theArgoCdHealthCheckReadsEveryWrittenStatus() throws IOException {
    ArgoHealth health = new ArgoHealth(Path.of("docs/argocd/health.lua"));
    List<String> seen = new ArrayList<>();
    for (KinstaSite site : written) {
      JsonNode object = Serialization.jsonMapper().valueToTree(site);
      ArgoHealth.Result result = health.evaluate(object);
      var conditions = site.getStatus().conditions;
      boolean current = site.getStatus().observedGeneration == site.getMetadata().getGeneration();
      String expected = !current ? "Progressing"
          : "True".equals(conditions.get(2).getStatus()) ? "Degraded"
          : "True".equals(conditions.get(0).getStatus()) ? "Healthy"
          : Reasons.PAUSED.equals(conditions.get(0).getReason()) ? "Suspended" : "Progressing";
      assertEquals(expected, result.status(), site.getMetadata().getName() + ": " + result.message());
      seen.add(result.status());
    }
    assertTrue(seen.containsAll(List.of("Healthy", "Progressing", "Degraded", "Suspended")), seen.toString());
  }

  @Test
  void theArgoCdConfigMapEmbedsTheTestedScriptForEveryKind() throws IOException {
    String script = Files.readString(Path.of("docs/argocd/health.lua"));
    JsonNode configMap = Serialization.unmarshal(Files.readString(Path.of("docs/argocd/argocd-cm.yaml")),
        JsonNode.class);
    try (var crds = Files.list(Path.of("crds"))) {
      for (Path crd : crds.toList()) {
        String kind = Serialization.unmarshal(Files.readString(crd), JsonNode.class).path("spec").path("names")
            .path("kind").asText();
        JsonNode embedded = configMap.path("data").path("resource.customizations.health.kinsta.operators.dev_" + kind);
        assertEquals(script.strip(), embedded.asText().strip(), kind);
      }
    }
  }

  @Test
  void theOperatorNeverWritesSpec() {
    for (KinstaSite site : written) {
      String name = site.getMetadata().getName();
      JsonNode applied = appliedSpecs.get(name + "@" + site.getMetadata().getGeneration());
      assertTrue(applied != null, name + " generation " + site.getMetadata().getGeneration()
          + " was made by the test, not the operator");
      assertEquals(applied, Serialization.jsonMapper().valueToTree(site.getSpec()), name);
      assertTrue(site.getMetadata().getGeneration() <= appliedGenerations.get(name), name);
    }
  }
}
