package dev.operators.kinsta.wordpress.site;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.operators.kinsta.api.v1alpha1.KinstaSite;
import dev.operators.kinsta.testing.OperatorHarness;
import dev.operators.kinsta.testing.OperatorHarness.Tenant;
import dev.operators.kinsta.testing.cluster.Kubectl;
import dev.operators.kinsta.testing.cluster.TestCluster;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A KinstaSite handled the way a user types it, with the {@code kubectl} built with the test
 * cluster: apply (with the server's validation, no {@code --validate=false}), server-side apply,
 * get -w, wait, describe, explain, delete.
 */
class KubectlUserTest {
  private static OperatorHarness harness;
  private static Kubectl kubectl;

  @BeforeAll
  static void start() {
    harness = OperatorHarness.start();
    kubectl = new Kubectl(TestCluster.shared());
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @Test
  void aSiteFromApplyToDelete() throws IOException {
    Tenant tenant = harness.tenant();
    Path manifest = manifest(tenant, "blog", "8.3");

    Kubectl.Result applied = kubectl.run("apply", "-f", manifest.toString()).assertSuccess();
    assertTrue(
        applied.out().contains("kinstasite.kinsta.operators.dev/blog created"), applied.out());
    assertFalse(applied.err().contains("Warning"), applied.err());

    Process watch =
        kubectl.start(
            List.of(
                "get",
                "ksite",
                "blog",
                "-n",
                tenant.namespace,
                "-w",
                "-o",
                "jsonpath={.status.conditions[?(@.type==\"Ready\")].status}{\"\\n\"}"));
    List<String> watched = new CopyOnWriteArrayList<>();
    Thread reader = new Thread(() -> readLines(watch, watched), "kubectl-get-w");
    reader.setDaemon(true);
    reader.start();
    try {
      kubectl
          .run(
              "wait",
              "--for=condition=Ready",
              "ksite/blog",
              "-n",
              tenant.namespace,
              "--timeout=60s")
          .assertSuccess();
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(() -> assertTrue(watched.contains("True"), "get -w printed " + watched));
    } finally {
      watch.destroy();
    }

    Kubectl.Result table = kubectl.run("get", "ksite", "-n", tenant.namespace).assertSuccess();
    assertTrue(
        table.out().lines().anyMatch(l -> l.startsWith("blog") && l.contains("True")), table.out());
    // Columns as the kind declares them, not as the CRD generator sorts them.
    assertEquals(
        List.of("NAME", "READY", "REASON", "SITE", "ID", "DRIFT", "AGE"),
        List.of(table.out().lines().findFirst().orElseThrow().trim().split("\\s+")),
        table.out());

    Kubectl.Result described =
        kubectl.run("describe", "ksite", "blog", "-n", tenant.namespace).assertSuccess();
    assertTrue(described.out().contains("Ready"), described.out());
    assertTrue(described.out().contains("Events:"), described.out());

    Files.writeString(manifest, Files.readString(manifest).replace("\"8.3\"", "\"8.4\""));
    Kubectl.Result serverSide =
        kubectl.run("apply", "--server-side", "-f", manifest.toString()).assertSuccess();
    assertTrue(serverSide.out().contains("serverside-applied"), serverSide.out());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                harness.kinsta.simulator.read(
                    state ->
                        state.sites.values().stream()
                            .filter(s -> s.companyId.equals(tenant.companyId()))
                            .anyMatch(
                                s ->
                                    s.environment("live")
                                        .map(e -> "8.4".equals(e.phpVersion))
                                        .orElse(false))));

    Kubectl.Result deleted =
        kubectl.run("delete", "-f", manifest.toString(), "--timeout=60s").assertSuccess();
    assertTrue(deleted.out().contains("deleted"), deleted.out());
    assertNull(tenant.get(KinstaSite.class, "blog"));
    assertEquals(1, tenant.calls("DELETE /sites/{site_id}"));
  }

  @Test
  void applyWithValidationRejectsAnUnknownField() throws IOException {
    Tenant tenant = harness.tenant();
    Path manifest = manifest(tenant, "typo", "8.3");
    Files.writeString(manifest, Files.readString(manifest).replace("phpVersion:", "phpVerison:"));

    Kubectl.Result refused = kubectl.run("apply", "-f", manifest.toString());

    assertEquals(1, refused.exitCode());
    assertTrue(
        refused.err().contains("unknown field \"spec.environments.live.phpVerison\""),
        refused.err());
    assertNull(tenant.get(KinstaSite.class, "typo"));
  }

  @Test
  void explainDescribesTheKindsFields() {
    Kubectl.Result explained =
        kubectl.run("explain", "kinstasite.spec.environments.live.phpVersion").assertSuccess();
    assertTrue(explained.out().contains("FIELD: phpVersion"), explained.out());
    assertTrue(explained.out().contains("DESCRIPTION:"), explained.out());
    Kubectl.Result database = kubectl.run("explain", "kinstadatabase.spec.size").assertSuccess();
    assertTrue(database.out().contains("db1"), database.out());
    Kubectl.Result kind = kubectl.run("explain", "kinstasite").assertSuccess();
    assertTrue(kind.out().contains("A WordPress site"), kind.out());
    Kubectl.Result reason =
        kubectl.run("explain", "kinstaapplication.status.conditions.reason").assertSuccess();
    assertTrue(reason.out().contains("CamelCase"), reason.out());
  }

  private static Path manifest(Tenant tenant, String name, String phpVersion) throws IOException {
    Path file = Path.of("target", "kubectl-user-test", tenant.namespace, name + ".yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        """
        apiVersion: kinsta.operators.dev/v1alpha1
        kind: KinstaSite
        metadata:
          name: %s
          namespace: %s
        spec:
          credentialsRef:
            name: kinsta
          region: us-east1
          plain: {}
          environments:
            live:
              phpVersion: "%s"
        """
            .formatted(name, tenant.namespace, phpVersion));
    return file;
  }

  private static void readLines(Process process, List<String> into) {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        into.add(line.trim());
      }
    } catch (IOException ended) {
      // The watch was stopped.
    }
  }
}
