package dev.operators.kinsta.local;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * A Kubernetes API server in this JVM: the Fabric8 mock server in CRUD mode behind {@link
 * KubeApiShim}, with the operator's CRDs installed. It keeps objects in memory only, serves plain
 * HTTP on the loopback interface, and runs no admission (no schema or CEL validation; the tests
 * check those against the CRDs instead).
 */
public final class EmbeddedKubernetes implements AutoCloseable {
  private final KubernetesMockServer server;
  private final KubernetesClient client;

  private EmbeddedKubernetes(int port) {
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    VersionInfo version =
        new VersionInfo.Builder()
            .withMajor("1")
            .withMinor(KubeApiShim.KUBERNETES_VERSION.substring(2))
            .withGitVersion("v" + KubeApiShim.KUBERNETES_VERSION + ".0")
            .build();
    this.server =
        new KubernetesMockServer(
            new Context(Serialization.jsonMapper()),
            new MockWebServer(),
            responses,
            new KubeApiShim(new KubernetesMixedDispatcher(responses)),
            false,
            version);
    server.init(InetAddress.getLoopbackAddress(), port);
    this.client = server.createClient();
  }

  /**
   * Starts on {@code port} of 127.0.0.1 (0 for a free one) and installs the CRDs found on the class
   * path.
   */
  public static EmbeddedKubernetes start(int port, List<String> crdResources) {
    EmbeddedKubernetes kubernetes = new EmbeddedKubernetes(port);
    for (String resource : crdResources) {
      kubernetes.installCrd(resource);
    }
    return kubernetes;
  }

  private void installCrd(String resource) {
    try (InputStream in = EmbeddedKubernetes.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("CRD " + resource + " is not on the class path");
      }
      CustomResourceDefinition crd =
          client.apiextensions().v1().customResourceDefinitions().load(in).item();
      client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public KubernetesClient client() {
    return client;
  }

  public String url() {
    return "http://" + server.getHostName() + ":" + server.getPort();
  }

  /**
   * Writes a kubeconfig for this server (no credentials: the embedded server accepts anyone on
   * loopback).
   */
  public Path writeKubeconfig(Path file) {
    String config =
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: kinsta-local
          cluster:
            server: %s
        users:
        - name: kinsta-local
          user: {}
        contexts:
        - name: kinsta-local
          context:
            cluster: kinsta-local
            user: kinsta-local
            namespace: default
        current-context: kinsta-local
        """
            .formatted(url());
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, config);
      return file.toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
