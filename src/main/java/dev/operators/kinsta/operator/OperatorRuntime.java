package dev.operators.kinsta.operator;

import dev.operators.kinsta.client.KinstaClients;
import dev.operators.kinsta.config.OperatorConfig;
import dev.operators.kinsta.metrics.OperatorMetrics;
import dev.operators.kinsta.reconcile.ReconcileSettings;
import dev.operators.kinsta.transport.KinstaClientSettings;
import dev.operators.kinsta.transport.budget.RateBudgets;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Everything the operator runs, built from its settings: the Kinsta clients with their budget and
 * metrics, the controllers, and the management server. The production main and local mode both
 * start one.
 */
public final class OperatorRuntime implements AutoCloseable {

  private final Vertx vertx;
  private final KinstaClients clients;
  private final ManagementServer management;
  private final KinstaOperator operator;
  private final PrometheusMeterRegistry registry;

  private OperatorRuntime(
      Vertx vertx,
      KinstaClients clients,
      ManagementServer management,
      KinstaOperator operator,
      PrometheusMeterRegistry registry) {
    this.vertx = vertx;
    this.clients = clients;
    this.management = management;
    this.operator = operator;
    this.registry = registry;
  }

  public static OperatorRuntime start(OperatorConfig config, KubernetesClient kubernetes) {
    return start(config, kubernetes, ReconcileSettings.from(config));
  }

  public static OperatorRuntime start(
      OperatorConfig config, KubernetesClient kubernetes, ReconcileSettings settings) {
    return start(config, kubernetes, settings, config.clientSettings());
  }

  /**
   * With Kinsta client settings of its own (local mode's fast simulator needs a roomier budget).
   */
  public static OperatorRuntime start(
      OperatorConfig config,
      KubernetesClient kubernetes,
      ReconcileSettings settings,
      KinstaClientSettings clientSettings) {
    Clock clock = Clock.systemUTC();
    Vertx vertx = Vertx.vertx();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    OperatorMetrics metrics = new OperatorMetrics(registry, clock);
    RateBudgets budgets = new RateBudgets(clientSettings.budget()).withListener(metrics);
    metrics.watching(budgets);
    KinstaClients clients = new KinstaClients(vertx, clientSettings, metrics, budgets);

    AtomicReference<KinstaOperator> running = new AtomicReference<>();
    ManagementServer management =
        ManagementServer.start(
            vertx,
            config.managementPort(),
            registry,
            () -> running.get() != null && running.get().operator().getRuntimeInfo().isStarted(),
            () ->
                running.get() != null
                    && running.get().operator().getRuntimeInfo().allEventSourcesAreHealthy());
    KinstaOperator operator =
        KinstaOperator.start(
            kubernetes,
            clients,
            settings,
            config.watchedNamespaces(),
            clock,
            overrider -> {
              if (config.leaderElection()) {
                overrider.withLeaderElectionConfiguration(
                    new LeaderElectionConfiguration(
                        config.leaseName(),
                        config.leaseNamespace().isBlank() ? null : config.leaseNamespace()));
              }
            },
            metrics);
    running.set(operator);
    return new OperatorRuntime(vertx, clients, management, operator, registry);
  }

  public int managementPort() {
    return management.port();
  }

  public KinstaOperator operator() {
    return operator;
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  @Override
  public void close() {
    operator.close();
    management.close();
    clients.close();
    vertx.close();
  }
}
