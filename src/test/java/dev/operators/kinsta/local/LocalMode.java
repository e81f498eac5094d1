package dev.operators.kinsta.local;

import dev.operators.kinsta.api.v1alpha1.ApiGroup;
import dev.operators.kinsta.config.ConfigException;
import dev.operators.kinsta.config.OperatorConfig;
import dev.operators.kinsta.operator.ConsoleLogging;
import dev.operators.kinsta.operator.OperatorRuntime;
import dev.operators.kinsta.reconcile.ReconcileSettings;
import dev.operators.kinsta.simulator.KinstaSimulator;
import dev.operators.kinsta.simulator.SimulatorSettings;
import dev.operators.kinsta.testing.cluster.TestCluster;
import dev.operators.kinsta.testing.cluster.TestClusterBinaries;
import dev.operators.kinsta.transport.KinstaClientSettings;
import dev.operators.kinsta.transport.budget.RateBudgetSettings;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The README's first command: a Kubernetes API reachable by kubectl (the real API server when it is
 * built, else an embedded one), the Kinsta simulator seeded for {@code examples/}, the operator,
 * the examples applied, and a live table of their conditions. Each piece can be swapped for another
 * by configuration (see {@link LocalSettings}).
 */
public final class LocalMode implements AutoCloseable {
  /** The CRDs local mode installs in the embedded API server, one per kind. */
  static final List<Class<? extends HasMetadata>> KINDS = List.copyOf(ApiGroup.KINDS);

  private final PrintStream out;
  private final EmbeddedKubernetes embedded;
  private final TestCluster cluster;
  private final KubernetesClient kubernetes;
  private final KinstaSimulator simulator;
  private final OperatorRuntime runtime;
  private final Path kubeconfig;
  private final StatusBoard board;
  private final Instant startedAt;
  private volatile @org.jspecify.annotations.Nullable Duration readyAfter;

  /**
   * The mock server logs every request through java.util.logging at INFO; local mode shows its own
   * table.
   */
  private static final java.util.logging.Logger MOCK_SERVER_LOG =
      java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  private LocalMode(LocalSettings settings, PrintStream out) {
    MOCK_SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
    this.out = out;
    LocalSettings.Kubernetes choice = settings.kubernetes();
    if (choice == LocalSettings.Kubernetes.AUTO) {
      choice =
          TestClusterBinaries.built()
              ? LocalSettings.Kubernetes.REAL
              : LocalSettings.Kubernetes.EMBEDDED;
    }
    switch (choice) {
      case REAL -> {
        embedded = null;
        cluster =
            TestCluster.start(
                settings.kubeconfig().toAbsolutePath().getParent().resolve("cluster"),
                settings.apiPort());
        kubernetes = new KubernetesClientBuilder().withConfig(cluster.adminConfig()).build();
        kubeconfig = copy(cluster.kubeconfig(), settings.kubeconfig());
      }
      case EMBEDDED -> {
        cluster = null;
        embedded =
            EmbeddedKubernetes.start(
                settings.apiPort(),
                KINDS.stream()
                    .map(kind -> "crds/" + HasMetadata.getFullResourceName(kind) + "-v1.yml")
                    .toList());
        kubernetes = embedded.client();
        kubeconfig = embedded.writeKubeconfig(settings.kubeconfig());
      }
      default -> {
        cluster = null;
        embedded = null;
        kubernetes = new KubernetesClientBuilder().build();
        kubeconfig = null;
      }
    }
    Map<String, String> env = new HashMap<>(settings.environment());
    env.putIfAbsent(OperatorConfig.MANAGEMENT_PORT, "0");
    if (settings.useSimulator()) {
      simulator =
          KinstaSimulator.start(
              settings.fastSimulator()
                  ? SimulatorSettings.fast().withRoomyRateLimits()
                  : SimulatorSettings.realistic(),
              "127.0.0.1",
              settings.simulatorPort());
      env.put(OperatorConfig.KINSTA_API_URL, simulator.kinstaBaseUrl().toString());
      env.put(OperatorConfig.KINSTA_HOSTING_API_URL, simulator.sevallaBaseUrl().toString());
    } else {
      simulator = null;
    }
    OperatorConfig config = OperatorConfig.fromEnvironment(env);
    KinstaClientSettings clients =
        settings.fastSimulator()
            ? config.clientSettings().withBudget(RateBudgetSettings.roomy())
            : config.clientSettings();
    ExampleSet examples = settings.examples() == null ? null : ExampleSet.load(settings.examples());
    if (examples != null && simulator != null) {
      examples.seed(simulator);
    }
    board = new StatusBoard(kubernetes, ApiGroup.GROUP);
    runtime = OperatorRuntime.start(config, kubernetes, ReconcileSettings.from(config), clients);
    startedAt = Instant.now();
    printIntroduction(config);
    if (examples != null) {
      examples.apply(kubernetes);
      out.println(
          "Applied "
              + examples.documents().size()
              + " manifests from "
              + settings.examples()
              + ".");
    }
  }

  public static LocalMode start(LocalSettings settings, PrintStream out) {
    return new LocalMode(settings, out);
  }

  public static void main(String[] args) throws InterruptedException {
    // Quiet by default: a person reads the table; KINSTA_LOG_LEVEL brings the operator's log back.
    String logLevel = System.getenv("KINSTA_LOG_LEVEL");
    if (logLevel == null || logLevel.isBlank()) {
      ConsoleLogging.install("ERROR", java.util.logging.Level.SEVERE);
    } else {
      ConsoleLogging.installFromEnvironment();
    }
    LocalSettings settings;
    try {
      settings = LocalSettings.fromEnvironment(System.getenv());
    } catch (ConfigException invalid) {
      System.err.println(invalid.getMessage());
      System.exit(2);
      return;
    }
    LocalMode local = LocalMode.start(settings, System.out);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  local.close();
                  stopped.countDown();
                },
                "shutdown"));
    boolean allReady = local.watchUntilReady(settings.timeout());
    if (settings.exitWhenReady()) {
      local.close();
      System.exit(allReady ? 0 : 1);
    }
    local.out.println("Still running; press Ctrl-C to stop.");
    while (!stopped.await(2, java.util.concurrent.TimeUnit.SECONDS)) {
      local.board().printIfChanged(local.out);
    }
  }

  /**
   * Prints the table as it changes until every Kinsta resource is Ready, or says which are not at
   * the timeout.
   */
  public boolean watchUntilReady(Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      List<StatusBoard.Row> rows = board.printIfChanged(out);
      if (!rows.isEmpty() && rows.stream().allMatch(StatusBoard.Row::isReady)) {
        readyAfter = Duration.between(startedAt, Instant.now());
        out.println(
            "All "
                + rows.size()
                + " Kinsta resources are Ready, "
                + readyAfter.toSeconds()
                + " s after the operator started.");
        return true;
      }
      Thread.sleep(1000);
    }
    List<StatusBoard.Row> notReady = board.rows().stream().filter(r -> !r.isReady()).toList();
    out.println(notReady.size() + " resources are not Ready after " + timeout + ":");
    notReady.forEach(
        r ->
            out.println(
                "  "
                    + r.namespace()
                    + "/"
                    + r.name()
                    + " ("
                    + r.kind()
                    + "): "
                    + r.reason()
                    + ": "
                    + r.message()));
    return false;
  }

  private static Path copy(Path from, Path to) {
    try {
      Files.createDirectories(to.toAbsolutePath().getParent());
      return Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING).toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + to, e);
    }
  }

  /** How long after the operator's start every resource was first seen Ready, once it was. */
  public java.util.Optional<Duration> readyAfter() {
    return java.util.Optional.ofNullable(readyAfter);
  }

  public StatusBoard board() {
    return board;
  }

  public KubernetesClient kubernetes() {
    return kubernetes;
  }

  public KinstaSimulator simulator() {
    return simulator;
  }

  public Path kubeconfig() {
    return kubeconfig;
  }

  public OperatorRuntime runtime() {
    return runtime;
  }

  private void printIntroduction(OperatorConfig config) {
    out.println("Kinsta operator, local mode");
    if (cluster != null) {
      out.println(
          "  Kubernetes API (kube-apiserver, etcd and controller manager built from Go modules): "
              + cluster.apiServerUrl());
      out.println("  kubectl:  export KUBECONFIG=" + kubeconfig);
      out.println(
          "            kubectl get kinsta -A        (kubectl built with it: "
              + cluster.binary("kubectl")
              + ")");
    } else if (embedded != null) {
      out.println("  Kubernetes API (embedded mock, no schema checks): " + embedded.url());
      out.println("  kubectl:  export KUBECONFIG=" + kubeconfig);
      out.println(
          "            kubectl get kinsta -A        (apply with --validate=false: no OpenAPI here)");
      out.println("            KINSTA_LOCAL_KUBERNETES=real runs on a real API server instead");
    } else {
      out.println("  Kubernetes API: the current kubeconfig context");
    }
    out.println(
        "  Kinsta API: " + config.kinstaApiUrl() + (simulator != null ? " (simulator)" : ""));
    out.println(
        "  Metrics and health: http://127.0.0.1:"
            + runtime.managementPort()
            + "/metrics, /healthz, /readyz");
  }

  @Override
  public void close() {
    runtime.close();
    if (embedded != null) {
      embedded.close();
    } else {
      kubernetes.close();
    }
    if (cluster != null) {
      cluster.close();
    }
    if (simulator != null) {
      simulator.close();
    }
  }
}
