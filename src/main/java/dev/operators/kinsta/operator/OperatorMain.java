package dev.operators.kinsta.operator;

import dev.operators.kinsta.config.ConfigException;
import dev.operators.kinsta.config.OperatorConfig;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator in a cluster: settings from the environment, Kubernetes from the pod's service
 * account.
 */
public final class OperatorMain {
  private static final Logger log = LoggerFactory.getLogger(OperatorMain.class);

  /** Sent on every Kubernetes API call, so audit logs name the operator. */
  public static final String USER_AGENT = "kinsta-operator";

  private OperatorMain() {}

  /**
   * Netty's pooled allocator keeps a 4 MiB chunk of direct memory per event loop, 12 MiB of the
   * operator's resident memory for a few kilobytes of requests in flight: one arena of 1 MiB chunks
   * serves the Kinsta client. A {@code -D} flag given for either still wins.
   */
  static void smallNettyBufferPool() {
    setIfAbsent("io.netty.allocator.maxOrder", "7");
    setIfAbsent("io.netty.allocator.numDirectArenas", "1");
    setIfAbsent("io.netty.allocator.numHeapArenas", "1");
  }

  private static void setIfAbsent(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }

  public static void main(String[] args) throws InterruptedException {
    ConsoleLogging.installFromEnvironment();
    smallNettyBufferPool();
    OperatorConfig config;
    try {
      config = OperatorConfig.fromEnvironment(System.getenv());
    } catch (ConfigException invalid) {
      System.err.println(invalid.getMessage());
      System.exit(2);
      return;
    }
    KubernetesClient kubernetes =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder(Config.autoConfigure(null)).withUserAgent(USER_AGENT).build())
            .build();
    OperatorRuntime runtime;
    try {
      runtime = OperatorRuntime.start(config, kubernetes);
    } catch (RuntimeException | LinkageError failed) {
      // Threads already started (Vert.x's event loops) would keep an idle JVM alive: a pod that
      // reconciles nothing and is never restarted. Ending the process lets Kubernetes restart it.
      log.error("Kinsta operator could not start: {}", failed.getMessage(), failed);
      System.exit(1);
      return;
    }
    log.info(
        "Kinsta operator started: Kinsta API {}, hosting API {}, namespaces {}, management port {}",
        config.kinstaApiUrl(),
        config.hostingApiUrl(),
        config.watchesAllNamespaces() ? "all" : String.join(",", config.watchedNamespaces()),
        runtime.managementPort());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  runtime.close();
                  kubernetes.close();
                  stopped.countDown();
                },
                "shutdown"));
    stopped.await();
  }
}
