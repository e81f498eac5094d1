package dev.operators.kinsta.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.operators.kinsta.api.v1alpha1.KinstaSite;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** What Prometheus scrapes when a resource leaves its Kinsta object behind or drift is put back. */
class OperatorMetricsTest {

  @Test
  void anOrphanedResourceIsCountedByKind() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    OperatorMetrics metrics = new OperatorMetrics(registry, Clock.systemUTC());
    KinstaSite site = new KinstaSite();
    site.setMetadata(new ObjectMetaBuilder().withName("shop").withNamespace("agency").build());

    metrics.orphaned(site);
    metrics.orphaned(site);

    String scrape = registry.scrape();
    assertTrue(scrape.contains("kinsta_resources_orphaned_total{kind=\"KinstaSite\"} 2.0"), scrape);
    assertTrue(!scrape.contains("shop"), "no unbounded label such as the resource's name");
  }

  @Test
  void aDriftCorrectionIsCountedByKind() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    OperatorMetrics metrics = new OperatorMetrics(registry, Clock.systemUTC());
    KinstaSite site = new KinstaSite();
    site.setMetadata(new ObjectMetaBuilder().withName("shop").withNamespace("agency").build());

    metrics.driftCorrected(site);

    String scrape = registry.scrape();
    assertTrue(scrape.contains("kinsta_drift_corrections_total{kind=\"KinstaSite\"} 1.0"), scrape);
    assertTrue(!scrape.contains("shop"), "no unbounded label such as the resource's name");
  }
}
