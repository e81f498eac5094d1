package dev.operators.kinsta.testing.cluster;

import java.nio.file.Path;

/**
 * A JVM that starts a test cluster in {@code args[0]}, says {@code ready} and waits to be killed:
 * what {@code TestClusterLifecycleTest} kills with SIGKILL to show that no binary outlives its JVM.
 */
public final class ClusterInChildProcess {
  private ClusterInChildProcess() {}

  public static void main(String[] args) throws InterruptedException {
    TestCluster.start(Path.of(args[0]), 0);
    System.out.println("ready");
    System.out.flush();
    Thread.currentThread().join();
  }
}
