package dev.operators.kinsta.bench;

import dev.operators.kinsta.api.v1alpha1.EnvironmentSettings;
import dev.operators.kinsta.api.v1alpha1.KinstaSite;
import dev.operators.kinsta.api.v1alpha1.SiteEnvironments;
import dev.operators.kinsta.config.OperatorConfig;
import dev.operators.kinsta.image.OperatorImage;
import dev.operators.kinsta.operator.ConsoleLogging;
import dev.operators.kinsta.reconcile.ReconcileSettings;
import dev.operators.kinsta.reconcile.StatusConditions;
import dev.operators.kinsta.simulator.KinstaSimulator;
import dev.operators.kinsta.simulator.SimulatorSettings;
import dev.operators.kinsta.testing.OperatorHarness;
import dev.operators.kinsta.testing.OperatorHarness.Tenant;
import dev.operators.kinsta.testing.SimulatorFixture;
import dev.operators.kinsta.testing.cluster.TestCluster;
import dev.operators.kinsta.transport.budget.RateBudgetSettings;
import dev.operators.kinsta.transport.budget.RateLimit;
import dev.operators.kinsta.wordpress.site.Sites;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The operator at scale, against the simulator with Kinsta's real limits and the real API server,
 * printing one line per figure: {@code bench <name> <value> <unit>}. Times and rates are Kinsta's:
 * the in-process part runs in time compressed {@value #K} times (every interval of the operator and
 * every window of the simulator divided by it), and its figures are scaled back. Memory and start
 * time are measured on the operator alone, in a JVM of its own started as the image starts it
 * ({@link OperatorImage}: the chart's JVM flags, the class data archive) with default settings.
 * {@code -Dbench.recordClassList=true} records the classes the run with 1000 sites loads as the
 * image's class list.
 *
 * <p>Run: {@code mvn -q test-compile exec:java
 * -Dkinsta.main=dev.operators.kinsta.bench.ScaleBenchmark} (after {@code bash
 * src/test/kube/build.sh}); about a quarter of an hour.
 */
public final class ScaleBenchmark {
  static final int K = 20;

  private ScaleBenchmark() {}

  public static void main(String[] args) throws Exception {
    ConsoleLogging.installFromEnvironment();
    TestCluster cluster = TestCluster.shared();
    if (!Boolean.getBoolean("bench.jvmOnly")) {
      compressed(cluster);
    }
    separateJvm(cluster);
    System.exit(0);
  }

  /** Kinsta's limits, and operations of {@code operations}, in time {@value #K} times faster. */
  static SimulatorSettings compressedKinsta(Duration operations) {
    return new SimulatorSettings(
        Duration.ofSeconds(3).dividedBy(K),
        operations.dividedBy(K),
        Duration.ofSeconds(3).dividedBy(K),
        Duration.ofSeconds(3).dividedBy(K),
        false,
        Duration.ofMinutes(1).dividedBy(K),
        120,
        1000,
        5);
  }

  private static void compressed(TestCluster cluster) throws Exception {
    SimulatorSettings kinsta = compressedKinsta(Duration.ofSeconds(120));
    try (OperatorHarness harness =
        OperatorHarness.start(
            SimulatorFixture.start(kinsta, budget(), Duration.ofSeconds(5), false), settings())) {
      steady(harness, 100, false);
      steady(harness, 1000, true);
      burst(harness, 200);
      print("http_429", harness.kinsta.simulator.journal().countStatus(429), "answers");
    }
  }

  /** N adopted sites Ready and nothing changing: what observing them costs the company. */
  private static void steady(OperatorHarness harness, int n, boolean drift) throws Exception {
    Tenant tenant = harness.tenant();
    KinstaSimulator simulator = harness.kinsta.simulator;
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(simulator.seedSite(tenant.companyId(), "steady-" + n + "-" + i));
    }
    for (int i = 0; i < n; i++) {
      KinstaSite site = Sites.adopted("site-" + i, ids.get(i));
      site.getSpec().environments = new SiteEnvironments();
      site.getSpec().environments.live = new EnvironmentSettings();
      site.getSpec().environments.live.phpVersion = EnvironmentSettings.PhpVersion.V8_2;
      tenant.create(site);
    }
    waitFor(
        "all " + n + " sites Ready",
        Duration.ofMinutes(15),
        () -> tenant.readyCount(KinstaSite.class) == n);
    long before = tenant.calls();
    Duration window = Duration.ofSeconds(60);
    Thread.sleep(window.toMillis());
    double kinstaMinutes = window.toMillis() * K / 60_000.0;
    print(
        "steady_calls_per_min_per_company_n" + n,
        (tenant.calls() - before) / kinstaMinutes,
        "calls/min");
    if (drift) {
      String drifted = ids.get(n / 2);
      simulator.mutate(
          state -> {
            state.sites.get(drifted).environment("live").orElseThrow().phpVersion = "8.1";
          });
      Instant changed = Instant.now();
      waitFor(
          "the drift corrected",
          Duration.ofMinutes(5),
          () ->
              simulator.<Boolean>read(
                  state ->
                      "8.2"
                          .equals(
                              state
                                  .sites
                                  .get(drifted)
                                  .environment("live")
                                  .orElseThrow()
                                  .phpVersion)));
      print("drift_seen_s", seconds(changed) * K, "s");
    }
  }

  /** Many creations at once, and another company's one creation while they run. */
  private static void burst(OperatorHarness harness, int n) throws Exception {
    Tenant alone = harness.tenant();
    Instant aloneStart = Instant.now();
    alone.create(Sites.plain("alone"));
    waitFor("a site alone", Duration.ofMinutes(5), () -> alone.readyCount(KinstaSite.class) == 1);
    double aloneSeconds = seconds(aloneStart);

    Tenant busy = harness.tenant();
    Instant start = Instant.now();
    for (int i = 0; i < n; i++) {
      busy.create(Sites.plain("burst-" + i));
    }
    Tenant second = harness.tenant();
    Thread.sleep(Duration.ofSeconds(60).dividedBy(K).toMillis() * 5);
    Instant secondStart = Instant.now();
    second.create(Sites.plain("meanwhile"));
    waitFor(
        "the second company's site",
        Duration.ofMinutes(10),
        () -> second.readyCount(KinstaSite.class) == 1);
    print("second_company_ready_ratio", seconds(secondStart) / aloneSeconds, "ratio");

    waitFor("the burst", Duration.ofMinutes(30), () -> busy.readyCount(KinstaSite.class) == n);
    double floorSeconds = n / 5.0 * 60 / K;
    print("burst_ready_ratio", seconds(start) / floorSeconds, "ratio");
    print(
        "polls_per_create",
        busy.calls("GET /operations/{operation_id}") / (double) n,
        "polls (120 s creations)");
  }

  /** The operator alone, in a JVM of its own with the chart's flags: memory and start time. */
  private static void separateJvm(TestCluster cluster) throws Exception {
    OperatorImage image = OperatorImage.layOut(Path.of("target", "bench-image"));
    try (SimulatorFixture kinsta =
        SimulatorFixture.start(
            SimulatorSettings.realistic(),
            RateBudgetSettings.defaults(),
            Duration.ofSeconds(5),
            false)) {
      KubernetesClient client = cluster.admin();
      namespace(client, "bench-noise");
      for (int i = 0; i < 5000; i++) {
        client
            .secrets()
            .inNamespace("bench-noise")
            .resource(
                new SecretBuilder()
                    .withNewMetadata()
                    .withName("unrelated-" + i)
                    .endMetadata()
                    .withStringData(Map.of("token", "unrelated-" + i + "-" + "x".repeat(200)))
                    .build())
            .create();
      }
      namespace(client, "bench-idle");
      Process idle = operator(image, cluster, kinsta, "bench-idle,bench-noise", List.of());
      Thread.sleep(30_000);
      print("rss_idle_mib", rssMib(idle), "MiB");
      print("classes_loaded_idle", loadedClasses(idle), "classes");
      diagnose(idle, "idle");
      idle.destroy();
      idle.waitFor();

      String namespace = "bench-rss";
      namespace(client, namespace);
      KinstaSimulator.SeededCompany company = kinsta.simulator.addCompany(namespace);
      client
          .secrets()
          .inNamespace(namespace)
          .resource(
              new SecretBuilder()
                  .withNewMetadata()
                  .withName("kinsta")
                  .endMetadata()
                  .withStringData(
                      Map.of("apiKey", company.apiKey(), "companyId", company.companyId()))
                  .build())
          .create();
      for (int i = 0; i < 1000; i++) {
        String id = kinsta.simulator.seedSite(company.companyId(), "rss-" + i);
        client
            .resources(KinstaSite.class)
            .inNamespace(namespace)
            .resource(Sites.adopted("site-" + i, id))
            .create();
      }
      Instant launched = Instant.now();
      // -Dbench.recordClassList=true records what this run loads as the image's class list.
      Process operator =
          operator(
              image,
              cluster,
              kinsta,
              namespace + ",bench-noise",
              Boolean.getBoolean("bench.recordClassList")
                  ? List.of(
                      "-Xshare:off",
                      "-XX:DumpLoadedClassList=" + OperatorImage.CLASS_LIST.toAbsolutePath())
                  : List.of());
      waitFor(
          "a first reconcile",
          Duration.ofMinutes(2),
          () ->
              client.resources(KinstaSite.class).inNamespace(namespace).list().getItems().stream()
                  .anyMatch(
                      s -> s.getStatus() != null && s.getStatus().observedGeneration != null));
      // A first install: JOSDK adds its finalizer to each of the 1000 (a write each) before it
      // reconciles any of them.
      print("first_install_first_reconcile_s", seconds(launched), "s");
      waitFor(
          "1000 sites Ready",
          Duration.ofMinutes(15),
          () ->
              client.resources(KinstaSite.class).inNamespace(namespace).list().getItems().stream()
                      .filter(StatusConditions::isReadyAndCurrent)
                      .count()
                  == 1000);
      Thread.sleep(30_000);
      print("rss_1000_mib", rssMib(operator), "MiB");
      diagnose(operator, "1000");
      operator.destroy();
      operator.waitFor();

      // A restart (an upgrade, a rescheduled pod) with the 1000 under management.
      Instant restarted = Instant.now();
      Process again = operator(image, cluster, kinsta, namespace + ",bench-noise", List.of());
      waitFor("a first reconcile after the restart", Duration.ofMinutes(2), () -> reconciled() > 0);
      print("start_to_first_reconcile_s", seconds(restarted), "s");
      again.destroy();
      again.waitFor();
    }
  }

  /**
   * Reconciles JOSDK counts as succeeded, from the metrics of the operator writing {@code
   * target/bench-operator.log}; 0 until its management server is up.
   */
  private static double reconciled() {
    try {
      java.util.regex.Matcher port =
          java.util.regex.Pattern.compile("management port (\\d+)")
              .matcher(Files.readString(Path.of("target", "bench-operator.log")));
      if (!port.find()) {
        return 0;
      }
      java.net.http.HttpResponse<String> metrics =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create("http://127.0.0.1:" + port.group(1) + "/metrics"))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());
      return metrics
          .body()
          .lines()
          .filter(line -> line.startsWith("operator_sdk_reconciliations_success_total"))
          .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
          .sum();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  private static Process operator(
      OperatorImage image,
      TestCluster cluster,
      SimulatorFixture kinsta,
      String namespaces,
      List<String> flags)
      throws IOException {
    List<String> extra = new ArrayList<>(flags);
    String extraFlags = System.getProperty("bench.operatorFlags", "").strip();
    if (!extraFlags.isEmpty()) {
      extra.addAll(List.of(extraFlags.split(" ")));
    }
    ProcessBuilder builder =
        new ProcessBuilder(image.javaCommand(extra, "dev.operators.kinsta.operator.OperatorMain"));
    builder.environment().put("KUBECONFIG", cluster.kubeconfig().toString());
    builder
        .environment()
        .put(OperatorConfig.KINSTA_API_URL, kinsta.simulator.kinstaBaseUrl().toString());
    builder
        .environment()
        .put(OperatorConfig.KINSTA_HOSTING_API_URL, kinsta.simulator.sevallaBaseUrl().toString());
    builder.environment().put(OperatorConfig.WATCH_NAMESPACES, namespaces);
    builder.environment().put(OperatorConfig.MANAGEMENT_PORT, "0");
    builder.redirectErrorStream(true);
    builder.redirectOutput(Path.of("target", "bench-operator.log").toFile());
    return builder.start();
  }

  /**
   * With {@code -Dbench.jcmd=<command>} (for example {@code VM.native_memory summary}, with {@code
   * -XX:NativeMemoryTracking=summary} in {@code bench.operatorFlags}), what jcmd says of the
   * operator at each memory figure, into {@code target/bench-jcmd-<point>.txt}. With {@code
   * -Dbench.smaps=true}, the kernel's account of each mapping too ({@code
   * target/bench-smaps-<point>.txt}): which part of the resident memory is heap, archive or stacks.
   */
  private static void diagnose(Process process, String point)
      throws IOException, InterruptedException {
    if (Boolean.getBoolean("bench.smaps")) {
      Files.copy(
          Path.of("/proc", Long.toString(process.pid()), "smaps"),
          Path.of("target", "bench-smaps-" + point + ".txt"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    String command = System.getProperty("bench.jcmd", "").strip();
    if (command.isEmpty()) {
      return;
    }
    List<String> jcmd = new ArrayList<>();
    jcmd.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
    jcmd.add(Long.toString(process.pid()));
    jcmd.addAll(List.of(command.split(" ")));
    new ProcessBuilder(jcmd)
        .redirectErrorStream(true)
        .redirectOutput(Path.of("target", "bench-jcmd-" + point + ".txt").toFile())
        .start()
        .waitFor();
  }

  /** Classes loaded by the process, as {@code jcmd VM.metaspace} reports them. */
  private static double loadedClasses(Process process) throws IOException, InterruptedException {
    Process jcmd =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(process.pid()),
                "VM.metaspace")
            .redirectErrorStream(true)
            .start();
    String out =
        new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    jcmd.waitFor();
    java.util.regex.Matcher classes =
        java.util.regex.Pattern.compile("Total Usage - \\d+ loaders, (\\d+) classes").matcher(out);
    return classes.find() ? Double.parseDouble(classes.group(1)) : -1;
  }

  private static double rssMib(Process process) throws IOException {
    for (String line :
        Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
      }
    }
    throw new IllegalStateException("no VmRSS for " + process.pid());
  }

  private static void namespace(KubernetesClient client, String name) {
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
  }

  /** The default settings with every interval {@value #K} times shorter. */
  static ReconcileSettings settings() {
    ReconcileSettings defaults = ReconcileSettings.from(OperatorConfig.fromEnvironment(Map.of()));
    return new ReconcileSettings(
        defaults.minPollInterval().dividedBy(K),
        defaults.maxPollInterval().dividedBy(K),
        defaults.operationGrace().dividedBy(K),
        defaults.resyncInterval().dividedBy(K),
        defaults.orphanAfter().dividedBy(K),
        defaults.defaultDeletionPolicy(),
        defaults.retryInitial().dividedBy(K),
        defaults.retryMax().dividedBy(K),
        defaults.creationWindow().dividedBy(K),
        defaults.stalledRetry().dividedBy(K),
        defaults.inventoryInterval().dividedBy(K),
        defaults.usageInterval().dividedBy(K),
        defaults.defaultApproval());
  }

  /** The default budget with every period {@value #K} times shorter. */
  static RateBudgetSettings budget() {
    RateBudgetSettings defaults = RateBudgetSettings.defaults();
    return new RateBudgetSettings(
        faster(defaults.perCompany()),
        faster(defaults.creations()),
        faster(defaults.logs()),
        faster(defaults.perIp()));
  }

  private static RateLimit faster(RateLimit limit) {
    return new RateLimit(limit.permits(), limit.period().dividedBy(K), limit.burst());
  }

  private static void waitFor(String what, Duration within, BooleanSupplier done)
      throws InterruptedException {
    waitFor(what, within, done, Duration.ofMillis(500));
  }

  private static void waitFor(
      String what, Duration within, BooleanSupplier done, Duration lookEvery)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(within);
    while (!done.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("timed out waiting for " + what);
      }
      Thread.sleep(lookEvery.toMillis());
    }
  }

  private static double seconds(Instant since) {
    return Duration.between(since, Instant.now()).toMillis() / 1000.0;
  }

  private static void print(String name, double value, String unit) {
    System.out.printf("bench %s %.2f %s%n", name, value, unit);
  }
}
