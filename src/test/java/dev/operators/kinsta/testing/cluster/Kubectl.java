package dev.operators.kinsta.testing.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@code kubectl} built with the test cluster, run as a user types it, as the cluster's
 * administrator.
 */
public final class Kubectl {
  private final TestCluster cluster;
  private final Path kubeconfig;

  public Kubectl(TestCluster cluster) {
    this(cluster, cluster.kubeconfig());
  }

  public Kubectl(TestCluster cluster, Path kubeconfig) {
    this.cluster = cluster;
    this.kubeconfig = kubeconfig;
  }

  /** What one kubectl command printed, and how it exited. */
  public record Result(int exitCode, String out, String err) {
    public Result assertSuccess() {
      if (exitCode != 0) {
        throw new AssertionError("kubectl exited " + exitCode + ":\n" + err + out);
      }
      return this;
    }
  }

  public Result run(String... args) {
    return run(List.of(args));
  }

  public Result run(List<String> args) {
    try {
      Path out = Files.createTempFile("kubectl", ".out");
      Path err = Files.createTempFile("kubectl", ".err");
      try {
        ProcessBuilder builder =
            builder(args)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
          process.destroyForcibly();
          throw new AssertionError("kubectl " + args + " did not finish in 2 minutes");
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run kubectl", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Starts a long-running command ({@code get -w}); the caller reads its output and destroys it.
   */
  public Process start(List<String> args) {
    try {
      return builder(args).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot run kubectl", e);
    }
  }

  private ProcessBuilder builder(List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(cluster.binary("kubectl").toString());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("KUBECONFIG", kubeconfig.toString());
    // kubectl keeps its discovery cache under HOME; one inside target/ leaves the user's alone.
    builder
        .environment()
        .put("HOME", Path.of("target", "kubectl-home").toAbsolutePath().toString());
    return builder;
  }
}
