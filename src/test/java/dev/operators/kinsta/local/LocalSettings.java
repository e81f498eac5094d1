package dev.operators.kinsta.local;

import dev.operators.kinsta.config.ConfigException;
import dev.operators.kinsta.config.OperatorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Local mode's own settings, from the environment; every operator setting ({@code KINSTA_*})
 * applies too.
 *
 * @param environment the whole environment, passed on to the operator's settings
 * @param kubernetes which Kubernetes API ({@code KINSTA_LOCAL_KUBERNETES}, see {@link Kubernetes})
 * @param useSimulator the Kinsta simulator, unless {@code KINSTA_API_URL} names a real API
 * @param examples the manifests to apply ({@code KINSTA_LOCAL_EXAMPLES}, default {@code examples};
 *     {@code none} for none)
 */
public record LocalSettings(
    Map<String, String> environment,
    Kubernetes kubernetes,
    int apiPort,
    Path kubeconfig,
    boolean useSimulator,
    boolean fastSimulator,
    int simulatorPort,
    Path examples,
    boolean exitWhenReady,
    Duration timeout) {

  /** Which Kubernetes API local mode runs on. */
  public enum Kubernetes {
    /**
     * The real API server when it is built (the test cluster's cache has it), else the embedded
     * one.
     */
    AUTO,
    /**
     * The real API server (etcd, kube-apiserver, kube-controller-manager), built from Go modules if
     * missing.
     */
    REAL,
    /** The Fabric8 mock server in this JVM: starts in a second, needs no Go, enforces no schema. */
    EMBEDDED,
    /** The current kubeconfig context: a cluster of your own. */
    KUBECONFIG
  }

  public static LocalSettings fromEnvironment(Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    String kubernetesName = env.getOrDefault("KINSTA_LOCAL_KUBERNETES", "auto");
    Kubernetes kubernetes = Kubernetes.AUTO;
    try {
      kubernetes = Kubernetes.valueOf(kubernetesName.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      problems.add(
          "KINSTA_LOCAL_KUBERNETES must be auto, real, embedded or kubeconfig, not "
              + kubernetesName);
    }
    String speed = env.getOrDefault("KINSTA_LOCAL_SIMULATOR", "realistic");
    if (!speed.equals("realistic") && !speed.equals("fast")) {
      problems.add("KINSTA_LOCAL_SIMULATOR must be realistic or fast, not " + speed);
    }
    String examples = env.getOrDefault("KINSTA_LOCAL_EXAMPLES", "examples");
    Path examplesDir = examples.equals("none") ? null : Path.of(examples);
    if (examplesDir != null && !Files.isDirectory(examplesDir)) {
      problems.add(
          "KINSTA_LOCAL_EXAMPLES: " + examplesDir.toAbsolutePath() + " is not a directory");
    }
    int apiPort = port(env, "KINSTA_LOCAL_API_PORT", problems);
    int simulatorPort = port(env, "KINSTA_LOCAL_SIMULATOR_PORT", problems);
    Duration timeout = Duration.ofMinutes(10);
    try {
      timeout =
          env.containsKey("KINSTA_LOCAL_TIMEOUT")
              ? Duration.parse("PT" + env.get("KINSTA_LOCAL_TIMEOUT").toUpperCase())
              : timeout;
    } catch (java.time.format.DateTimeParseException bad) {
      problems.add(
          "KINSTA_LOCAL_TIMEOUT must be a duration like 90s or 10m, not "
              + env.get("KINSTA_LOCAL_TIMEOUT"));
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new LocalSettings(
        Map.copyOf(env),
        kubernetes,
        apiPort,
        Path.of(env.getOrDefault("KINSTA_LOCAL_KUBECONFIG", "target/local/kubeconfig")),
        !env.containsKey(OperatorConfig.KINSTA_API_URL),
        speed.equals("fast"),
        simulatorPort,
        examplesDir,
        Boolean.parseBoolean(env.getOrDefault("KINSTA_LOCAL_EXIT_WHEN_READY", "false")),
        timeout);
  }

  private static int port(Map<String, String> env, String name, List<String> problems) {
    try {
      int port = Integer.parseInt(env.getOrDefault(name, "0"));
      if (port < 0 || port > 65535) {
        problems.add(name + " must be a port (0 for any free one), not " + port);
      }
      return port;
    } catch (NumberFormatException notNumber) {
      problems.add(name + " must be a port (0 for any free one), not " + env.get(name));
      return 0;
    }
  }
}
