package dev.operators.kinsta.testing.cluster;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The test cluster's promise that nothing it starts outlives the JVM that started it, even one
 * killed outright.
 */
class TestClusterLifecycleTest {

  @Test
  void aKilledJvmLeavesNoClusterProcessBehind() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path output =
        Files.createDirectories(Path.of("target", "test-cluster")).resolve("killed-jvm.log");
    Process child =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                ClusterInChildProcess.class.getName(),
                "target/test-cluster/killed-jvm")
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    try {
      await("the child's cluster to start")
          .atMost(Duration.ofMinutes(3))
          .until(() -> !child.isAlive() || Files.readAllLines(output).contains("ready"));
      assertTrue(child.isAlive(), "the child exited; see " + output);
      List<ProcessHandle> started = child.descendants().toList();
      List<String> commands = started.stream().map(p -> p.info().command().orElse("")).toList();
      for (String binary : List.of("etcd", "kube-apiserver", "kube-controller-manager")) {
        assertTrue(
            commands.stream().anyMatch(c -> c.endsWith("/" + binary)),
            binary + " runs: " + commands);
      }

      child.toHandle().destroyForcibly(); // SIGKILL: no shutdown hook runs

      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> started.stream().noneMatch(ProcessHandle::isAlive));
      assertEquals(List.of(), started.stream().filter(ProcessHandle::isAlive).toList());
    } finally {
      child.destroyForcibly();
    }
  }
}
