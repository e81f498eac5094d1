package dev.operators.kinsta.helm;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.Release;
import dev.operators.kinsta.testing.cluster.TestCluster;
import dev.operators.kinsta.testing.cluster.TestClusterExtension;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The chart installed, upgraded and uninstalled on the real API server with the embedded Helm
 * library: every object it renders is accepted (the pod itself never runs: the test cluster has no
 * kubelet), and the values schema stops a bad install before anything reaches the cluster.
 */
@ExtendWith(TestClusterExtension.class)
class HelmInstallTest {

  @Test
  void installsUpgradesAndUninstallsOnARealApiServer(TestCluster cluster) {
    KubernetesClient kube = cluster.admin();
    String namespace = "helm-install-test";

    Release installed =
        new Helm(Chart.DIRECTORY)
            .install()
            .withName("kinsta")
            .withNamespace(namespace)
            .createNamespace()
            .withKubeConfig(cluster.kubeconfig())
            .call();
    assertEquals("deployed", installed.getStatus());
    Deployment deployment =
        kube.apps().deployments().inNamespace(namespace).withName("kinsta-kinsta-operator").get();
    assertNotNull(deployment, "the Deployment was accepted");
    assertEquals(1, deployment.getSpec().getReplicas());
    assertNotNull(
        kube.serviceAccounts().inNamespace(namespace).withName("kinsta-kinsta-operator").get());
    assertNotNull(kube.rbac().clusterRoles().withName("kinsta-kinsta-operator").get());
    assertNotNull(kube.rbac().clusterRoleBindings().withName("kinsta-kinsta-operator").get());
    assertNotNull(
        kube.services().inNamespace(namespace).withName("kinsta-kinsta-operator-metrics").get());
    assertEquals(
        dev.operators.kinsta.api.v1alpha1.ApiGroup.KINDS.size(),
        kube.apiextensions().v1().customResourceDefinitions().list().getItems().stream()
            .filter(crd -> crd.getSpec().getGroup().equals("kinsta.operators.dev"))
            .count());

    Release upgraded =
        Helm.upgrade(Chart.DIRECTORY.toString())
            .withName("kinsta")
            .withNamespace(namespace)
            .withKubeConfig(cluster.kubeconfig())
            .set("replicaCount", 2)
            .set("networkPolicy.enabled", true)
            .set("podDisruptionBudget.enabled", true)
            .call();
    assertEquals("2", upgraded.getRevision());
    assertEquals(
        2,
        kube.apps()
            .deployments()
            .inNamespace(namespace)
            .withName("kinsta-kinsta-operator")
            .get()
            .getSpec()
            .getReplicas());
    assertNotNull(
        kube.rbac()
            .roles()
            .inNamespace(namespace)
            .withName("kinsta-kinsta-operator-leader-election")
            .get(),
        "two replicas elect a leader");
    assertTrue(
        kube.network().v1().networkPolicies().inNamespace(namespace).list().getItems().size() >= 1);
    assertTrue(
        kube.policy().v1().podDisruptionBudget().inNamespace(namespace).list().getItems().size()
            >= 1);

    Helm.uninstall("kinsta").withNamespace(namespace).withKubeConfig(cluster.kubeconfig()).call();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                kube.apps()
                            .deployments()
                            .inNamespace(namespace)
                            .withName("kinsta-kinsta-operator")
                            .get()
                        == null
                    && kube.rbac().clusterRoles().withName("kinsta-kinsta-operator").get() == null);
    // Helm leaves CRDs it installed from crds/ in place, so
    // uninstalling never deletes users' resources.
    assertEquals(
        dev.operators.kinsta.api.v1alpha1.ApiGroup.KINDS.size(),
        kube.apiextensions().v1().customResourceDefinitions().list().getItems().stream()
            .filter(crd -> crd.getSpec().getGroup().equals("kinsta.operators.dev"))
            .count());
    kube.namespaces().withName(namespace).delete();
  }

  @Test
  void theValuesSchemaStopsABadInstallBeforeTheCluster(TestCluster cluster) {
    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class,
            () ->
                new Helm(Chart.DIRECTORY)
                    .install()
                    .withName("bad")
                    .withNamespace("helm-bad-values")
                    .createNamespace()
                    .withKubeConfig(cluster.kubeconfig())
                    .set("kinsta.apiKey", "pasted-by-mistake")
                    .call());
    assertTrue(refused.getMessage().contains("apiKey"), refused.getMessage());
    assertEquals(
        null,
        cluster
            .admin()
            .apps()
            .deployments()
            .inNamespace("helm-bad-values")
            .withName("bad-kinsta-operator")
            .get());
  }
}
