package dev.operators.kinsta.testing.cluster;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One binary of the test cluster, run under a shell watchdog that reads the JVM's end of a pipe:
 * when the JVM exits for any reason (a failed test, {@code kill -9}), the pipe closes, {@code read}
 * returns and the watchdog kills the binary. No stray etcd or API server outlives the test run.
 */
final class ClusterProcess implements AutoCloseable {
  private static final String WATCHDOG =
      "\"$@\" </dev/null & child=$!; "
          + "stop() { kill $child 2>/dev/null; "
          // A binary whose peers are already gone may never
          // finish a graceful shutdown; 5 s, then SIGKILL.
          + "for i in 1 2 3 4 5 6 7 8 9 10; do kill -0 $child 2>/dev/null || return; sleep 0.5; done; "
          + "kill -9 $child 2>/dev/null; }; "
          + "trap 'stop; exit 0' TERM; read -r _; stop";

  private final String name;
  private final Process watchdog;
  private final OutputStream lifeline;
  final Path log;

  private ClusterProcess(String name, Process watchdog, Path log) {
    this.name = name;
    this.watchdog = watchdog;
    this.lifeline = watchdog.getOutputStream();
    this.log = log;
  }

  static ClusterProcess start(String name, Path binary, List<String> args, Path workDir) {
    Path log = workDir.resolve(name + ".log");
    List<String> command =
        new ArrayList<>(List.of("/bin/sh", "-c", WATCHDOG, name, binary.toString()));
    command.addAll(args);
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      return new ClusterProcess(name, process, log);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + name, e);
    }
  }

  boolean isAlive() {
    return watchdog.isAlive();
  }

  String name() {
    return name;
  }

  @Override
  public void close() {
    try {
      lifeline.close();
      if (!watchdog.waitFor(20, TimeUnit.SECONDS)) {
        watchdog.descendants().forEach(ProcessHandle::destroyForcibly);
        watchdog.destroyForcibly();
      }
    } catch (IOException e) {
      watchdog.descendants().forEach(ProcessHandle::destroyForcibly);
      watchdog.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      watchdog.descendants().forEach(ProcessHandle::destroyForcibly);
    }
  }
}
