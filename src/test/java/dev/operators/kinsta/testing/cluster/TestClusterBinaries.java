package dev.operators.kinsta.testing.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the test cluster's binaries are: {@code src/test/kube/build.sh} builds them from the pinned
 * Go modules when its cache lacks them and prints their directory, so {@code mvn verify} alone
 * works on a fresh machine with Go. {@code KINSTA_TEST_CLUSTER_BIN} points at a directory of
 * already built binaries instead.
 */
public final class TestClusterBinaries {
  private static final List<String> NAMES =
      List.of("etcd", "kube-apiserver", "kube-controller-manager", "kubectl");
  private static final Path SCRIPT = Path.of("src", "test", "kube", "build.sh");

  private TestClusterBinaries() {}

  /** The binaries' directory, built first if the cache does not have them. */
  public static Path locate() {
    String given = System.getenv("KINSTA_TEST_CLUSTER_BIN");
    Path dir =
        given != null && !given.isBlank()
            ? Path.of(given)
            : run(List.of())
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            SCRIPT
                                + " failed; Go and its module proxy are needed to "
                                + "build the test cluster (see target/test-cluster-build.log)"));
    for (String name : NAMES) {
      if (!Files.isExecutable(dir.resolve(name))) {
        throw new IllegalStateException("no executable " + name + " in " + dir);
      }
    }
    return dir;
  }

  /** Whether the binaries are there without building anything. */
  public static boolean built() {
    String given = System.getenv("KINSTA_TEST_CLUSTER_BIN");
    if (given != null && !given.isBlank()) {
      return true;
    }
    return Files.isExecutable(SCRIPT) && run(List.of("--check")).isPresent();
  }

  /** Runs the script; its last line of output is the directory when it succeeds. */
  private static Optional<Path> run(List<String> args) {
    Path log = Path.of("target", "test-cluster-build.log").toAbsolutePath();
    try {
      Files.createDirectories(log.getParent());
      List<String> command =
          new java.util.ArrayList<>(List.of("bash", SCRIPT.toAbsolutePath().toString()));
      command.addAll(args);
      Process build =
          new ProcessBuilder(command)
              .redirectOutput(log.toFile())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      build.getOutputStream().close();
      int exit = build.waitFor();
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return exit != 0 || lines.isEmpty()
          ? Optional.empty()
          : Optional.of(Path.of(lines.get(lines.size() - 1).trim()));
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + SCRIPT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while building the test cluster", e);
    }
  }
}
