package dev.operators.kinsta.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.operators.kinsta.api.v1alpha1.DeletionPolicy;
import dev.operators.kinsta.api.v1alpha1.KinstaApplication;
import dev.operators.kinsta.api.v1alpha1.KinstaDatabase;
import dev.operators.kinsta.api.v1alpha1.KinstaDnsRecord;
import dev.operators.kinsta.api.v1alpha1.KinstaDnsRecordSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaInternalConnection;
import dev.operators.kinsta.api.v1alpha1.KinstaInternalConnectionSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaSite;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteAction;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteActionSpec;
import dev.operators.kinsta.hosting.application.ApplicationLifecycleTest;
import dev.operators.kinsta.hosting.database.DatabaseLifecycleTest;
import dev.operators.kinsta.testing.OperatorHarness;
import dev.operators.kinsta.testing.OperatorHarness.Tenant;
import dev.operators.kinsta.testing.cluster.TestCluster;
import dev.operators.kinsta.wordpress.dnsrecord.DnsRecordTest;
import dev.operators.kinsta.wordpress.site.Sites;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Least privilege, measured on the real API server: the operator runs as a service account bound
 * only to the RBAC objects the chart renders, through whole lifecycles of every kind. The API
 * server's RBAC must allow every call (no 403), and its audit log, which records every call a
 * service account makes, shows that each rule was needed.
 */
class RbacCoversOperatorCallsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A call as RBAC sees it. */
  record Access(String group, String resource, String verb) implements Comparable<Access> {
    @Override
    public int compareTo(Access other) {
      return toString().compareTo(other.toString());
    }
  }

  @Test
  void theClusterRoleAllowsExactlyWhatTheOperatorDoes() {
    Set<Access> used;
    List<PolicyRule> rules;
    try (OperatorHarness harness = OperatorHarness.unstarted()) {
      Tenant tenant = harness.tenant();
      Installed rbac = install(harness, "rbac-cluster", Map.of());
      rules = rbac.rules();
      harness.startOperatorAs(rbac.token(), Set.of());
      everyKindsLifecycle(harness, tenant);
      harness.stopOperator();
      used = audited(rbac.user());
      rbac.remove(harness);
    }
    Set<Access> granted = new TreeSet<>();
    rules.forEach(rule -> granted.addAll(accesses(rule)));

    assertTrue(
        granted.containsAll(used),
        "the operator needs " + minus(used, granted) + " beyond the chart's " + "ClusterRole");
    // JOSDK re-reads a resource after a conflicting patch;
    // the lifecycle above has no conflict to show it.
    Set<Access> neededOnConflict =
        Set.of(
            new Access("kinsta.operators.dev", "kinstasites", "get"),
            new Access("kinsta.operators.dev", "kinstadatabases", "get"),
            new Access("kinsta.operators.dev", "kinstaapplications", "get"),
            new Access("kinsta.operators.dev", "kinstainternalconnections", "get"),
            new Access("kinsta.operators.dev", "kinstadnsrecords", "get"),
            new Access("kinsta.operators.dev", "kinstasiteactions", "get"),
            new Access("kinsta.operators.dev", "kinstacompanies", "get"),
            new Access("kinsta.operators.dev", "kinstaapplicationactions", "get"),
            new Access("kinsta.operators.dev", "kinstastaticsites", "get"),
            new Access("kinsta.operators.dev", "kinstapipelines", "get"));
    assertEquals(
        neededOnConflict,
        minus(granted, used),
        "the ClusterRole grants what the operator never used");
    // Remove any one rule and the operator is refused a call it made.
    for (PolicyRule rule : rules) {
      Set<Access> others = new TreeSet<>();
      rules.stream().filter(r -> r != rule).forEach(r -> others.addAll(accesses(r)));
      assertFalse(others.containsAll(used), "the rule " + rule + " is not needed");
    }
  }

  @Test
  void namespacedRolesAreEnoughWhenWatchingSomeNamespaces() {
    try (OperatorHarness harness = OperatorHarness.unstarted()) {
      Tenant tenant = harness.tenant();
      Installed rbac =
          install(harness, "rbac-namespaced", Map.of("watchNamespaces[0]", tenant.namespace));
      assertTrue(rbac.rules().isEmpty(), "no ClusterRole when namespaces are listed");
      harness.startOperatorAs(rbac.token(), Set.of(tenant.namespace));
      everyKindsLifecycle(harness, tenant);
      harness.stopOperator();
      Set<Access> used = audited(rbac.user());
      assertTrue(
          used.contains(new Access("kinsta.operators.dev", "kinstasites", "watch")),
          used.toString());
      rbac.remove(harness);
    }
  }

  /** Creates, changes and deletes a resource of every kind, and waits for each to be handled. */
  static void everyKindsLifecycle(OperatorHarness harness, Tenant tenant) {
    tenant.secret("shop-admin", Map.of("password", "s3cret-Passw0rd"));
    tenant.create(Sites.wordpress("shop"));
    tenant.awaitSiteReady("shop");
    KinstaSite orphan = Sites.plain("no-credentials");
    orphan.getSpec().credentialsRef.name = "missing";
    tenant.create(orphan);
    tenant.awaitSiteStalled("no-credentials", "CredentialsNotFound");
    tenant.create(DatabaseLifecycleTest.postgres("orders"));
    DatabaseLifecycleTest.awaitReady(tenant, "orders");
    tenant.edit(KinstaDatabase.class, "orders", db -> db.getSpec().size = "db2");
    DatabaseLifecycleTest.awaitReady(tenant, "orders");
    String appId = harness.kinsta.simulator.seedApplication(tenant.companyId(), "Storefront");
    KinstaApplication app = ApplicationLifecycleTest.adoptingId("storefront", appId);
    app.getSpec().deletionPolicy = DeletionPolicy.Delete;
    // A variable from a ConfigMap: the operator reads, labels and watches ConfigMaps.
    harness
        .client
        .configMaps()
        .inNamespace(tenant.namespace)
        .resource(
            new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                .withNewMetadata()
                .withName("storefront-config")
                .endMetadata()
                .addToData("log-level", "info")
                .build())
        .create();
    dev.operators.kinsta.api.v1alpha1.ApplicationEnvVar logLevel =
        new dev.operators.kinsta.api.v1alpha1.ApplicationEnvVar();
    logLevel.name = "LOG_LEVEL";
    logLevel.valueFrom = new dev.operators.kinsta.api.v1alpha1.EnvVar.EnvVarSource();
    logLevel.valueFrom.configMapKeyRef =
        new dev.operators.kinsta.api.v1alpha1.EnvVar.KeyReference();
    logLevel.valueFrom.configMapKeyRef.name = "storefront-config";
    logLevel.valueFrom.configMapKeyRef.key = "log-level";
    app.getSpec().env = List.of(logLevel);
    tenant.create(app);
    ApplicationLifecycleTest.awaitReady(tenant, "storefront");
    KinstaInternalConnection link = new KinstaInternalConnection();
    link.setMetadata(
        new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
            .withName("store-to-orders")
            .build());
    link.setSpec(new KinstaInternalConnectionSpec());
    link.getSpec().credentialsRef =
        new dev.operators.kinsta.api.v1alpha1.CredentialsReference("kinsta");
    link.getSpec().database = new KinstaInternalConnectionSpec.DatabaseEnd();
    link.getSpec().database.name = "orders";
    link.getSpec().target = new KinstaInternalConnectionSpec.TargetEnd();
    link.getSpec().target.application = "storefront";
    tenant.create(link);
    tenant.awaitCondition(
        KinstaInternalConnection.class,
        "store-to-orders",
        "Ready",
        "True",
        null,
        Duration.ofSeconds(30));
    tenant.delete(KinstaInternalConnection.class, "store-to-orders");
    tenant.awaitGone(KinstaInternalConnection.class, "store-to-orders", Duration.ofSeconds(30));
    tenant.create(
        dev.operators.kinsta.hosting.applicationaction.ApplicationActionTest.action(
            "clear-storefront",
            s -> {
              s.application =
                  dev.operators.kinsta.hosting.applicationaction.ApplicationActionTest.named(
                      "storefront");
              s.clearCache = new KinstaSiteActionSpec.Empty();
            }));
    dev.operators.kinsta.hosting.applicationaction.ApplicationActionTest.awaitReady(
        tenant, "clear-storefront");
    tenant.delete(
        dev.operators.kinsta.api.v1alpha1.KinstaApplicationAction.class, "clear-storefront");
    tenant.awaitGone(
        dev.operators.kinsta.api.v1alpha1.KinstaApplicationAction.class,
        "clear-storefront",
        Duration.ofSeconds(30));
    tenant.delete(KinstaApplication.class, "storefront");
    tenant.awaitGone(KinstaApplication.class, "storefront", Duration.ofSeconds(30));
    String domain = "rbac-" + tenant.namespace + ".example.com";
    harness.kinsta.simulator.seedDnsZone(tenant.companyId(), domain);
    tenant.create(
        DnsRecordTest.record(
            "mail", domain, KinstaDnsRecordSpec.RecordType.MX, "@", "10 mx.example.net"));
    tenant.awaitCondition(
        KinstaDnsRecord.class, "mail", "Ready", "True", null, Duration.ofSeconds(30));
    tenant.delete(KinstaDnsRecord.class, "mail");
    tenant.awaitGone(KinstaDnsRecord.class, "mail", Duration.ofSeconds(30));
    KinstaSiteAction clear = new KinstaSiteAction();
    clear.setMetadata(
        new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("clear").build());
    clear.setSpec(new KinstaSiteActionSpec());
    clear.getSpec().credentialsRef =
        new dev.operators.kinsta.api.v1alpha1.CredentialsReference("kinsta");
    clear.getSpec().site = new KinstaSiteActionSpec.SiteReference();
    clear.getSpec().site.name = "shop";
    clear.getSpec().clearCache = new KinstaSiteActionSpec.Empty();
    tenant.create(clear);
    tenant.awaitCondition(
        KinstaSiteAction.class, "clear", "Ready", "True", null, Duration.ofSeconds(30));
    tenant.delete(KinstaSiteAction.class, "clear");
    tenant.awaitGone(KinstaSiteAction.class, "clear", Duration.ofSeconds(30));
    harness.kinsta.simulator.seedStaticSite(tenant.companyId(), "docs");
    dev.operators.kinsta.api.v1alpha1.KinstaStaticSite docs =
        dev.operators.kinsta.hosting.staticsite.StaticSiteTest.adoptingName("docs", "docs");
    docs.getSpec().deletionPolicy = DeletionPolicy.Delete;
    tenant.create(docs);
    dev.operators.kinsta.hosting.staticsite.StaticSiteTest.awaitReady(tenant, "docs");
    tenant.delete(dev.operators.kinsta.api.v1alpha1.KinstaStaticSite.class, "docs");
    tenant.awaitGone(
        dev.operators.kinsta.api.v1alpha1.KinstaStaticSite.class, "docs", Duration.ofSeconds(30));
    tenant.create(
        dev.operators.kinsta.hosting.pipeline.PipelineLifecycleTest.pipeline(
            "release",
            spec -> spec.type = dev.operators.kinsta.api.v1alpha1.KinstaPipelineSpec.Type.TRUNK));
    dev.operators.kinsta.hosting.pipeline.PipelineLifecycleTest.awaitReady(tenant, "release");
    tenant.delete(dev.operators.kinsta.api.v1alpha1.KinstaPipeline.class, "release");
    tenant.awaitGone(
        dev.operators.kinsta.api.v1alpha1.KinstaPipeline.class, "release", Duration.ofSeconds(30));
    // With an export: the operator creates the ConfigMap of manifests.
    dev.operators.kinsta.api.v1alpha1.KinstaCompany company =
        dev.operators.kinsta.company.CompanyTest.company("company");
    company.getSpec().export = new dev.operators.kinsta.api.v1alpha1.KinstaCompanySpec.Export();
    company.getSpec().export.configMapName = "company-export";
    tenant.create(company);
    dev.operators.kinsta.company.CompanyTest.awaitReady(tenant, "company");
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                harness
                    .client
                    .configMaps()
                    .inNamespace(tenant.namespace)
                    .withName("company-export")
                    .get(),
            java.util.Objects::nonNull);
    tenant.delete(dev.operators.kinsta.api.v1alpha1.KinstaCompany.class, "company");
    tenant.awaitGone(
        dev.operators.kinsta.api.v1alpha1.KinstaCompany.class, "company", Duration.ofSeconds(30));
    tenant.delete(KinstaSite.class, "shop");
    tenant.delete(KinstaDatabase.class, "orders");
    tenant.awaitGone(KinstaSite.class, "shop", Duration.ofSeconds(30));
    tenant.awaitGone(KinstaDatabase.class, "orders", Duration.ofSeconds(30));
  }

  /**
   * The chart's service account and RBAC objects, applied as Helm would, and a token of that
   * account.
   */
  record Installed(String user, String token, List<PolicyRule> rules, List<HasMetadata> objects) {
    void remove(OperatorHarness harness) {
      objects.forEach(o -> harness.client.resource(o).delete());
    }
  }

  private static Installed install(
      OperatorHarness harness, String release, Map<String, Object> values) {
    String namespace = harness.tenant().namespace;
    List<HasMetadata> rendered = Chart.render(release, namespace, values);
    List<HasMetadata> objects =
        rendered.stream()
            .filter(
                o ->
                    o instanceof ServiceAccount
                        || o instanceof ClusterRole
                        || o instanceof ClusterRoleBinding
                        || o instanceof Role
                        || o instanceof RoleBinding)
            .toList();
    objects.forEach(o -> harness.client.resource(o).serverSideApply());
    ServiceAccount account = Chart.one(rendered, ServiceAccount.class).orElseThrow();
    String token =
        harness
            .client
            .serviceAccounts()
            .inNamespace(namespace)
            .withName(account.getMetadata().getName())
            .tokenRequest(
                new TokenRequestBuilder()
                    .withNewSpec()
                    .withExpirationSeconds(3600L)
                    .endSpec()
                    .build())
            .getStatus()
            .getToken();
    List<PolicyRule> rules =
        Chart.one(rendered, ClusterRole.class).map(ClusterRole::getRules).orElse(List.of());
    return new Installed(
        "system:serviceaccount:" + namespace + ":" + account.getMetadata().getName(),
        token,
        rules,
        objects);
  }

  /**
   * Every call {@code user} made, from the API server's audit log; fails on any call RBAC refused.
   */
  private static Set<Access> audited(String user) {
    Set<Access> used = new TreeSet<>();
    List<String> refused = new java.util.ArrayList<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(TestCluster.shared().auditLog());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // The API server may be writing the last line as it is read: only complete lines count.
    if (!lines.isEmpty() && !lines.get(lines.size() - 1).endsWith("}")) {
      lines = lines.subList(0, lines.size() - 1);
    }
    lines.stream()
        .map(RbacCoversOperatorCallsTest::parse)
        .filter(e -> user.equals(e.path("user").path("username").asText()))
        .forEach(
            event -> {
              JsonNode object = event.path("objectRef");
              if (object.isMissingNode()) {
                return;
              }
              String resource =
                  object.path("resource").asText()
                      + (object.hasNonNull("subresource")
                          ? "/" + object.path("subresource").asText()
                          : "");
              Access access =
                  new Access(
                      object.path("apiGroup").asText(""), resource, event.path("verb").asText());
              // RBAC's own verdict; a 403 from admission (a
              // namespace being deleted) is not a missing rule.
              if ("forbid"
                  .equals(
                      event.path("annotations").path("authorization.k8s.io/decision").asText())) {
                refused.add(access + " " + event.path("requestURI").asText());
              }
              used.add(access);
            });
    assertEquals(List.of(), refused, "RBAC refused the operator");
    assertFalse(used.isEmpty(), "the audit log shows the operator's calls");
    return used;
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<Access> accesses(PolicyRule rule) {
    Set<Access> granted = new TreeSet<>();
    for (String group : rule.getApiGroups()) {
      for (String resource : rule.getResources()) {
        for (String verb : rule.getVerbs()) {
          granted.add(new Access(group, resource, verb));
        }
      }
    }
    return granted;
  }

  private static Set<Access> minus(Set<Access> a, Set<Access> b) {
    Set<Access> rest = new TreeSet<>(a);
    rest.removeAll(b);
    return rest;
  }
}
