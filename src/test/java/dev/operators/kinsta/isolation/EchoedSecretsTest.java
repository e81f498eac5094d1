package dev.operators.kinsta.isolation;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.operators.kinsta.api.v1alpha1.KinstaDatabase;
import dev.operators.kinsta.api.v1alpha1.SecretKeyReference;
import dev.operators.kinsta.hosting.database.DatabaseLifecycleTest;
import dev.operators.kinsta.simulator.Fault;
import dev.operators.kinsta.testing.CapturedLogs;
import dev.operators.kinsta.testing.OperatorHarness;
import dev.operators.kinsta.testing.OperatorHarness.Tenant;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A password with characters JSON escapes, echoed back by a Kinsta error that repeats the request
 * body, reaches no condition, event or log line in any encoding.
 */
class EchoedSecretsTest {
  private static final String PASSWORD = "Quote\"Back\\slash-7f3a9c";

  @Test
  void aPasswordEchoedJsonEscapedIsRedactedEverywhere() {
    try (OperatorHarness harness = OperatorHarness.start();
        CapturedLogs logs = CapturedLogs.attach()) {
      Tenant tenant = harness.tenant();
      tenant.secret("orders-password", Map.of("password", PASSWORD));
      harness.kinsta.simulator.addFault(Fault.echo("POST /databases", 400, 1));
      KinstaDatabase db = DatabaseLifecycleTest.postgres("orders");
      db.getSpec().passwordSecretRef = new SecretKeyReference("orders-password", "password");

      tenant.create(db);

      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> tenant.calls("POST /databases") >= 1 && !messages(tenant).isEmpty());
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> messages(tenant).stream().anyMatch(text -> text.contains("Rejected request")));
      List<String> texts = new ArrayList<>(messages(tenant));
      texts.addAll(logs.lines());
      assertTrue(
          texts.stream().anyMatch(text -> text.contains("***")), "Kinsta's echo was redacted");
      for (String form : forms(PASSWORD)) {
        List<String> leaks = texts.stream().filter(text -> text.contains(form)).toList();
        assertEquals(List.of(), leaks, "the password as \"" + form + "\"");
      }
    }
  }

  /** Condition messages of the database and the namespace's event messages. */
  private static List<String> messages(Tenant tenant) {
    List<String> texts = new ArrayList<>();
    KinstaDatabase db = tenant.get(KinstaDatabase.class, "orders");
    if (db != null) {
      Tenant.conditions(db).stream().map(Condition::getMessage).forEach(texts::add);
    }
    tenant.events().stream().map(Event::getMessage).forEach(texts::add);
    texts.removeIf(java.util.Objects::isNull);
    return texts;
  }

  private static List<String> forms(String secret) {
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    return List.of(
        secret,
        new String(JsonStringEncoder.getInstance().quoteAsString(secret)),
        URLEncoder.encode(secret, StandardCharsets.UTF_8),
        Base64.getEncoder().encodeToString(bytes));
  }
}
