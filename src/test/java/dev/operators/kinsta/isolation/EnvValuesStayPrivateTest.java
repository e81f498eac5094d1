package dev.operators.kinsta.isolation;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.operators.kinsta.api.v1alpha1.ApplicationEnvVar;
import dev.operators.kinsta.api.v1alpha1.EnvVar;
import dev.operators.kinsta.api.v1alpha1.KinstaApplication;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationSpec;
import dev.operators.kinsta.hosting.application.ApplicationLifecycleTest;
import dev.operators.kinsta.simulator.Fault;
import dev.operators.kinsta.testing.CapturedLogs;
import dev.operators.kinsta.testing.OperatorHarness;
import dev.operators.kinsta.testing.OperatorHarness.Tenant;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An environment variable's value from a Secret reaches Sevalla and nothing else: not the status,
 * the conditions, the events, the operator's log or its metrics, even when Sevalla's error repeats
 * the request and a failed build prints the value in its log.
 */
class EnvValuesStayPrivateTest {
  private static final String VALUE = "sk_live_\"Pangolin\"-93e1c7a4";

  @Test
  void aValueFromASecretIsFoundOnlyInSevalla() {
    try (OperatorHarness harness =
            OperatorHarness.startWithMetrics(OperatorHarness.fastSettings());
        CapturedLogs logs = CapturedLogs.attach()) {
      Tenant tenant = harness.tenant();
      String id = harness.kinsta.simulator.seedApplication(tenant.companyId(), "Payments");
      tenant.secret("payments-env", Map.of("stripe-key", VALUE));
      harness.kinsta.simulator.addFault(Fault.echo("POST /applications/[^/]+/env-vars", 400, 1));
      harness.kinsta.simulator.addFault(
          Fault.failOperation("POST /applications/[^/]+/deployments", "build failed", 1));
      KinstaApplication app = ApplicationLifecycleTest.adoptingId("payments", id);
      ApplicationEnvVar key = new ApplicationEnvVar();
      key.name = "STRIPE_KEY";
      key.valueFrom = new EnvVar.EnvVarSource();
      key.valueFrom.secretKeyRef = new EnvVar.KeyReference();
      key.valueFrom.secretKeyRef.name = "payments-env";
      key.valueFrom.secretKeyRef.key = "stripe-key";
      app.getSpec().env = List.of(key);
      app.getSpec().deployment = new KinstaApplicationSpec.DeploymentSpec();
      app.getSpec().deployment.branch = "main";
      tenant.create(app);

      // Sevalla refuses the variable and repeats the request in its message: a final verdict.
      KinstaApplication refused =
          tenant.awaitCondition(
              KinstaApplication.class,
              "payments",
              "Stalled",
              "True",
              "KinstaRejected",
              Duration.ofSeconds(30));
      List<String> texts = new ArrayList<>();
      texts.add(Serialization.asJson(refused));
      // Changed spec, tried again: the variable is set, and the deployment of it fails.
      tenant.edit(KinstaApplication.class, "payments", a -> a.getSpec().redeployOnChange = true);
      tenant.awaitCondition(
          KinstaApplication.class,
          "payments",
          "Stalled",
          "True",
          "DeploymentFailed",
          Duration.ofSeconds(60));
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  harness.kinsta.simulator.read(
                      state ->
                          state.applications.get(id).envVars.stream()
                              .anyMatch(v -> VALUE.equals(v.value))));

      texts.add(Serialization.asJson(tenant.get(KinstaApplication.class, "payments")));
      tenant.events().stream().map(Event::getMessage).forEach(texts::add);
      texts.addAll(logs.lines());
      texts.add(harness.metrics.scrape());
      assertTrue(
          texts.stream().anyMatch(text -> text.contains("STRIPE_KEY=***")),
          "the build log's echo is masked");
      assertTrue(
          texts.get(0).contains("value\\\":\\\"***"),
          "Sevalla's echo of the request is masked: " + texts.get(0));
      for (String form :
          List.of(VALUE, new String(JsonStringEncoder.getInstance().quoteAsString(VALUE)))) {
        List<String> leaks = texts.stream().filter(text -> text.contains(form)).toList();
        assertEquals(List.of(), leaks, "the value as \"" + form + "\"");
      }
    }
  }
}
