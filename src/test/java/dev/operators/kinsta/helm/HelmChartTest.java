package dev.operators.kinsta.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import dev.operators.kinsta.config.OperatorConfig;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Helm chart: lint, rendering for the main value combinations, security, RBAC shape and the
 * values schema.
 */
class HelmChartTest {

  @Test
  void lintsCleanlyInStrictMode() {
    LintResult lint = new Helm(Chart.DIRECTORY).lint().strict().call();
    assertFalse(lint.isFailed(), String.join("\n", lint.getMessages()));
  }

  @Test
  void rendersAClusterWideInstallByDefault() {
    List<HasMetadata> objects = Chart.render(Map.of());

    Deployment deployment = Chart.one(objects, Deployment.class).orElseThrow();
    assertEquals(1, deployment.getSpec().getReplicas());
    assertEquals(
        "Recreate",
        deployment.getSpec().getStrategy().getType(),
        "one replica never overlaps another");
    assertTrue(Chart.one(objects, ServiceAccount.class).isPresent());
    assertTrue(Chart.one(objects, ClusterRole.class).isPresent());
    ClusterRoleBinding binding = Chart.one(objects, ClusterRoleBinding.class).orElseThrow();
    assertEquals(Chart.NAMESPACE, binding.getSubjects().get(0).getNamespace());
    assertTrue(Chart.all(objects, Role.class).isEmpty(), "no leader-election Role for one replica");
    assertEquals(
        8080,
        Chart.one(objects, Service.class).orElseThrow().getSpec().getPorts().get(0).getPort());
    assertEquals("false", env(deployment).get(OperatorConfig.LEADER_ELECTION));
  }

  @Test
  void restrictsRbacToTheListedNamespaces() {
    List<HasMetadata> objects =
        Chart.render(
            Map.of("watchNamespaces[0]", "client-acme", "watchNamespaces[1]", "client-beta"));

    assertTrue(Chart.all(objects, ClusterRole.class).isEmpty());
    assertTrue(Chart.all(objects, ClusterRoleBinding.class).isEmpty());
    List<Role> roles = Chart.all(objects, Role.class);
    assertEquals(
        List.of("client-acme", "client-beta"),
        roles.stream().map(r -> r.getMetadata().getNamespace()).sorted().toList());
    assertEquals(2, Chart.all(objects, RoleBinding.class).size());
    assertEquals(
        "client-acme,client-beta",
        env(Chart.one(objects, Deployment.class).orElseThrow())
            .get(OperatorConfig.WATCH_NAMESPACES));
  }

  @Test
  void moreThanOneReplicaElectsALeader() {
    List<HasMetadata> objects =
        Chart.render(Map.of("replicaCount", 2, "podDisruptionBudget.enabled", true));

    Deployment deployment = Chart.one(objects, Deployment.class).orElseThrow();
    assertEquals("true", env(deployment).get(OperatorConfig.LEADER_ELECTION));
    assertEquals("RollingUpdate", deployment.getSpec().getStrategy().getType());
    Role lease =
        Chart.all(objects, Role.class).stream()
            .filter(r -> r.getMetadata().getName().endsWith("leader-election"))
            .findFirst()
            .orElseThrow();
    assertEquals(Chart.NAMESPACE, lease.getMetadata().getNamespace());
    assertEquals(List.of("coordination.k8s.io"), lease.getRules().get(0).getApiGroups());
    assertEquals(List.of("leases"), lease.getRules().get(0).getResources());
    assertEquals(
        1,
        Chart.one(objects, PodDisruptionBudget.class)
            .orElseThrow()
            .getSpec()
            .getMinAvailable()
            .getIntVal());
  }

  @Test
  void twoReleasesInOneNamespaceElectWithLeasesOfTheirOwn() {
    String first =
        env(Chart.one(
                    Chart.render("shop", Chart.NAMESPACE, Map.of("replicaCount", 2)),
                    Deployment.class)
                .orElseThrow())
            .get(OperatorConfig.LEASE_NAME);
    String second =
        env(Chart.one(
                    Chart.render("blog", Chart.NAMESPACE, Map.of("replicaCount", 2)),
                    Deployment.class)
                .orElseThrow())
            .get(OperatorConfig.LEASE_NAME);
    assertEquals("shop-kinsta-operator", first);
    assertEquals("blog-kinsta-operator", second);
  }

  @Test
  void rendersMonitoringAndNetworkPolicyWhenAsked() {
    List<HasMetadata> objects =
        Chart.render(
            Map.of(
                "metrics.serviceMonitor.enabled",
                true,
                "metrics.prometheusRule.enabled",
                true,
                "networkPolicy.enabled",
                true));

    List<GenericKubernetesResource> monitoring =
        Chart.all(objects, GenericKubernetesResource.class);
    assertTrue(monitoring.stream().anyMatch(o -> o.getKind().equals("ServiceMonitor")));
    GenericKubernetesResource rule =
        monitoring.stream()
            .filter(o -> o.getKind().equals("PrometheusRule"))
            .findFirst()
            .orElseThrow();
    String rules = io.fabric8.kubernetes.client.utils.Serialization.asYaml(rule);
    for (String alert :
        List.of(
            "KinstaApiErrors",
            "KinstaRateLimitWaits",
            "KinstaOperationsStuck",
            "KinstaResourcesNotReady",
            "KinstaResourcesStalled",
            "KinstaApiKeyExpiresSoon")) {
      assertTrue(rules.contains("alert: \"" + alert + "\""), alert + " in " + rules);
    }
    for (String metric :
        List.of(
            "kinsta_api_requests_seconds_count",
            "kinsta_api_rate_limited_total",
            "kinsta_operations_in_flight",
            "kinsta_resources",
            "kinsta_api_key_expiry_seconds")) {
      assertTrue(rules.contains(metric), "alerts use the metric the operator exports: " + metric);
    }
    NetworkPolicy policy = Chart.one(objects, NetworkPolicy.class).orElseThrow();
    assertEquals(List.of("Ingress", "Egress"), policy.getSpec().getPolicyTypes());
  }

  @Test
  void shipsTheGrafanaDashboardForTheSidecarWhenAsked() throws Exception {
    assertTrue(
        Chart.all(Chart.render(Map.of()), ConfigMap.class).stream()
            .noneMatch(c -> c.getMetadata().getName().endsWith("-dashboard")),
        "no dashboard unless asked");
    ConfigMap dashboard =
        Chart.all(Chart.render(Map.of("metrics.grafanaDashboard.enabled", true)), ConfigMap.class)
            .stream()
            .filter(c -> c.getMetadata().getName().endsWith("-dashboard"))
            .findFirst()
            .orElseThrow();
    assertEquals("1", dashboard.getMetadata().getLabels().get("grafana_dashboard"));
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    assertEquals(
        json.readTree(
            java.nio.file.Files.readString(
                java.nio.file.Path.of(
                    Chart.DIRECTORY.toString(), "dashboards", "kinsta-operator.json"))),
        json.readTree(dashboard.getData().get("kinsta-operator.json")),
        "the ConfigMap carries the dashboard file as it is");
  }

  @Test
  void runsRestrictedNonRootWithProbesAndLimits() {
    Deployment deployment = Chart.one(Chart.render(Map.of()), Deployment.class).orElseThrow();
    var pod = deployment.getSpec().getTemplate().getSpec();
    Container container = pod.getContainers().get(0);

    assertTrue(pod.getSecurityContext().getRunAsNonRoot());
    assertTrue(pod.getSecurityContext().getRunAsUser() > 0);
    assertEquals("RuntimeDefault", pod.getSecurityContext().getSeccompProfile().getType());
    assertFalse(container.getSecurityContext().getAllowPrivilegeEscalation());
    assertTrue(container.getSecurityContext().getReadOnlyRootFilesystem());
    assertEquals(List.of("ALL"), container.getSecurityContext().getCapabilities().getDrop());
    assertEquals("/healthz", container.getLivenessProbe().getHttpGet().getPath());
    assertEquals("/readyz", container.getReadinessProbe().getHttpGet().getPath());
    assertTrue(container.getResources().getLimits().containsKey("memory"));
    assertTrue(container.getResources().getRequests().containsKey("cpu"));
  }

  @Test
  void theRenderedEnvironmentIsAValidOperatorConfiguration() {
    Map<String, String> env =
        env(
            Chart.one(
                    Chart.render(Map.of("kinsta.hostingApiUrl", "https://sevalla.example/v3")),
                    Deployment.class)
                .orElseThrow());

    OperatorConfig config = OperatorConfig.fromEnvironment(env);
    assertEquals("https://sevalla.example/v3", config.hostingApiUrl().toString());
    assertTrue(
        env.keySet().stream()
            .filter(k -> k.startsWith("KINSTA_"))
            .allMatch(HelmChartTest::isOperatorSetting),
        "every KINSTA_ variable the chart sets is one the operator reads: " + env.keySet());
  }

  @Test
  void rbacHasNoWildcards() {
    for (Map<String, Object> values :
        List.of(
            Map.<String, Object>of(),
            Map.<String, Object>of("watchNamespaces[0]", "a", "replicaCount", 3))) {
      List<HasMetadata> objects = Chart.render(values);
      Stream<PolicyRule> rules =
          Stream.concat(
              Chart.all(objects, ClusterRole.class).stream().flatMap(r -> r.getRules().stream()),
              Chart.all(objects, Role.class).stream().flatMap(r -> r.getRules().stream()));
      rules.forEach(
          rule -> {
            assertFalse(rule.getVerbs().contains("*"), rule.toString());
            assertFalse(rule.getResources().contains("*"), rule.toString());
            assertFalse(rule.getApiGroups().contains("*"), rule.toString());
            assertFalse(
                rule.getVerbs().contains("deletecollection")
                    || rule.getVerbs().contains("escalate"),
                rule.toString());
          });
    }
  }

  @Test
  void theValuesSchemaRejectsBadValues() {
    for (Map<String, Object> bad :
        List.<Map<String, Object>>of(
            Map.of("kinsta.apiKey", "abc"),
            Map.of("replicaCount", 0),
            Map.of("kinsta.rateLimits.requestsPerMinute", 500),
            Map.of("operator.defaultDeletionPolicy", "Never"),
            Map.of("operator.resyncInterval", "often"),
            Map.of("securityContext.privileged", true),
            Map.of("watchNamespaces[0]", "Not_A_Namespace"))) {
      Exception failure = assertThrows(Exception.class, () -> Chart.render(bad), bad.toString());
      assertTrue(
          failure.getMessage().contains("schema") || failure.getMessage().contains("values"),
          bad + ": " + failure.getMessage());
    }
  }

  @Test
  void chartCrdsAreTheGeneratedOnes() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("crds"))) {
      for (Path crd : files.toList()) {
        Path inChart = Chart.DIRECTORY.resolve("crds").resolve(crd.getFileName());
        assertTrue(
            Files.exists(inChart),
            "the chart ships "
                + crd.getFileName()
                + " (copy crds/*.yml to helm/kinsta-operator/crds/)");
        assertEquals(
            Files.readString(crd), Files.readString(inChart), crd.getFileName() + " is up to date");
      }
    }
  }

  static Map<String, String> env(Deployment deployment) {
    Map<String, String> env = new HashMap<>();
    for (EnvVar variable :
        deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
      env.put(variable.getName(), variable.getValue() != null ? variable.getValue() : "from-pod");
    }
    return env;
  }

  private static boolean isOperatorSetting(String name) {
    return Stream.of(OperatorConfig.class.getFields())
            .filter(f -> f.getType() == String.class)
            .map(
                f -> {
                  try {
                    return (String) f.get(null);
                  } catch (IllegalAccessException e) {
                    return "";
                  }
                })
            .collect(Collectors.toSet())
            .contains(name)
        || name.equals("KINSTA_LOG_LEVEL");
  }
}
