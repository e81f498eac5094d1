package dev.operators.kinsta.gitops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.operators.kinsta.api.v1alpha1.ApiGroup;
import dev.operators.kinsta.api.v1alpha1.CredentialsReference;
import dev.operators.kinsta.api.v1alpha1.EnvironmentSettings;
import dev.operators.kinsta.api.v1alpha1.KinstaApplication;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationAction;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaCompany;
import dev.operators.kinsta.api.v1alpha1.KinstaDatabase;
import dev.operators.kinsta.api.v1alpha1.KinstaDnsRecord;
import dev.operators.kinsta.api.v1alpha1.KinstaDnsRecordSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaInternalConnection;
import dev.operators.kinsta.api.v1alpha1.KinstaInternalConnectionSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaPipeline;
import dev.operators.kinsta.api.v1alpha1.KinstaPipelineSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaSite;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteAction;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteActionSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaStaticSite;
import dev.operators.kinsta.api.v1alpha1.KinstaStaticSiteSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaStatus;
import dev.operators.kinsta.api.v1alpha1.SiteEnvironments;
import dev.operators.kinsta.company.CompanyTest;
import dev.operators.kinsta.hosting.application.ApplicationLifecycleTest;
import dev.operators.kinsta.hosting.applicationaction.ApplicationActionTest;
import dev.operators.kinsta.hosting.database.DatabaseLifecycleTest;
import dev.operators.kinsta.hosting.pipeline.PipelineLifecycleTest;
import dev.operators.kinsta.hosting.staticsite.StaticSiteTest;
import dev.operators.kinsta.reconcile.Reasons;
import dev.operators.kinsta.simulator.Fault;
import dev.operators.kinsta.testing.OperatorHarness;
import dev.operators.kinsta.testing.OperatorHarness.Tenant;
import dev.operators.kinsta.wordpress.dnsrecord.DnsRecordTest;
import dev.operators.kinsta.wordpress.site.Sites;
import dev.operators.kinsta.wordpress.siteaction.SiteActionTest;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.CustomResource;
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
 * What GitOps tools rely on, checked on every version of every resource the operator wrote during a
 * lifecycle with each outcome (created, stalled, failed, paused, changed, deleted): kstatus
 * conditions that Flux reads with no configuration, the Argo CD health check in {@code
 * docs/argocd}, and a spec the operator never touches.
 */
class GitOpsConformanceTest {
  static final List<CustomResource<?, ?>> written = new ArrayList<>();
  static final Map<String, JsonNode> appliedSpecs = new HashMap<>();
  static final Map<String, Long> appliedGenerations = new HashMap<>();
  static final List<Class<? extends CustomResource<?, ?>>> KINDS = ApiGroup.KINDS;

  @BeforeAll
  static void runLifecycles() {
    ConcurrentLinkedQueue<CustomResource<?, ?>> seen = new ConcurrentLinkedQueue<>();
    List<Watch> watches = new ArrayList<>();
    try (OperatorHarness harness = OperatorHarness.start()) {
      Tenant tenant = harness.tenant();
      for (Class<? extends CustomResource<?, ?>> kind : KINDS) {
        watches.add(watch(harness, tenant, kind, seen));
      }
      siteLifecycles(harness, tenant);
      otherKindsLifecycles(harness, tenant);
      watches.forEach(Watch::close);
      harness.kinsta.simulator.clearFaults();
    }
    written.addAll(seen.stream().filter(resource -> resource.getStatus() != null).toList());
  }

  private static <T extends CustomResource<?, ?>> Watch watch(
      OperatorHarness harness,
      Tenant tenant,
      Class<T> kind,
      ConcurrentLinkedQueue<CustomResource<?, ?>> seen) {
    return harness
        .client
        .resources(kind)
        .inNamespace(tenant.namespace)
        .watch(
            new Watcher<T>() {
              @Override
              public void eventReceived(Action action, T resource) {
                seen.add(resource);
              }

              @Override
              public void onClose(WatcherException cause) {}
            });
  }

  private static void siteLifecycles(OperatorHarness harness, Tenant tenant) {
    apply(tenant, Sites.plain("ready"));
    apply(tenant, Sites.wordpress("no-password"));
    KinstaSite paused = Sites.plain("paused");
    paused.getMetadata().setAnnotations(Map.of(ApiGroup.PAUSED_ANNOTATION, "true"));
    apply(tenant, paused);
    tenant.awaitSiteReady("ready");
    tenant.awaitSiteStalled("no-password", Reasons.SECRET_NOT_FOUND.code());
    tenant.awaitCondition(
        KinstaSite.class,
        "paused",
        "Ready",
        "False",
        Reasons.PAUSED.code(),
        Duration.ofSeconds(20));

    harness.kinsta.simulator.addFault(
        Fault.failOperation("POST /sites/plain", "No capacity left in region", 1));
    apply(tenant, Sites.plain("failed"));
    tenant.awaitSiteStalled("failed", "CreateFailed");

    remember(
        tenant.edit(
            KinstaSite.class,
            "ready",
            site -> {
              site.getSpec().environments = new SiteEnvironments();
              site.getSpec().environments.live = new EnvironmentSettings();
              site.getSpec().environments.live.phpVersion = EnvironmentSettings.PhpVersion.V8_1;
            }));
    tenant.awaitCondition(
        KinstaSite.class, "ready", "Ready", "True", Reasons.READY.code(), Duration.ofSeconds(20));
  }

  /**
   * A connection waiting for its ends, a database resized and deleted, a failed deployment,
   * actions.
   */
  private static void otherKindsLifecycles(OperatorHarness harness, Tenant tenant) {
    KinstaInternalConnection link = new KinstaInternalConnection();
    link.setMetadata(new ObjectMetaBuilder().withName("link").build());
    link.setSpec(new KinstaInternalConnectionSpec());
    link.getSpec().credentialsRef = new CredentialsReference("kinsta");
    link.getSpec().database = new KinstaInternalConnectionSpec.DatabaseEnd();
    link.getSpec().database.name = "db";
    link.getSpec().target = new KinstaInternalConnectionSpec.TargetEnd();
    link.getSpec().target.application = "app";
    apply(tenant, link);
    tenant.awaitCondition(
        KinstaInternalConnection.class,
        "link",
        "Reconciling",
        "True",
        "WaitingForDependencies",
        Duration.ofSeconds(20));
    apply(tenant, DatabaseLifecycleTest.postgres("db"));
    DatabaseLifecycleTest.awaitReady(tenant, "db");
    String appId = harness.kinsta.simulator.seedApplication(tenant.companyId(), "App");
    apply(tenant, ApplicationLifecycleTest.adoptingId("app", appId));
    ApplicationLifecycleTest.awaitReady(tenant, "app");
    tenant.awaitCondition(
        KinstaInternalConnection.class, "link", "Ready", "True", null, Duration.ofSeconds(30));

    remember(tenant.edit(KinstaDatabase.class, "db", db -> db.getSpec().size = "db2"));
    DatabaseLifecycleTest.awaitReady(tenant, "db");
    harness.kinsta.simulator.addFault(
        Fault.failOperation("POST /applications/[^/]+/deployments", "build failed", 1));
    remember(
        tenant.edit(
            KinstaApplication.class,
            "app",
            app -> {
              app.getSpec().deployment = new KinstaApplicationSpec.DeploymentSpec();
              app.getSpec().deployment.branch = "release";
            }));
    tenant.awaitCondition(
        KinstaApplication.class,
        "app",
        "Stalled",
        "True",
        "DeploymentFailed",
        Duration.ofSeconds(30));

    apply(
        tenant,
        SiteActionTest.action(
            "clear", "ready", a -> a.clearCache = new KinstaSiteActionSpec.Empty()));
    apply(
        tenant,
        SiteActionTest.action(
            "nightly",
            "ready",
            a -> {
              a.restartPhp = new KinstaSiteActionSpec.Empty();
              a.schedule = new KinstaSiteActionSpec.Schedule();
              a.schedule.cron = "0 3 * * *";
            }));
    SiteActionTest.awaitReady(tenant, "clear");
    SiteActionTest.awaitReady(tenant, "nightly");

    String domain = "gitops-" + tenant.namespace + ".example.com";
    harness.kinsta.simulator.seedDnsZone(tenant.companyId(), domain);
    apply(
        tenant,
        DnsRecordTest.record(
            "dmarc", domain, KinstaDnsRecordSpec.RecordType.TXT, "_dmarc", "v=DMARC1; p=none"));
    tenant.awaitCondition(
        KinstaDnsRecord.class, "dmarc", "Ready", "True", null, Duration.ofSeconds(30));
    remember(
        tenant.edit(
            KinstaDnsRecord.class,
            "dmarc",
            r -> r.getSpec().values = List.of("v=DMARC1; p=reject")));
    tenant.awaitCondition(
        KinstaDnsRecord.class, "dmarc", "Ready", "True", null, Duration.ofSeconds(30));

    apply(
        tenant,
        ApplicationActionTest.action(
            "clear-app-cache",
            s -> {
              s.application = ApplicationActionTest.byId(appId);
              s.clearCache = new KinstaSiteActionSpec.Empty();
            }));
    ApplicationActionTest.awaitReady(tenant, "clear-app-cache");

    harness.kinsta.simulator.seedStaticSite(tenant.companyId(), "docs");
    apply(tenant, StaticSiteTest.adoptingName("docs", "docs"));
    StaticSiteTest.awaitReady(tenant, "docs");
    remember(
        tenant.edit(
            KinstaStaticSite.class,
            "docs",
            s -> {
              s.getSpec().deployment = new KinstaStaticSiteSpec.Deployment();
              s.getSpec().deployment.branch = "release";
            }));
    StaticSiteTest.awaitReady(tenant, "docs");

    apply(
        tenant,
        PipelineLifecycleTest.pipeline(
            "release",
            spec -> {
              spec.type = KinstaPipelineSpec.Type.TRUNK;
              spec.production = PipelineLifecycleTest.production("app");
            }));
    PipelineLifecycleTest.awaitReady(tenant, "release");
    remember(
        tenant.edit(
            KinstaPipeline.class,
            "release",
            p -> p.getSpec().stages = List.of(PipelineLifecycleTest.stage("QA", "qa"))));
    PipelineLifecycleTest.awaitReady(tenant, "release");

    apply(tenant, CompanyTest.company("company"));
    CompanyTest.awaitReady(tenant, "company");
    remember(tenant.edit(KinstaCompany.class, "company", c -> c.getSpec().showUserEmails = true));
    CompanyTest.awaitReady(tenant, "company");
    apply(tenant, CompanyTest.company("company-twin"));
    tenant.awaitCondition(
        KinstaCompany.class,
        "company-twin",
        "Stalled",
        "True",
        Reasons.ALREADY_MANAGED.code(),
        Duration.ofSeconds(30));

    for (Class<? extends CustomResource<?, ?>> kind :
        List.of(
            KinstaCompany.class,
            KinstaApplicationAction.class,
            KinstaStaticSite.class,
            KinstaPipeline.class,
            KinstaDnsRecord.class,
            KinstaInternalConnection.class,
            KinstaSiteAction.class,
            KinstaDatabase.class,
            KinstaSite.class)) {
      tenant.harness.client.resources(kind).inNamespace(tenant.namespace).delete();
    }
    tenant.awaitGone(KinstaDatabase.class, "db", Duration.ofSeconds(30));
    tenant.awaitGone(KinstaSite.class, "ready", Duration.ofSeconds(30));
  }

  private static void apply(Tenant tenant, CustomResource<?, ?> resource) {
    remember(tenant.create(resource));
  }

  private static void remember(CustomResource<?, ?> resource) {
    appliedSpecs.put(
        key(resource) + "@" + resource.getMetadata().getGeneration(),
        Serialization.jsonMapper().valueToTree(resource.getSpec()));
    appliedGenerations.merge(key(resource), resource.getMetadata().getGeneration(), Math::max);
  }

  private static String key(CustomResource<?, ?> resource) {
    return resource.getKind() + "/" + resource.getMetadata().getName();
  }

  private static KinstaStatus status(CustomResource<?, ?> resource) {
    return (KinstaStatus) resource.getStatus();
  }

  @AfterAll
  static void clear() {
    written.clear();
  }

  @Test
  void everyWrittenStatusFollowsKstatus() {
    assertTrue(written.size() >= 30, "the lifecycles produced statuses: " + written.size());
    assertEquals(
        KINDS.size(),
        written.stream().map(CustomResource::getKind).distinct().count(),
        "every kind");
    for (CustomResource<?, ?> site : written) {
      String where = key(site) + " rv " + site.getMetadata().getResourceVersion();
      var conditions = status(site).conditions;
      List<String> types = conditions.stream().map(c -> c.getType()).toList();
      assertEquals(
          List.of("Ready", "Reconciling", "Stalled"),
          types.subList(0, Math.min(3, types.size())),
          where + ": the three kstatus conditions first, in a stable order");
      // A kind may add its own conditions after the three (kstatus ignores them), never others.
      assertEquals(
          "KinstaCompany".equals(site.getKind())
              ? types.subList(3, types.size()).stream().filter("KeyExpiring"::equals).toList()
              : List.of(),
          types.subList(3, types.size()),
          where + ": only a kind's own extra conditions after them");
      long observed = status(site).observedGeneration;
      assertTrue(observed <= site.getMetadata().getGeneration(), where);
      for (var condition : conditions) {
        assertTrue(List.of("True", "False", "Unknown").contains(condition.getStatus()), where);
        assertEquals(
            observed, condition.getObservedGeneration(), where + ": " + condition.getType());
        assertTrue(
            condition.getReason() != null && condition.getReason().matches("[A-Z][A-Za-z0-9]*"),
            where + ": reason is CamelCase: " + condition.getReason());
        Instant.parse(condition.getLastTransitionTime());
      }
      boolean ready = "True".equals(conditions.get(0).getStatus());
      boolean reconciling = "True".equals(conditions.get(1).getStatus());
      boolean stalled = "True".equals(conditions.get(2).getStatus());
      assertFalse(reconciling && stalled, where + ": never both Reconciling and Stalled");
      assertFalse(
          ready && (reconciling || stalled), where + ": Ready excludes Reconciling and Stalled");
    }
  }

  @Test
  void theArgoCdHealthCheckReadsEveryWrittenStatus() throws IOException {
    ArgoHealth health = new ArgoHealth(Path.of("docs/argocd/health.lua"));
    List<String> seen = new ArrayList<>();
    for (CustomResource<?, ?> site : written) {
      JsonNode object = Serialization.jsonMapper().valueToTree(site);
      ArgoHealth.Result result = health.evaluate(object);
      var conditions = status(site).conditions;
      boolean current = status(site).observedGeneration.equals(site.getMetadata().getGeneration());
      String expected =
          !current
              ? "Progressing"
              : "True".equals(conditions.get(2).getStatus())
                  ? "Degraded"
                  : "True".equals(conditions.get(0).getStatus())
                      ? "Healthy"
                      : Reasons.PAUSED.code().equals(conditions.get(0).getReason())
                          ? "Suspended"
                          : "Progressing";
      assertEquals(expected, result.status(), key(site) + ": " + result.message());
      seen.add(result.status());
    }
    assertTrue(
        seen.containsAll(List.of("Healthy", "Progressing", "Degraded", "Suspended")),
        seen.toString());
  }

  @Test
  void theArgoCdConfigMapEmbedsTheTestedScriptForEveryKind() throws IOException {
    String script = Files.readString(Path.of("docs/argocd/health.lua"));
    JsonNode configMap =
        Serialization.unmarshal(
            Files.readString(Path.of("docs/argocd/argocd-cm.yaml")), JsonNode.class);
    try (var crds = Files.list(Path.of("crds"))) {
      for (Path crd : crds.toList()) {
        String kind =
            Serialization.unmarshal(Files.readString(crd), JsonNode.class)
                .path("spec")
                .path("names")
                .path("kind")
                .asText();
        JsonNode embedded =
            configMap
                .path("data")
                .path("resource.customizations.health.kinsta.operators.dev_" + kind);
        assertEquals(script.strip(), embedded.asText().strip(), kind);
      }
    }
  }

  @Test
  void theOperatorNeverWritesSpec() {
    for (CustomResource<?, ?> site : written) {
      String name = key(site);
      // A real API server raises a custom resource's generation when it is marked for deletion.
      long generation = site.getMetadata().getGeneration();
      JsonNode applied =
          appliedSpecs.getOrDefault(
              name + "@" + generation,
              site.getMetadata().getDeletionTimestamp() == null
                  ? null
                  : appliedSpecs.get(name + "@" + (generation - 1)));
      assertTrue(
          applied != null,
          name
              + " generation "
              + site.getMetadata().getGeneration()
              + " was made by the test, not the operator");
      assertEquals(applied, Serialization.jsonMapper().valueToTree(site.getSpec()), name);
      assertTrue(
          generation
              <= appliedGenerations.get(name)
                  + (site.getMetadata().getDeletionTimestamp() == null ? 0 : 1),
          name);
    }
  }
}
