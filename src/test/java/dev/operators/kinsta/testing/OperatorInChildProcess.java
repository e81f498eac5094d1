package dev.operators.kinsta.testing;

import dev.operators.kinsta.client.KinstaClients;
import dev.operators.kinsta.operator.KinstaOperator;
import dev.operators.kinsta.operator.OperatorMain;
import dev.operators.kinsta.transport.ApiCallObserver;
import dev.operators.kinsta.transport.KinstaClientSettings;
import dev.operators.kinsta.transport.budget.RateBudgetSettings;
import dev.operators.kinsta.transport.budget.RateBudgets;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * The operator in a JVM of its own, on the test cluster and a simulator the test runs, with the
 * test settings and a creation window of {@code args[3]}: what {@code KillNineSweepTest} kills with
 * SIGKILL at chosen moments, as a node failure or an OOM kill would.
 *
 * <p>Arguments: kubeconfig file, Kinsta API base URL, hosting API base URL, creation window.
 */
public final class OperatorInChildProcess {
  private OperatorInChildProcess() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Config config = Config.fromKubeconfig(Files.readString(Path.of(args[0])));
    KubernetesClient kubernetes =
        new KubernetesClientBuilder()
            .withConfig(new ConfigBuilder(config).withUserAgent(OperatorMain.USER_AGENT).build())
            .build();
    RateBudgetSettings budget = RateBudgetSettings.roomy();
    KinstaClients clients =
        new KinstaClients(
            Vertx.vertx(),
            KinstaClientSettings.defaults()
                .withBaseUrls(URI.create(args[1]), URI.create(args[2]))
                .withBudget(budget)
                .withHostingBudget(budget)
                .withRequestTimeout(Duration.ofSeconds(5)),
            ApiCallObserver.NONE,
            new RateBudgets(budget));
    try {
      KinstaOperator.start(
          kubernetes,
          clients,
          OperatorHarness.fastSettings().withCreationWindow(Duration.parse(args[3])),
          Set.of(),
          Clock.systemUTC(),
          overrider -> {});
    } catch (RuntimeException failed) {
      StringWriter trace = new StringWriter();
      failed.printStackTrace(new PrintWriter(trace));
      System.out.println("failed: " + trace);
      System.exit(1);
    }
    System.out.println("started");
    System.out.flush();
    Thread.currentThread().join();
  }
}
