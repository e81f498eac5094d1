package dev.operators.kinsta.testing.cluster;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A real Kubernetes control plane for the test run: etcd, kube-apiserver and
 * kube-controller-manager, built from the Go modules pinned in {@code src/test/kube} (by its {@code
 * build.sh}, cached outside the work tree). The API server listens on loopback only, serves a
 * certificate from a CA made for this run, authenticates bearer tokens and authorizes with RBAC;
 * the controller manager runs the garbage collector, namespace deletion and service accounts. It
 * starts once per JVM ({@link #shared()}), with {@code crds/} installed, and stops when the JVM
 * ends.
 */
public final class TestCluster implements AutoCloseable {
  /**
   * Tokens of the test run's administrator (system:masters), for tests and the controller manager.
   */
  private static final String ADMIN_USER = "kinsta-test-admin";

  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
  private static TestCluster shared;

  private final Path workDir;
  private final Path binDir;
  private final String adminToken = UUID.randomUUID().toString();
  private final List<ClusterProcess> processes = new ArrayList<>();
  private ClusterCertificates certificates;
  private int apiPort;
  private Path kubeconfig;
  private Path auditLog;
  private String etcdUrl;
  private KubernetesClient admin;

  private TestCluster(Path binDir, Path workDir) {
    this.binDir = binDir;
    this.workDir = workDir;
  }

  /** The run's cluster, started (and built, if the cache does not have it) at the first call. */
  public static synchronized TestCluster shared() {
    if (shared == null) {
      shared =
          start(Path.of("target", "test-cluster", Long.toString(ProcessHandle.current().pid())), 0);
    }
    return shared;
  }

  /**
   * A cluster of its own, its files in {@code workDir}, the API server on {@code apiPort} (0 for a
   * free one); it stops on {@link #close()} or when the JVM ends.
   */
  public static TestCluster start(Path workDir, int apiPort) {
    TestCluster cluster = new TestCluster(TestClusterBinaries.locate(), workDir.toAbsolutePath());
    cluster.apiPort = apiPort;
    Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "test-cluster-stop"));
    cluster.start();
    return cluster;
  }

  private void start() {
    try {
      Files.createDirectories(workDir);
      deleteRecursively(
          workDir.resolve("etcd")); // a previous run that was killed may have left its data
      certificates = ClusterCertificates.generate(workDir.resolve("pki"));
      startEtcd();
      startApiServer();
      startControllerManager();
      installCrds();
    } catch (IOException | RuntimeException e) {
      close();
      throw new IllegalStateException(
          "the test cluster did not start; its logs are in " + workDir, e);
    }
  }

  private void startEtcd() throws IOException {
    int clientPort = freePort();
    int peerPort = freePort();
    String client = "http://127.0.0.1:" + clientPort;
    String peer = "http://127.0.0.1:" + peerPort;
    processes.add(
        ClusterProcess.start(
            "etcd",
            binDir.resolve("etcd"),
            List.of(
                "--name=test",
                "--data-dir=" + workDir.resolve("etcd"),
                "--listen-client-urls=" + client,
                "--advertise-client-urls=" + client,
                "--listen-peer-urls=" + peer,
                "--initial-advertise-peer-urls=" + peer,
                "--initial-cluster=test=" + peer,
                "--log-level=warn",
                // A test cluster's data is thrown away; skipping fsync keeps etcd from dominating
                // the run time.
                "--unsafe-no-fsync"),
            workDir));
    etcdUrl = client;
    awaitPort("etcd", clientPort);
  }

  private void startApiServer() throws IOException {
    apiPort = apiPort == 0 ? freePort() : apiPort;
    Path tokens = workDir.resolve("tokens.csv");
    Files.writeString(tokens, adminToken + "," + ADMIN_USER + ",admin-uid,system:masters\n");
    Path auditPolicy = workDir.resolve("audit-policy.yaml");
    // Service accounts' requests only: the RBAC tests run
    // the operator as one and read what it did here.
    Files.writeString(
        auditPolicy,
        """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        omitStages: ["RequestReceived"]
        rules:
        - level: Metadata
          userGroups: ["system:serviceaccounts"]
        - level: None
        """);
    auditLog = workDir.resolve("audit.log");
    processes.add(
        ClusterProcess.start(
            "kube-apiserver",
            binDir.resolve("kube-apiserver"),
            List.of(
                "--etcd-servers=" + etcdUrl,
                "--bind-address=127.0.0.1",
                "--advertise-address=127.0.0.1",
                "--secure-port=" + apiPort,
                "--tls-cert-file=" + certificates.servingCertificate(),
                "--tls-private-key-file=" + certificates.servingKey(),
                "--client-ca-file=" + certificates.caCertificate(),
                "--token-auth-file=" + tokens,
                "--authorization-mode=RBAC",
                "--anonymous-auth=false",
                "--service-cluster-ip-range=10.96.0.0/24",
                "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
                "--service-account-key-file=" + certificates.serviceAccountPublicKey(),
                "--service-account-signing-key-file=" + certificates.serviceAccountPrivateKey(),
                "--audit-policy-file=" + auditPolicy,
                "--audit-log-path=" + auditLog,
                "--audit-log-mode=blocking",
                "--endpoint-reconciler-type=none",
                "--cert-dir=" + workDir.resolve("apiserver-certs")),
            workDir));
    admin = new KubernetesClientBuilder().withConfig(config(adminToken)).build();
    await("the API server to be ready")
        .atMost(START_TIMEOUT)
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .until(
            () -> {
              requireRunning();
              return "ok".equals(admin.raw("/readyz"));
            });
    kubeconfig = writeKubeconfig("admin", adminToken);
  }

  private void startControllerManager() throws IOException {
    Path managerConfig = writeKubeconfig("controller-manager", adminToken);
    processes.add(
        ClusterProcess.start(
            "kube-controller-manager",
            binDir.resolve("kube-controller-manager"),
            List.of(
                "--kubeconfig=" + managerConfig,
                "--controllers=garbage-collector-controller,namespace-controller,serviceaccount-controller,"
                    + "serviceaccount-token-controller,root-ca-certificate-publisher-controller",
                "--service-account-private-key-file=" + certificates.serviceAccountPrivateKey(),
                "--root-ca-file=" + certificates.caCertificate(),
                "--leader-elect=false",
                "--secure-port=0",
                // Namespaces and garbage go within a second or two, as in a busy cluster; tests
                // wait on them.
                "--concurrent-gc-syncs=5",
                "--concurrent-namespace-syncs=5"),
            workDir));
    // The service account controller gives every namespace
    // its "default" account: proof the manager runs.
    await("the controller manager to run")
        .atMost(START_TIMEOUT)
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .until(
            () -> {
              requireRunning();
              return admin.serviceAccounts().inNamespace("default").withName("default").get()
                  != null;
            });
  }

  private void installCrds() throws IOException {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of("crds"), "*.yml")) {
      for (Path file : files) {
        try (InputStream in = Files.newInputStream(file)) {
          CustomResourceDefinition crd =
              admin.apiextensions().v1().customResourceDefinitions().load(in).item();
          admin.apiextensions().v1().customResourceDefinitions().resource(crd).serverSideApply();
        }
      }
    }
    await("the CRDs to be established")
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                admin.apiextensions().v1().customResourceDefinitions().list().getItems().stream()
                    .filter(crd -> crd.getSpec().getGroup().equals("kinsta.operators.dev"))
                    .allMatch(
                        crd ->
                            crd.getStatus() != null
                                && crd.getStatus().getConditions().stream()
                                    .anyMatch(
                                        c ->
                                            "Established".equals(c.getType())
                                                && "True".equals(c.getStatus()))));
  }

  private void requireRunning() {
    for (ClusterProcess process : processes) {
      if (!process.isAlive()) {
        throw new IllegalStateException(process.name() + " exited; see " + process.log);
      }
    }
  }

  /** A client configuration for a bearer token (a service account's, or the administrator's). */
  public Config config(String token) {
    return new ConfigBuilder(Config.empty())
        .withMasterUrl(apiServerUrl())
        .withCaCertData(base64(certificates.caCertificate()))
        .withOauthToken(token)
        .withRequestTimeout(30_000)
        .withConnectionTimeout(10_000)
        .build();
  }

  /** A client configuration with full rights. */
  public Config adminConfig() {
    return config(adminToken);
  }

  /** The administrator's client; callers must not close it. */
  public KubernetesClient admin() {
    return admin;
  }

  public String apiServerUrl() {
    return "https://127.0.0.1:" + apiPort;
  }

  /** A kubeconfig file for the administrator, for {@code kubectl} and Helm. */
  public Path kubeconfig() {
    return kubeconfig;
  }

  /** The audit log: every request made by a service account, one JSON event per line. */
  public Path auditLog() {
    return auditLog;
  }

  public Path binary(String name) {
    return binDir.resolve(name);
  }

  /** Writes a kubeconfig for {@code token} and returns its path. */
  public Path writeKubeconfig(String name, String token) throws IOException {
    Path file = workDir.resolve(name + ".kubeconfig");
    Files.writeString(
        file,
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: test
          cluster:
            server: %s
            certificate-authority: %s
        users:
        - name: %s
          user:
            token: %s
        contexts:
        - name: test
          context:
            cluster: test
            user: %s
        current-context: test
        """
            .formatted(apiServerUrl(), certificates.caCertificate(), name, token, name));
    return file;
  }

  @Override
  public synchronized void close() {
    if (admin != null) {
      admin.close();
      admin = null;
    }
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).close();
    }
    processes.clear();
    deleteRecursively(workDir.resolve("etcd"));
  }

  private static String base64(Path file) {
    try {
      return Base64.getEncoder()
          .encodeToString(Files.readString(file).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private void awaitPort(String name, int port) {
    await(name + " to listen")
        .atMost(START_TIMEOUT)
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptions()
        .until(
            () -> {
              requireRunning();
              try (java.net.Socket socket =
                  new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
                return true;
              }
            });
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
