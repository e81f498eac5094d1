package dev.operators.kinsta.local;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.operators.kinsta.api.v1alpha1.KinstaDatabase;
import dev.operators.kinsta.api.v1alpha1.KinstaSite;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The README's first command, in-process, on one Kubernetes API or another: the examples converge,
 * kubectl works against it as a user types it, and the management server answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class LocalModeChecks {
  final ByteArrayOutputStream output = new ByteArrayOutputStream();
  LocalMode local;

  /** {@code KINSTA_LOCAL_KUBERNETES}. */
  abstract String kubernetes();

  /** The kubectl binary to run, or null when there is none to test with. */
  abstract Path kubectlBinary();

  /**
   * {@code KINSTA_LOCAL_SIMULATOR}: realistic is what the README's first command runs, and what its
   * promise is measured on.
   */
  abstract String simulator();

  /** How long the examples may take to converge. */
  abstract Duration convergeWithin();

  /** The version the API server reports. */
  abstract String serverVersion();

  /** kubectl apply's arguments before {@code -f}. */
  abstract List<String> apply();

  @BeforeAll
  void start() {
    String directory = "target/local-test-" + kubernetes();
    LocalSettings settings =
        LocalSettings.fromEnvironment(
            Map.of(
                "KINSTA_LOCAL_SIMULATOR",
                simulator(),
                "KINSTA_LOCAL_KUBERNETES",
                kubernetes(),
                "KINSTA_LOCAL_KUBECONFIG",
                directory + "/kubeconfig",
                "KINSTA_LOCAL_EXIT_WHEN_READY",
                "true"));
    local = LocalMode.start(settings, new PrintStream(output, true, StandardCharsets.UTF_8));
  }

  @AfterAll
  void stop() {
    local.close();
  }

  @Test
  @Order(1)
  void theExamplesConvergeAndTheTableSaysSo() throws InterruptedException {
    assertTrue(local.watchUntilReady(convergeWithin()), output.toString(StandardCharsets.UTF_8));
    System.out.println(
        "local mode ("
            + kubernetes()
            + ", "
            + simulator()
            + " simulator): every example Ready "
            + local.readyAfter().orElseThrow().toSeconds()
            + " s after the operator started");
    dev.operators.kinsta.testing.CallLedger.check(
        "examples-" + simulator(),
        "The README's examples (examples/) applied in local mode, "
            + simulator()
            + " simulator, until every\none is Ready: what the first command costs the company.",
        local.simulator().journal().entries());

    String printed = output.toString(StandardCharsets.UTF_8);
    assertTrue(
        printed.contains(
            "export KUBECONFIG="
                + Path.of("target/local-test-" + kubernetes() + "/kubeconfig").toAbsolutePath()),
        printed);
    assertTrue(printed.contains("Kinsta resources are Ready, "), printed);
    List<KinstaSite> sites =
        local.kubernetes().resources(KinstaSite.class).inAnyNamespace().list().getItems();
    long examples =
        ExampleSet.load(Path.of("examples")).kinstaResources().stream()
            .filter(r -> "KinstaSite".equals(r.path("kind").asText()))
            .count();
    assertTrue(sites.size() >= examples);
    for (KinstaDatabase database :
        local.kubernetes().resources(KinstaDatabase.class).inAnyNamespace().list().getItems()) {
      assertTrue(
          local
                  .kubernetes()
                  .secrets()
                  .inNamespace(database.getMetadata().getNamespace())
                  .withName(database.getStatus().connectionSecret)
                  .get()
              != null,
          "connection Secret written");
    }
    for (KinstaSite site : sites) {
      String siteId = site.getStatus().siteId;
      assertTrue(
          local.simulator().<Boolean>read(state -> state.sites.containsKey(siteId)),
          site.getMetadata().getName() + " has its site in the simulator");
    }
    assertTrue(
        local.simulator().contractViolations().isEmpty(),
        local.simulator().contractViolations().toString());
  }

  @Test
  @Order(2)
  void kubectlAppliesWaitsDescribesAndDeletes() throws Exception {
    assumeTrue(kubectlBinary() != null, "kubectl is not installed");
    Result version = kubectl("version");
    assertTrue(version.output.contains("Server Version: " + serverVersion()), version.output);

    Path manifest =
        Files.writeString(
            Files.createTempFile("kubectl-site", ".yaml"),
            """
        apiVersion: kinsta.operators.dev/v1alpha1
        kind: KinstaSite
        metadata: {name: from-kubectl, namespace: client-acme}
        spec:
          credentialsRef: {name: kinsta-credentials}
          displayName: Made with kubectl
          region: europe-west3
          plain: {}
        """);
    Result applied = kubectl(applyArgs(manifest));
    assertEquals(0, applied.code, applied.output);
    assertTrue(
        applied.output.contains("kinstasite.kinsta.operators.dev/from-kubectl created"),
        applied.output);

    Result waited =
        kubectl(
            "wait",
            "--for=condition=Ready",
            "ksite/from-kubectl",
            "-n",
            "client-acme",
            "--timeout=90s");
    assertEquals(0, waited.code, waited.output);
    assertTrue(waited.output.contains("condition met"), waited.output);

    Result table = kubectl("get", "ksite", "from-kubectl", "-n", "client-acme");
    assertTrue(table.output.contains("READY") && table.output.contains("SITE ID"), table.output);
    assertTrue(
        table.output.lines().anyMatch(l -> l.startsWith("from-kubectl") && l.contains("True")),
        table.output);

    Result json = kubectl("get", "kinsta", "-A", "-o", "json");
    JsonNode list = Serialization.jsonMapper().readTree(json.output);
    assertTrue(list.path("items").size() >= 10, "the category kinsta lists every Kinsta resource");

    Files.writeString(
        manifest,
        Files.readString(manifest)
            .replace("plain: {}", "plain: {}\n  environments: {live: {phpVersion: \"8.1\"}}"));
    Result configured = kubectl(applyArgs(manifest));
    assertTrue(configured.output.contains("configured"), configured.output);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                "8.1"
                    .equals(
                        kubectl(
                                "get",
                                "ksite",
                                "from-kubectl",
                                "-n",
                                "client-acme",
                                "-o",
                                "jsonpath={.status.environments[0].phpVersion}")
                            .output
                            .trim()));

    Result described = kubectl("describe", "ksite", "from-kubectl", "-n", "client-acme");
    assertTrue(
        described
            .output
            .lines()
            .anyMatch(
                l -> l.contains("Normal") && l.contains("Ready") && l.contains("kinsta-operator")),
        "describe shows the resource's events: " + described.output);

    Result deleted = kubectl("delete", "-f", manifest.toString(), "--timeout=90s");
    assertEquals(0, deleted.code, deleted.output);
    assertEquals(
        null,
        local
            .kubernetes()
            .resources(KinstaSite.class)
            .inNamespace("client-acme")
            .withName("from-kubectl")
            .get());
  }

  @Test
  @Order(3)
  void servesMetricsAndHealth() throws Exception {
    local.watchUntilReady(convergeWithin());
    HttpClient http = HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + local.runtime().managementPort();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> get(http, base + "/readyz").statusCode() == 200);
    assertEquals(200, get(http, base + "/healthz").statusCode());

    String metrics = get(http, base + "/metrics").body();
    for (String name :
        List.of(
            "kinsta_api_requests_seconds_count",
            "kinsta_rate_budget_available",
            "kinsta_rate_budget_granted_total",
            "kinsta_resources",
            "kinsta_operations_duration_seconds_count",
            "kinsta_api_key_expiry_seconds",
            "operator_sdk_reconciliations_started_total",
            "jvm_memory_used_bytes")) {
      assertTrue(metrics.contains(name), name + " is exported");
    }
    assertTrue(metrics.contains("kinsta_resources{kind=\"KinstaSite\",state=\"Ready\"}"), metrics);
    assertTrue(
        metrics.contains("endpoint=\"POST /sites\""), "endpoints are labelled by their template");
    assertTrue(!metrics.contains("local-demo-api-key"), "no API key in metrics");
    // What each client uses: the first usage round comes a few seconds after start.
    String usage =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> get(http, base + "/metrics").body(),
                body ->
                    body.contains("kinsta_site_visits_this_month{")
                        && body.contains("kinsta_application_requests_per_minute{"));
    assertTrue(usage.contains("namespace=\"client-acme\""), "labelled by the client's namespace");
  }

  private static HttpResponse<String> get(HttpClient http, String url)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private record Result(int code, String output) {}

  private String[] applyArgs(Path manifest) {
    List<String> args = new ArrayList<>(apply());
    args.addAll(List.of("-f", manifest.toString()));
    return args.toArray(String[]::new);
  }

  private Result kubectl(String... args) throws IOException, InterruptedException {
    String directory = "target/local-test-" + kubernetes();
    List<String> command =
        new ArrayList<>(
            List.of(kubectlBinary().toString(), "--cache-dir=" + directory + "/kube-cache"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("KUBECONFIG", local.kubeconfig().toString());
    builder.environment().put("HOME", Path.of(directory).toAbsolutePath().toString());
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return new Result(-1, out);
    }
    return new Result(process.exitValue(), out);
  }
}
