package dev.operators.kinsta.operator;

import dev.operators.kinsta.api.v1alpha1.ApiGroup;
import dev.operators.kinsta.api.v1alpha1.KinstaSpec;
import dev.operators.kinsta.api.v1alpha1.SchemaCheck;
import dev.operators.kinsta.client.KinstaClients;
import dev.operators.kinsta.company.CompanyReconciler;
import dev.operators.kinsta.hosting.application.ApplicationReconciler;
import dev.operators.kinsta.hosting.applicationaction.ApplicationActionReconciler;
import dev.operators.kinsta.hosting.database.DatabaseReconciler;
import dev.operators.kinsta.hosting.internalconnection.InternalConnectionReconciler;
import dev.operators.kinsta.hosting.inventory.DatabaseInventory;
import dev.operators.kinsta.hosting.inventory.HostingInventory;
import dev.operators.kinsta.hosting.pipeline.PipelineReconciler;
import dev.operators.kinsta.hosting.staticsite.StaticSiteReconciler;
import dev.operators.kinsta.metrics.OperatorMetrics;
import dev.operators.kinsta.reconcile.ConfigMapCache;
import dev.operators.kinsta.reconcile.ControllerServices;
import dev.operators.kinsta.reconcile.CredentialsProtection;
import dev.operators.kinsta.reconcile.CredentialsResolver;
import dev.operators.kinsta.reconcile.EventRecorder;
import dev.operators.kinsta.reconcile.JitteredRetry;
import dev.operators.kinsta.reconcile.KinstaReconciler;
import dev.operators.kinsta.reconcile.MetadataChangeFilter;
import dev.operators.kinsta.reconcile.OperationTracker;
import dev.operators.kinsta.reconcile.OwnedConfigMaps;
import dev.operators.kinsta.reconcile.OwnedSecrets;
import dev.operators.kinsta.reconcile.PrimaryCaches;
import dev.operators.kinsta.reconcile.ReconcileSettings;
import dev.operators.kinsta.reconcile.ResourceObserver;
import dev.operators.kinsta.reconcile.SecretCache;
import dev.operators.kinsta.usage.UsageReports;
import dev.operators.kinsta.wordpress.dnsrecord.DnsRecordReconciler;
import dev.operators.kinsta.wordpress.inventory.DnsInventory;
import dev.operators.kinsta.wordpress.inventory.SiteInventory;
import dev.operators.kinsta.wordpress.site.SiteReconciler;
import dev.operators.kinsta.wordpress.siteaction.SiteActionReconciler;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ConfigurationServiceOverrider;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controllers, wired to one Kubernetes client, one Kinsta client pool (with its shared rate
 * budget) and one set of settings. Used by the production main, local mode and the integration
 * tests alike.
 */
public final class KinstaOperator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KinstaOperator.class);
  private static final ListOptions ONE = new ListOptionsBuilder().withLimit(1L).build();

  static final int RECONCILE_THREADS = 16;

  private final Operator operator;
  private final CredentialsProtection credentialsProtection;
  private final ScheduledExecutorService inventoryRounds;
  private final SecretCache secrets;
  private final ConfigMapCache configMaps;
  private final @Nullable UsageReports usageReports;

  private KinstaOperator(
      Operator operator,
      CredentialsProtection credentialsProtection,
      ScheduledExecutorService inventoryRounds,
      SecretCache secrets,
      ConfigMapCache configMaps,
      @Nullable UsageReports usageReports) {
    this.operator = operator;
    this.credentialsProtection = credentialsProtection;
    this.inventoryRounds = inventoryRounds;
    this.secrets = secrets;
    this.configMaps = configMaps;
    this.usageReports = usageReports;
  }

  /**
   * Starts the controllers of every kind.
   *
   * @param namespaces the namespaces to watch, or empty for all
   * @param tuning further JOSDK settings (metrics, leader election)
   */
  public static KinstaOperator start(
      KubernetesClient client,
      KinstaClients kinsta,
      ReconcileSettings settings,
      Set<String> namespaces,
      Clock clock,
      Consumer<ConfigurationServiceOverrider> tuning) {
    return start(client, kinsta, settings, namespaces, clock, tuning, null);
  }

  /** As above, reporting to {@code metrics} (JOSDK's reconcile metrics and the operator's own). */
  public static KinstaOperator start(
      KubernetesClient client,
      KinstaClients kinsta,
      ReconcileSettings settings,
      Set<String> namespaces,
      Clock clock,
      Consumer<ConfigurationServiceOverrider> tuning,
      @Nullable OperatorMetrics metrics) {
    Operator operator =
        new Operator(
            overrider -> {
              overrider
                  .withKubernetesClient(client)
                  .withCloseClientOnStop(false)
                  .withResourceCloner(new MarkKeepingCloner(client.getKubernetesSerialization()))
                  // A reconcile never waits for the rate budget, only for an HTTP answer, so a few
                  // threads keep up with thousands of resources; each idle thread costs memory.
                  .withConcurrentReconciliationThreads(RECONCILE_THREADS)
                  .withConcurrentWorkflowExecutorThreads(1);
              if (metrics != null) {
                // Per-resource series would grow with the number of sites; per-controller ones are
                // what alerts need.
                overrider.withMetrics(
                    MicrometerMetrics.withoutPerResourceMetrics(metrics.registry()));
              }
              tuning.accept(overrider);
            });
    ControllerServices services =
        new ControllerServices(
            kinsta,
            new CredentialsResolver(
                kinsta, metrics == null ? CredentialsResolver.KeyObserver.NONE : metrics),
            new OperationTracker(settings, clock),
            new EventRecorder(client, clock),
            settings,
            clock,
            metrics == null ? ResourceObserver.NONE : metrics,
            new OwnedSecrets(client),
            new CredentialsProtection(client),
            new SiteInventory(settings.inventoryInterval(), clock),
            SecretCache.start(client, namespaces),
            ConfigMapCache.start(client, namespaces),
            new DatabaseInventory(settings.inventoryInterval(), clock),
            new DnsInventory(settings.inventoryInterval(), clock),
            new HostingInventory(settings.inventoryInterval(), clock),
            new PrimaryCaches(),
            new OwnedConfigMaps(client));
    register(operator, new SiteReconciler(services), settings, namespaces);
    register(operator, new DatabaseReconciler(services), settings, namespaces);
    register(operator, new ApplicationReconciler(services), settings, namespaces);
    register(operator, new InternalConnectionReconciler(services), settings, namespaces);
    register(operator, new DnsRecordReconciler(services), settings, namespaces);
    register(operator, new StaticSiteReconciler(services), settings, namespaces);
    register(operator, new PipelineReconciler(services), settings, namespaces);
    register(operator, new SiteActionReconciler(services), settings, namespaces);
    register(operator, new ApplicationActionReconciler(services), settings, namespaces);
    register(operator, new CompanyReconciler(services), settings, namespaces);
    warmUpSchemaChecksIfNeeded(client, namespaces);
    operator.start();
    releaseStartUpThreads(operator);
    // Each company is listed once per interval whether or not a reconcile asked, so drift made in
    // MyKinsta is seen within it; the first round waits for the controllers' first reconciles.
    ScheduledExecutorService inventoryRounds =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "kinsta-inventory");
              thread.setDaemon(true);
              return thread;
            });
    long every = services.sites().tick().toMillis();
    var unused =
        inventoryRounds.scheduleWithFixedDelay(
            services.sites()::refreshDue, every, every, TimeUnit.MILLISECONDS);
    // Usage is only reported where there is a registry to report it to.
    UsageReports usage =
        metrics == null
            ? null
            : UsageReports.start(services, metrics.registry(), settings.usageInterval());
    return new KinstaOperator(
        operator,
        services.credentialsProtection(),
        inventoryRounds,
        services.secrets(),
        services.configMaps(),
        usage);
  }

  private static <R extends CustomResource<? extends KinstaSpec, ?>> void register(
      Operator operator,
      KinstaReconciler<R, ?> reconciler,
      ReconcileSettings settings,
      Set<String> namespaces) {
    operator.register(
        reconciler,
        override -> {
          // A kind without a Kinsta object holds no finalizer;
          // it sees its deletion as a last reconcile instead.
          override
              .withTriggerReconcilerOnAllEvents(!(reconciler instanceof Cleaner<?>))
              .withGenerationAware(false)
              .withOnUpdateFilter(new MetadataChangeFilter<>())
              .withRetry(new JitteredRetry(settings.retryInitial(), settings.retryMax()))
              .withReconciliationMaxInterval(settings.resyncInterval());
          // JOSDK hands one item store to the informer of every watched namespace, and each
          // informer's list prunes what its own namespace lacks: with several namespaces, one
          // store would lose the others' resources. It is used only where one informer serves.
          if (namespaces.size() <= 1) {
            override.withItemStore(new StoreWithoutManagedFields<>());
          }
          if (!namespaces.isEmpty()) {
            override.settingNamespaces(namespaces);
          }
        });
  }

  /**
   * The schema checks load (the validator and CEL, a second or so) while the informers start, when
   * there is anything to check: one list of at most one object per kind tells.
   */
  /**
   * JOSDK starts every event source in parallel on a cached pool, whose threads then idle for 60 s
   * (one per event source: about 30 here, a few MiB of memory). Start-up is over once {@code
   * start()} returns, so they may go after a few seconds; the pool makes new ones if it is used
   * again.
   */
  private static void releaseStartUpThreads(Operator operator) {
    if (operator.getConfigurationService().getExecutorServiceManager().cachingExecutorService()
        instanceof ThreadPoolExecutor pool) {
      pool.setKeepAliveTime(5, TimeUnit.SECONDS);
    }
  }

  private static void warmUpSchemaChecksIfNeeded(KubernetesClient client, Set<String> namespaces) {
    Thread probe =
        new Thread(
            () -> {
              try {
                if (ApiGroup.KINDS.stream().anyMatch(kind -> anyExists(client, kind, namespaces))) {
                  SchemaCheck.warmUp();
                }
              } catch (KubernetesClientException unreadable) {
                LOG.debug("Schema checks left to the first reconcile: {}", unreadable.getMessage());
              }
            },
            "kinsta-schema-probe");
    probe.setDaemon(true);
    probe.start();
  }

  private static boolean anyExists(
      KubernetesClient client, Class<? extends CustomResource<?, ?>> kind, Set<String> namespaces) {
    if (namespaces.isEmpty()) {
      return !client.resources(kind).inAnyNamespace().list(ONE).getItems().isEmpty();
    }
    return namespaces.stream()
        .anyMatch(
            namespace ->
                !client.resources(kind).inNamespace(namespace).list(ONE).getItems().isEmpty());
  }

  public Operator operator() {
    return operator;
  }

  @Override
  public void close() {
    if (usageReports != null) {
      usageReports.close();
    }
    inventoryRounds.shutdownNow();
    operator.stop();
    secrets.close();
    configMaps.close();
    credentialsProtection.close();
  }
}
