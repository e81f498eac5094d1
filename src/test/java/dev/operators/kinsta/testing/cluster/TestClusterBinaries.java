package dev.operators.kinsta.testing.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the test cluster's binaries are: {@code src/test/kube/build.sh} builds them from the pinned Go modules when
 * its cache lacks them and prints their directory, so {@code mvn verify} alone works on a fresh machine with Go.
 * {@code KINSTA_TEST_CLUSTER_BIN} points at a directory of already built binaries instead.
 */
final class TestClusterBinaries {
  private static final List<String> NAMES = List.of("etcd", "kube-apiserver", "kube-controller-manager", "kubectl");

  private TestClusterBinaries() {
  }

  static Path locate() {
    String given = System.getenv("KINSTA_TEST_CLUSTER_BIN");
    Path dir = given != null && !given.isBlank() ? Path.of(given) : build();
    for (String name : NAMES) {
      if (!Files.isExecutable(dir.resolve(name))) {
        throw new IllegalStateException("no executable " + name + " in " + dir);
      }
    }
    return dir;
  }

  private static Path build() {
    Path script = Path.of("src", "test", "kube", "build.sh").toAbsolutePath();
    Path log = Path.of("target", "test-cluster-build.log").toAbsolutePath();
    try {
      Files.createDirectories(log.getParent());
      Process build = new ProcessBuilder("bash", script.toString()).redirectOutput(log.toFile())
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      build.getOutputStream().close();
      int exit = build.waitFor();
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      if (exit != 0 || lines.isEmpty()) {
        throw new IllegalStateException(script + " failed (exit " + exit + "); Go and its module proxy are needed "
            + "to build the test cluster");
      }
      return Path.of(lines.get(lines.size() - 1).trim());
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + script, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while building the test cluster", e);
    }
  }
}
