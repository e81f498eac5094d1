package dev.operators.kinsta.testing;

import static org.awaitility.Awaitility.await;

import dev.operators.kinsta.api.v1alpha1.ApiGroup;
import dev.operators.kinsta.api.v1alpha1.KinstaSite;
import dev.operators.kinsta.operator.KinstaOperator;
import dev.operators.kinsta.reconcile.ReconcileSettings;
import dev.operators.kinsta.reconcile.StatusConditions;
import dev.operators.kinsta.simulator.KinstaSimulator;
import dev.operators.kinsta.testing.cluster.TestCluster;
import dev.operators.kinsta.transport.ApiKey;
import dev.operators.kinsta.transport.KinstaCredentials;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The real operator against the test run's real Kubernetes API server ({@link TestCluster}, CRDs
 * from {@code crds/}) and the Kinsta simulator over HTTP. One harness serves a test class; each
 * test takes a namespace of its own.
 */
public final class OperatorHarness implements AutoCloseable {
  private static final AtomicInteger NAMESPACES = new AtomicInteger();
  private static final List<Class<? extends CustomResource<?, ?>>> KINDS = ApiGroup.KINDS;

  /**
   * The Fabric8 mock API server, only for the few tests that need what a real one cannot give
   * (answers made to fail on purpose); {@code null} on the real test cluster, where every other
   * test runs.
   */
  public final KubernetesMockServer mockServer;

  /** What tests use to act as users. */
  public final KubernetesClient client;

  /**
   * What the operator uses: a client of its own, with the operator's user agent, so its calls can
   * be told apart.
   */
  public KubernetesClient operatorClient;

  public final SimulatorFixture kinsta;
  private ReconcileSettings settings;
  private Clock clock = Clock.systemUTC();
  private KinstaOperator operator;
  private Set<String> watchedNamespaces = Set.of();
  private final List<String> namespaces = new java.util.ArrayList<>();

  /** The registry the operator reports to, for tests of its metrics; null unless asked for. */
  public io.micrometer.prometheusmetrics.PrometheusMeterRegistry metrics;

  private OperatorHarness(
      SimulatorFixture kinsta, ReconcileSettings settings, boolean onMockServer) {
    this.kinsta = kinsta;
    this.settings = settings;
    Config userConfig;
    if (onMockServer) {
      Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
      this.mockServer =
          new KubernetesMockServer(
              new Context(Serialization.jsonMapper()),
              new MockWebServer(),
              responses,
              new KubernetesMixedDispatcher(responses),
              false);
      mockServer.init(InetAddress.getLoopbackAddress(), 0);
      userConfig = mockServer.createClient().getConfiguration();
    } else {
      this.mockServer = null;
      userConfig = TestCluster.shared().adminConfig();
    }
    this.client = new KubernetesClientBuilder().withConfig(userConfig).build();
    this.operatorClient =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder(userConfig)
                    .withUserAgent(dev.operators.kinsta.operator.OperatorMain.USER_AGENT)
                    .build())
            .build();
    if (onMockServer) {
      installCrds();
    }
  }

  /** Settings for tests: quick polls, quick retries, no drift resync unless a test asks for one. */
  public static ReconcileSettings fastSettings() {
    return new ReconcileSettings(
        Duration.ofMillis(100),
        Duration.ofMillis(500),
        Duration.ofSeconds(5),
        Duration.ofMinutes(10),
        Duration.ofSeconds(3),
        dev.operators.kinsta.api.v1alpha1.DeletionPolicy.Delete,
        Duration.ofMillis(200),
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        Duration.ofMinutes(10),
        Duration.ofSeconds(2),
        Duration.ofHours(1),
        dev.operators.kinsta.api.v1alpha1.Approval.None);
  }

  public static OperatorHarness start() {
    return start(SimulatorFixture.start(), fastSettings());
  }

  public static OperatorHarness start(SimulatorFixture kinsta, ReconcileSettings settings) {
    return start(kinsta, settings, Clock.systemUTC());
  }

  /** With the operator's clock under the test's control (schedules). */
  public static OperatorHarness start(
      SimulatorFixture kinsta, ReconcileSettings settings, Clock clock) {
    OperatorHarness harness = new OperatorHarness(kinsta, settings, false);
    harness.clock = clock;
    harness.startOperator();
    return harness;
  }

  /** With the operator reporting to a Prometheus registry ({@link #metrics}), as in production. */
  public static OperatorHarness startWithMetrics(ReconcileSettings settings) {
    return startWithMetrics(SimulatorFixture.start(), settings);
  }

  /** With metrics, on a simulator of the test's own (a tight budget). */
  public static OperatorHarness startWithMetrics(
      SimulatorFixture kinsta, ReconcileSettings settings) {
    OperatorHarness harness = new OperatorHarness(kinsta, settings, false);
    harness.metrics =
        new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
            io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT);
    harness.startOperator();
    return harness;
  }

  /**
   * On the Fabric8 mock API server instead of the test cluster: only for tests that need its
   * expectations.
   */
  public static OperatorHarness onMockServer() {
    OperatorHarness harness = new OperatorHarness(SimulatorFixture.start(), fastSettings(), true);
    harness.startOperator();
    return harness;
  }

  /**
   * A harness on the test cluster whose operator is not started yet (see {@link #startOperatorAs}).
   */
  public static OperatorHarness unstarted() {
    return new OperatorHarness(SimulatorFixture.start(), fastSettings(), false);
  }

  public void startOperator() {
    // The mock API server has no server-side apply, which JOSDK uses for finalizers on a real one.
    operator =
        KinstaOperator.start(
            operatorClient,
            kinsta.clients,
            settings,
            watchedNamespaces,
            clock,
            o -> o.withUseSSAToPatchPrimaryResource(mockServer == null),
            operatorMetrics());
  }

  private dev.operators.kinsta.metrics.@org.jspecify.annotations.Nullable OperatorMetrics
      operatorMetrics() {
    if (metrics == null) {
      return null;
    }
    dev.operators.kinsta.metrics.OperatorMetrics reporting =
        new dev.operators.kinsta.metrics.OperatorMetrics(metrics, clock);
    kinsta.reportTo(reporting);
    return reporting;
  }

  /**
   * Starts the operator with another identity (a service account's token, as a Helm install gives
   * it) and, when {@code namespaces} is not empty, watching only those.
   */
  public void startOperatorAs(String token, Set<String> namespaces) {
    stopOperator();
    operatorClient.close();
    operatorClient =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder(TestCluster.shared().config(token))
                    .withUserAgent(dev.operators.kinsta.operator.OperatorMain.USER_AGENT)
                    .build())
            .build();
    watchedNamespaces = Set.copyOf(namespaces);
    startOperator();
  }

  /**
   * Which namespaces the operator watches from its next start: these only, or every namespace when
   * empty (the default).
   */
  public void watch(Set<String> namespaces) {
    watchedNamespaces = Set.copyOf(namespaces);
  }

  /** Whether the running operator's event sources (informers included) are all healthy. */
  public boolean operatorHealthy() {
    return operator != null && operator.operator().getRuntimeInfo().allEventSourcesAreHealthy();
  }

  public void stopOperator() {
    if (operator != null) {
      operator.close();
      operator = null;
    }
  }

  /** Stops the operator and starts a new one, as after a crash or a rollout. */
  public void restartOperator() {
    stopOperator();
    startOperator();
  }

  public void restartOperator(ReconcileSettings newSettings) {
    stopOperator();
    settings = newSettings;
    startOperator();
  }

  private void installCrds() {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of("crds"), "*.yml")) {
      for (Path file : files) {
        try (InputStream in = Files.newInputStream(file)) {
          CustomResourceDefinition crd =
              client.apiextensions().v1().customResourceDefinitions().load(in).item();
          client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read crds/", e);
    }
  }

  /** A fresh namespace with a credentials Secret {@code kinsta} for a new simulated company. */
  public Tenant tenant() {
    String namespace = newNamespace();
    KinstaSimulator.SeededCompany seeded = kinsta.simulator.addCompany(namespace);
    return tenant(
        namespace,
        new KinstaCredentials(ApiKey.of(seeded.apiKey()), seeded.companyId()),
        seeded.apiKey());
  }

  /** Another namespace whose credentials Secret holds the same company's key as {@code other}. */
  public Tenant sameCompanyAs(Tenant other) {
    return tenant(newNamespace(), other.company, other.apiKey);
  }

  private Tenant tenant(String namespace, KinstaCredentials credentials, String apiKey) {
    Tenant tenant = new Tenant(this, namespace, credentials, apiKey);
    tenant.secret("kinsta", Map.of("apiKey", apiKey, "companyId", credentials.companyId()));
    return tenant;
  }

  private String newNamespace() {
    String namespace = "agency-" + NAMESPACES.incrementAndGet();
    namespaces.add(namespace);
    client
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .create();
    return namespace;
  }

  @Override
  public void close() {
    stopOperator();
    if (mockServer == null) {
      releaseNamespaces();
    }
    operatorClient.close();
    client.close();
    if (mockServer != null) {
      mockServer.destroy();
    }
    kinsta.close();
  }

  /**
   * The test cluster outlives this harness: its tenants' namespaces are deleted, with the
   * operator's finalizers taken off first (no operator is left to handle them), so the next test
   * class starts on a quiet cluster.
   */
  private void releaseNamespaces() {
    for (String namespace : namespaces) {
      for (Class<? extends CustomResource<?, ?>> kind : KINDS) {
        for (var resource : client.resources(kind).inNamespace(namespace).list().getItems()) {
          if (resource.getMetadata().getFinalizers() != null
              && !resource.getMetadata().getFinalizers().isEmpty()) {
            client
                .resources(kind)
                .inNamespace(namespace)
                .withName(resource.getMetadata().getName())
                .edit(
                    r -> {
                      r.getMetadata().setFinalizers(List.of());
                      return r;
                    });
          }
        }
      }
      for (Secret secret : client.secrets().inNamespace(namespace).list().getItems()) {
        if (secret.getMetadata().getFinalizers() != null
            && !secret.getMetadata().getFinalizers().isEmpty()) {
          // A merge patch: the operator may be releasing the same finalizer at this moment, and a
          // patch computed against the listed copy would then be refused (422).
          client
              .secrets()
              .inNamespace(namespace)
              .withName(secret.getMetadata().getName())
              .patch(
                  io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
                      io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE),
                  "{\"metadata\":{\"finalizers\":null}}");
        }
      }
      client.namespaces().withName(namespace).delete();
    }
  }

  /** A namespace of its own and the simulated company its Secret points at. */
  public static final class Tenant {
    public final OperatorHarness harness;
    public final String namespace;
    public final KinstaCredentials company;

    /** The raw key, for tests that write Secrets and check that it never leaks. */
    public final String apiKey;

    Tenant(OperatorHarness harness, String namespace, KinstaCredentials company, String apiKey) {
      this.harness = harness;
      this.namespace = namespace;
      this.company = company;
      this.apiKey = apiKey;
    }

    public String companyId() {
      return company.companyId();
    }

    public void secret(String name, Map<String, String> values) {
      Map<String, String> data = new HashMap<>();
      values.forEach(
          (k, v) ->
              data.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
      harness
          .client
          .secrets()
          .inNamespace(namespace)
          .resource(
              new SecretBuilder()
                  .withNewMetadata()
                  .withName(name)
                  .withNamespace(namespace)
                  .endMetadata()
                  .withData(data)
                  .build())
          .createOr(existing -> existing.update());
    }

    public void deleteSecret(String name) {
      harness.client.secrets().inNamespace(namespace).withName(name).delete();
    }

    public <T extends HasMetadata> T create(T resource) {
      resource.getMetadata().setNamespace(namespace);
      return harness.client.resource(resource).create();
    }

    public <T extends HasMetadata> T get(Class<T> type, String name) {
      return harness.client.resources(type).inNamespace(namespace).withName(name).get();
    }

    /**
     * Edits as a user would; a conflict with the operator's own write is retried, as kubectl users
     * do.
     */
    public <T extends HasMetadata> T edit(Class<T> type, String name, Consumer<T> change) {
      for (int attempt = 1; ; attempt++) {
        try {
          return harness
              .client
              .resources(type)
              .inNamespace(namespace)
              .withName(name)
              .edit(
                  r -> {
                    change.accept(r);
                    return r;
                  });
        } catch (io.fabric8.kubernetes.client.KubernetesClientException conflict) {
          if (conflict.getCode() != 409 || attempt == 5) {
            throw conflict;
          }
        }
      }
    }

    public <T extends HasMetadata> void delete(Class<T> type, String name) {
      harness.client.resources(type).inNamespace(namespace).withName(name).delete();
    }

    public <T extends HasMetadata> void awaitGone(Class<T> type, String name, Duration within) {
      await().atMost(within).ignoreExceptions().until(() -> get(type, name) == null);
    }

    /**
     * Waits until the resource's condition has this status (and reason, when given), and returns
     * the resource.
     */
    public <T extends CustomResource<?, ?>> T awaitCondition(
        Class<T> type,
        String name,
        String condition,
        String status,
        String reason,
        Duration within) {
      return await()
          .atMost(within)
          .ignoreExceptions()
          .until(
              () -> get(type, name),
              r -> {
                Optional<Condition> found =
                    conditions(r).stream().filter(c -> condition.equals(c.getType())).findFirst();
                return found.isPresent()
                    && status.equals(found.get().getStatus())
                    && (reason == null || reason.equals(found.get().getReason()))
                    && java.util.Objects.equals(
                        found.get().getObservedGeneration(), r.getMetadata().getGeneration());
              });
    }

    /** Sets one annotation, as {@code kubectl annotate --overwrite} does. */
    public <T extends HasMetadata> void annotate(
        Class<T> type, String name, String annotation, String value) {
      edit(
          type,
          name,
          resource -> {
            Map<String, String> annotations =
                new HashMap<>(
                    resource.getMetadata().getAnnotations() == null
                        ? Map.of()
                        : resource.getMetadata().getAnnotations());
            annotations.put(annotation, value);
            resource.getMetadata().setAnnotations(annotations);
          });
    }

    /**
     * Sets the reconcile-requested-at annotation to {@code token} and waits until the operator
     * handled it.
     */
    public <T extends CustomResource<?, ?>> T requestReconcile(
        Class<T> type, String name, String token) {
      annotate(
          type,
          name,
          dev.operators.kinsta.api.v1alpha1.ApiGroup.RECONCILE_REQUESTED_ANNOTATION,
          token);
      return await()
          .atMost(Duration.ofSeconds(20))
          .ignoreExceptions()
          .until(
              () -> get(type, name),
              resource ->
                  token.equals(
                      ((dev.operators.kinsta.api.v1alpha1.KinstaStatus) resource.getStatus())
                          .lastHandledReconcileAt));
    }

    public KinstaSite awaitSiteReady(String name) {
      return awaitCondition(
          KinstaSite.class, name, StatusConditions.READY, "True", null, Duration.ofSeconds(30));
    }

    public KinstaSite awaitSiteStalled(String name, String reason) {
      return awaitCondition(
          KinstaSite.class, name, StatusConditions.STALLED, "True", reason, Duration.ofSeconds(30));
    }

    /** Requests this tenant's company made to {@code "METHOD /template"}. */
    /** How many resources of the kind in this namespace are Ready for their generation. */
    public <T extends HasMetadata> long readyCount(Class<T> type) {
      return harness.client.resources(type).inNamespace(namespace).list().getItems().stream()
          .filter(dev.operators.kinsta.reconcile.StatusConditions::isReadyAndCurrent)
          .count();
    }

    public long calls(String endpoint) {
      return harness
          .kinsta
          .simulator
          .journal()
          .matching(e -> companyId().equals(e.company()) && e.endpoint().equals(endpoint))
          .size();
    }

    /** Every request this tenant's company made other than GETs. */
    public long writes() {
      return harness
          .kinsta
          .simulator
          .journal()
          .matching(e -> companyId().equals(e.company()) && !e.method().equals("GET"))
          .size();
    }

    /** Every request this tenant's company made. */
    public long calls() {
      return harness
          .kinsta
          .simulator
          .journal()
          .matching(e -> companyId().equals(e.company()))
          .size();
    }

    public List<Event> events() {
      return harness.client.v1().events().inNamespace(namespace).list().getItems();
    }

    @SuppressWarnings("unchecked")
    public static List<Condition> conditions(CustomResource<?, ?> resource) {
      Object status = resource.getStatus();
      if (status instanceof dev.operators.kinsta.api.v1alpha1.KinstaStatus kinstaStatus) {
        return kinstaStatus.conditions;
      }
      return List.of();
    }
  }
}
