package dev.operators.kinsta.isolation;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.operators.kinsta.api.v1alpha1.ApiGroup;
import dev.operators.kinsta.api.v1alpha1.KinstaSite;
import dev.operators.kinsta.reconcile.Reasons;
import dev.operators.kinsta.testing.CrdSchema;
import dev.operators.kinsta.testing.OperatorHarness;
import dev.operators.kinsta.wordpress.site.Sites;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Values the Java model cannot hold, applied where nothing enforces the CRD schema (the Fabric8
 * mock API server, like a cluster whose CRDs and operator are out of step): each poisoned resource
 * is reported on itself, naming the field, with no Kinsta call, while a healthy resource in another
 * namespace converges, the operator stays healthy, and a restart with the poison present changes
 * nothing.
 */
class PoisonedResourcesTest {
  private static final KubernetesSerialization JSON = new KubernetesSerialization();
  private static OperatorHarness harness;

  @BeforeAll
  static void start() {
    harness = OperatorHarness.onMockServer();
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  /** Poisoned resource name → the field its condition must name. */
  private static Map<String, String> applyPoisons(OperatorHarness.Tenant tenant) {
    Map<String, String> poisons = new LinkedHashMap<>();
    poison(
        tenant,
        poisons,
        "wordpress-shop.yaml",
        "php-string",
        "spec.environments.live.phpVersion",
        spec -> ((ObjectNode) spec.at("/environments/live")).put("phpVersion", "9.9"));
    poison(
        tenant,
        poisons,
        "wordpress-shop.yaml",
        "php-number",
        "spec.environments.live.phpVersion",
        spec -> ((ObjectNode) spec.at("/environments/live")).put("phpVersion", 8.3));
    poison(
        tenant,
        poisons,
        "wordpress-shop.yaml",
        "retian",
        "spec.deletionPolicy",
        spec -> ((ObjectNode) spec).put("deletionPolicy", "Retian"));
    poison(
        tenant,
        poisons,
        "wordpress-shop.yaml",
        "lots",
        "spec.environments.live.phpAllocation.threadCount",
        spec ->
            ((ObjectNode) spec.at("/environments/live"))
                .putObject("phpAllocation")
                .put("threadCount", "lots")
                .put("threadMemory", 256));
    poison(
        tenant,
        poisons,
        "shop-database.yaml",
        "oracle",
        "spec.type",
        spec -> ((ObjectNode) spec).put("type", "oracle"));
    poison(
        tenant,
        poisons,
        "shop-database.yaml",
        "db99",
        "spec.size",
        spec -> ((ObjectNode) spec).put("size", "Large DB"));
    poison(
        tenant,
        poisons,
        "plain-site.yaml",
        "unknown-field",
        "spec.favouriteColour",
        spec -> ((ObjectNode) spec).put("favouriteColour", "green"));
    poison(
        tenant,
        poisons,
        "storefront-app.yaml",
        "app-instances",
        "spec.processes[0].autoscaling.minInstances",
        spec -> ((ObjectNode) spec.at("/processes/0/autoscaling")).put("minInstances", "one"));
    poison(
        tenant,
        poisons,
        "overnight-cache-clear.yaml",
        "action-policy",
        "spec.schedule.concurrencyPolicy",
        spec -> ((ObjectNode) spec.at("/schedule")).put("concurrencyPolicy", "Sometimes"));
    poison(
        tenant,
        poisons,
        "storefront-database-link.yaml",
        "link-extra",
        "spec.target.port",
        spec -> ((ObjectNode) spec.at("/target")).put("port", 5432));
    return poisons;
  }

  @Test
  void eachPoisonedResourceIsReportedOnItselfWhileTheOthersConverge() {
    OperatorHarness.Tenant poisoned = harness.tenant();
    OperatorHarness.Tenant healthy = harness.tenant();
    Map<String, String> poisons = applyPoisons(poisoned);

    healthy.create(Sites.plain("healthy"));
    healthy.awaitSiteReady("healthy");
    assertEachReported(poisoned, poisons);
    assertTrue(harness.operatorHealthy(), "the operator's event sources are healthy");

    // Started again with the poison present, it still reconciles everything else.
    harness.restartOperator();
    healthy.create(Sites.plain("after-restart"));
    healthy.awaitSiteReady("after-restart");
    assertTrue(harness.operatorHealthy(), "healthy after a restart with the poison present");
    assertEachReported(poisoned, poisons);
    assertEquals(0, poisoned.calls(), "no Kinsta call for a resource the operator cannot read");
  }

  /**
   * Every invalid sample of the schema tests (one per rule and pattern of the CRDs), applied where
   * nothing enforces the schema: each is Stalled with a condition naming what its sample expects,
   * and not one Kinsta call is made.
   */
  @Test
  void everyInvalidSampleIsStoppedBeforeAnyKinstaCall() throws Exception {
    OperatorHarness.Tenant tenant = harness.tenant();
    Map<String, List<String>> expected = new LinkedHashMap<>();
    try (Stream<Path> directories = Files.list(Path.of("src/test/resources/schema"))) {
      for (Path directory : directories.sorted().toList()) {
        for (Path sample : CrdSchema.invalidSamples(directory.getFileName().toString()).toList()) {
          ObjectNode resource = (ObjectNode) CrdSchema.readYaml(sample).get(0);
          String name = sample.getFileName().toString().replace(".yaml", "");
          ((ObjectNode) resource.path("metadata")).put("name", name);
          JsonNode credentials = resource.path("spec").path("credentialsRef");
          if ("kinsta-credentials".equals(credentials.path("name").asText())) {
            // The tenant's valid key: only the spec stands between the resource and Kinsta.
            ((ObjectNode) credentials).put("name", "kinsta");
          }
          apply(tenant, resource);
          expected.put(resource.path("kind").asText() + "/" + name, CrdSchema.expectations(sample));
        }
      }
    }
    assertTrue(expected.size() >= 60, "one sample per rule and pattern: " + expected.size());

    expected.forEach(
        (kindAndName, expectations) -> {
          String[] parts = kindAndName.split("/");
          String message =
              awaitStalled(tenant, parts[0], parts[1], Reasons.INVALID_SPEC.code())
                  .path("message")
                  .asText();
          for (String expectation : expectations) {
            assertTrue(
                message.contains(expectation),
                kindAndName + ": expected '" + expectation + "' in " + message);
          }
        });
    assertEquals(0, tenant.calls(), "no Kinsta call for an invalid spec");
  }

  @Test
  void aFixedResourceConverges() {
    OperatorHarness.Tenant tenant = harness.tenant();
    KinstaSite site = Sites.plain("fixed-later");
    ObjectNode raw = JSON.convertValue(site, ObjectNode.class);
    ((ObjectNode) raw.path("spec")).put("deletionPolicy", "Retian");
    apply(tenant, raw);
    awaitStalledNaming(tenant, "KinstaSite", "fixed-later", "spec.deletionPolicy");

    harness
        .client
        .genericKubernetesResources("kinsta.operators.dev/v1alpha1", "KinstaSite")
        .inNamespace(tenant.namespace)
        .withName("fixed-later")
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"deletionPolicy\":\"Retain\"}}");

    tenant.awaitSiteReady("fixed-later");
  }

  @Test
  void anUnreadableStatusStopsWorkOnThatResourceOnly() {
    OperatorHarness.Tenant tenant = harness.tenant();
    tenant.create(Sites.plain("bad-status"));
    KinstaSite ready = tenant.awaitSiteReady("bad-status");
    long callsBefore = tenant.calls();

    harness
        .client
        .genericKubernetesResources("kinsta.operators.dev/v1alpha1", "KinstaSite")
        .inNamespace(tenant.namespace)
        .withName("bad-status")
        .subresource("status")
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"status\":{\"environments\":\"everywhere\"}}");

    // A status change alone wakes no controller; the next resync, or a request, does.
    harness
        .client
        .genericKubernetesResources("kinsta.operators.dev/v1alpha1", "KinstaSite")
        .inNamespace(tenant.namespace)
        .withName("bad-status")
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            JSON.asJson(
                Map.of(
                    "metadata",
                    Map.of(
                        "annotations",
                        Map.of(ApiGroup.RECONCILE_REQUESTED_ANNOTATION, "after-corruption")))));

    JsonNode stalled =
        awaitStalled(tenant, "KinstaSite", "bad-status", Reasons.UNREADABLE_STATUS.code());
    assertTrue(
        stalled.path("message").asText().contains("status.environments"), stalled.toString());
    JsonNode status = raw(tenant, "KinstaSite", "bad-status").path("status");
    assertEquals(ready.getStatus().siteId, status.path("siteId").asText(), "the site id is kept");
    assertEquals(callsBefore, tenant.calls(), "no Kinsta call while the status cannot be read");
  }

  private static void assertEachReported(
      OperatorHarness.Tenant tenant, Map<String, String> poisons) {
    poisons.forEach(
        (kindAndName, field) -> {
          String[] parts = kindAndName.split("/");
          awaitStalledNaming(tenant, parts[0], parts[1], field);
        });
  }

  private static void awaitStalledNaming(
      OperatorHarness.Tenant tenant, String kind, String name, String field) {
    JsonNode stalled = awaitStalled(tenant, kind, name, Reasons.INVALID_SPEC.code());
    assertTrue(
        stalled.path("message").asText().contains(field),
        kind + " " + name + ": expected " + field + " in " + stalled);
  }

  private static JsonNode awaitStalled(
      OperatorHarness.Tenant tenant, String kind, String name, String reason) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> condition(raw(tenant, kind, name), "Stalled"),
            c ->
                c.isPresent()
                    && "True".equals(c.get().path("status").asText())
                    && reason.equals(c.get().path("reason").asText()))
        .orElseThrow();
  }

  private static Optional<JsonNode> condition(JsonNode resource, String type) {
    for (JsonNode condition : resource.path("status").path("conditions")) {
      if (type.equals(condition.path("type").asText())) {
        return Optional.of(condition);
      }
    }
    return Optional.empty();
  }

  private static JsonNode raw(OperatorHarness.Tenant tenant, String kind, String name) {
    GenericKubernetesResource resource =
        harness
            .client
            .genericKubernetesResources("kinsta.operators.dev/v1alpha1", kind)
            .inNamespace(tenant.namespace)
            .withName(name)
            .get();
    return JSON.convertValue(resource, JsonNode.class);
  }

  private static void poison(
      OperatorHarness.Tenant tenant,
      Map<String, String> poisons,
      String example,
      String name,
      String field,
      Consumer<JsonNode> change) {
    ObjectNode resource =
        CrdSchema.readYaml(Path.of("examples", example)).stream()
            .filter(d -> d.path("kind").asText().startsWith("Kinsta"))
            .findFirst()
            .orElseThrow()
            .deepCopy();
    ObjectNode metadata = (ObjectNode) resource.path("metadata");
    metadata.put("name", name);
    ((ObjectNode) resource.path("spec")).putObject("credentialsRef").put("name", "kinsta");
    change.accept(resource.path("spec"));
    apply(tenant, resource);
    poisons.put(resource.path("kind").asText() + "/" + name, field);
  }

  private static void apply(OperatorHarness.Tenant tenant, ObjectNode resource) {
    ((ObjectNode) resource.path("metadata")).put("namespace", tenant.namespace);
    harness
        .client
        .genericKubernetesResources(
            resource.path("apiVersion").asText(), resource.path("kind").asText())
        .inNamespace(tenant.namespace)
        .resource(JSON.convertValue(resource, GenericKubernetesResource.class))
        .create();
  }
}
