package dev.operators.kinsta.operator;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.operators.kinsta.testing.cluster.TestCluster;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start that fails ends the process with a non-zero exit code within seconds, so that Kubernetes
 * restarts the pod: threads already started (Vert.x's) must not keep an idle JVM alive.
 */
class FatalStartTest {

  @Test
  void aManagementPortInUseEndsTheProcessWithAnError(@TempDir Path directory)
      throws IOException, InterruptedException {
    Path log = directory.resolve("operator.log");
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      ProcessBuilder start =
          new ProcessBuilder(
                  java, "-cp", System.getProperty("java.class.path"), OperatorMain.class.getName())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      start.environment().put("KINSTA_MANAGEMENT_PORT", String.valueOf(taken.getLocalPort()));
      start.environment().put("KUBECONFIG", TestCluster.shared().kubeconfig().toString());
      Process operator = start.start();
      try {
        boolean ended = operator.waitFor(30, TimeUnit.SECONDS);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(ended, "the operator is still running 30 s after a failed start: " + output);
        assertNotEquals(0, operator.exitValue(), output);
        assertTrue(output.contains("management port " + taken.getLocalPort()), output);
      } finally {
        operator.destroyForcibly();
      }
    }
  }
}
