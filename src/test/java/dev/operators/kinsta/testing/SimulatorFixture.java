package dev.operators.kinsta.testing;

import static org.awaitility.Awaitility.await;

import dev.operators.kinsta.client.KinstaClients;
import dev.operators.kinsta.hosting.client.HostingApi;
import dev.operators.kinsta.simulator.KinstaSimulator;
import dev.operators.kinsta.simulator.SimulatorSettings;
import dev.operators.kinsta.transport.ApiCallObserver;
import dev.operators.kinsta.transport.ApiKey;
import dev.operators.kinsta.transport.KinstaClientSettings;
import dev.operators.kinsta.transport.KinstaCredentials;
import dev.operators.kinsta.transport.budget.RateBudgetSettings;
import dev.operators.kinsta.transport.budget.RateBudgets;
import dev.operators.kinsta.wordpress.client.KinstaApi;
import dev.operators.kinsta.wordpress.client.dto.OperationRef;
import dev.operators.kinsta.wordpress.client.dto.OperationStatus;
import io.vertx.core.Vertx;
import java.time.Duration;

/**
 * A simulator on a real socket, and Kinsta clients pointed at it. Close it after the test class.
 */
public final class SimulatorFixture implements AutoCloseable {
  public final KinstaSimulator simulator;
  public final Vertx vertx = Vertx.vertx();
  public final KinstaClients clients;
  private volatile ApiCallObserver observer = ApiCallObserver.NONE;

  private SimulatorFixture(
      SimulatorSettings settings, RateBudgetSettings budget, Duration timeout, boolean sevalla) {
    this(
        settings, budget, budget.writes() != null ? budget : RateBudgetSettings.sevalla(), timeout);
  }

  private SimulatorFixture(
      SimulatorSettings settings,
      RateBudgetSettings budget,
      RateBudgetSettings hostingBudget,
      Duration timeout) {
    this.simulator = KinstaSimulator.start(settings);
    KinstaClientSettings clientSettings =
        KinstaClientSettings.defaults()
            .withBaseUrls(simulator.kinstaBaseUrl(), simulator.sevallaBaseUrl())
            .withBudget(budget)
            .withHostingBudget(hostingBudget)
            .withRequestTimeout(timeout);
    this.clients =
        new KinstaClients(
            vertx,
            clientSettings,
            (endpoint, status, duration) -> observer.exchanged(endpoint, status, duration),
            new RateBudgets(budget));
  }

  /** Reports the clients' calls and budget to the operator's metrics, wired as in production. */
  public void reportTo(dev.operators.kinsta.metrics.OperatorMetrics metrics) {
    clients.budgets().withListener(metrics);
    metrics.watching(clients.budgets());
    observer = metrics;
  }

  /**
   * Fast operations and limits well above Kinsta's, so that functional tests never wait for the
   * budget; the budget itself is tested with Kinsta's limits elsewhere.
   */
  public static SimulatorFixture start() {
    return start(false);
  }

  public static SimulatorFixture start(boolean hostingOnSevalla) {
    return new SimulatorFixture(
        SimulatorSettings.fast().withRoomyRateLimits(),
        RateBudgetSettings.roomy(),
        Duration.ofSeconds(5),
        hostingOnSevalla);
  }

  public static SimulatorFixture start(
      SimulatorSettings settings,
      RateBudgetSettings budget,
      Duration timeout,
      boolean hostingOnSevalla) {
    return new SimulatorFixture(settings, budget, timeout, hostingOnSevalla);
  }

  /** Sevalla's tiers on both sides: the simulator's and the operator's hosting budget. */
  public static SimulatorFixture startWithSevallaTiers(
      SimulatorSettings settings, RateBudgetSettings hostingBudget, Duration timeout) {
    return new SimulatorFixture(settings, RateBudgetSettings.roomy(), hostingBudget, timeout);
  }

  public KinstaCredentials company(String name) {
    KinstaSimulator.SeededCompany company = simulator.addCompany(name);
    return new KinstaCredentials(ApiKey.of(company.apiKey()), company.companyId());
  }

  public KinstaApi kinsta(KinstaCredentials credentials) {
    return clients.kinsta(credentials);
  }

  public HostingApi hosting(KinstaCredentials credentials) {
    return clients.hosting(credentials);
  }

  /** Polls the operation until it has finished, and answers how it ended. */
  public static OperationStatus awaitOperation(KinstaApi api, OperationRef operation) {
    OperationStatus[] last = new OperationStatus[1];
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              last[0] = api.operations().getOperation(operation.operationId());
              return last[0].state() == OperationStatus.State.SUCCEEDED
                  || last[0].state() == OperationStatus.State.FAILED;
            });
    return last[0];
  }

  /**
   * The simulator answered only in the contract's shapes, and the client never sent a request it
   * refused.
   */
  public void assertContractKept() {
    org.junit.jupiter.api.Assertions.assertEquals(
        java.util.List.of(),
        simulator.contractViolations(),
        "simulator answers must match the contract");
    org.junit.jupiter.api.Assertions.assertEquals(
        0, simulator.journal().countStatus(400), "the client must never send an invalid request");
  }

  @Override
  public void close() {
    clients.close();
    simulator.close();
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }
}
