package dev.operators.kinsta.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.operators.kinsta.hosting.client.dto.CreateDatabaseRequest;
import dev.operators.kinsta.simulator.Fault;
import dev.operators.kinsta.simulator.SimulatorSettings;
import dev.operators.kinsta.testing.CapturedLogs;
import dev.operators.kinsta.testing.SimulatorFixture;
import dev.operators.kinsta.transport.budget.RateBudgetSettings;
import dev.operators.kinsta.wordpress.client.KinstaApi;
import dev.operators.kinsta.wordpress.client.dto.CreateSiteRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How every kind of failure reaches a caller: its type, whether it is retried, and that no secret
 * leaks.
 */
class KinstaFailuresTest {
  static SimulatorFixture fixture;
  KinstaCredentials credentials;
  KinstaApi api;
  String siteId;

  @BeforeAll
  static void start() {
    fixture =
        SimulatorFixture.start(
            SimulatorSettings.fast().withRoomyRateLimits(),
            RateBudgetSettings.roomy(),
            Duration.ofMillis(800),
            false);
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @BeforeEach
  void company() {
    credentials = fixture.company("Failures " + System.nanoTime());
    api = fixture.kinsta(credentials);
    siteId = fixture.simulator.seedSite(credentials.companyId(), "Site");
  }

  @AfterEach
  void clearFaults() {
    fixture.simulator.clearFaults();
  }

  @ParameterizedTest(name = "HTTP {0} -> {1}")
  @CsvSource({
    "400, InvalidRequest, false",
    "401, Unauthorized, false",
    "403, Forbidden, false",
    "404, NotFound, false",
    "409, InvalidRequest, false",
    "422, InvalidRequest, false",
    "500, ServerError, true",
    "502, ServerError, true",
    "503, ServerError, true"
  })
  void mapsEachStatusToATypedFailure(int status, String type, boolean retriable) {
    fixture.simulator.addFault(Fault.status("POST /sites/tools/clear-cache", status, 1));
    String environmentId = api.environments().listEnvironments(siteId).get(0).id();
    KinstaApiException failure =
        assertThrows(KinstaApiException.class, () -> api.environments().clearCache(environmentId));
    assertEquals(type, failure.getClass().getSimpleName());
    assertEquals(retriable, failure.isRetriable());
    assertEquals(status, failure.httpStatus());
    assertEquals("POST /sites/tools/clear-cache", failure.endpoint());
    assertTrue(failure.getMessage().contains("Kinsta answered " + status), failure.getMessage());
  }

  @Test
  void anUnknownKeyIsUnauthorized() {
    KinstaApi stranger =
        fixture.kinsta(
            new KinstaCredentials(ApiKey.of("not-a-kinsta-key"), credentials.companyId()));
    KinstaApiException failure =
        assertThrows(
            KinstaApiException.Unauthorized.class, () -> stranger.sites().listSites(false));
    assertEquals("Unauthorized", failure.reason());
  }

  @Test
  void readsAreRetriedOnServerErrorsAndSucceed() {
    fixture.simulator.addFault(Fault.status("GET /sites/" + siteId, 503, 2));
    long before = fixture.simulator.journal().count("GET /sites/{site_id}");
    assertEquals("Site", api.sites().getSite(siteId).displayName());
    long calls =
        fixture.simulator.journal().matching(e -> e.path().equals("/sites/" + siteId)).size();
    assertEquals(3, calls - before, "two failed attempts and one that worked");
  }

  @Test
  void writesAreNeverRetried() {
    String environmentId = api.environments().listEnvironments(siteId).get(0).id();
    fixture.simulator.addFault(Fault.status("POST /sites/tools/restart-php", 503, 1));
    assertThrows(
        KinstaApiException.ServerError.class, () -> api.environments().restartPhp(environmentId));
    assertEquals(
        1,
        fixture
            .simulator
            .journal()
            .matching(e -> e.path().equals("/sites/tools/restart-php"))
            .size());
  }

  @Test
  void aDroppedConnectionIsATransportFailure() {
    String environmentId = api.environments().listEnvironments(siteId).get(0).id();
    fixture.simulator.addFault(Fault.drop("POST /sites/tools/clear-cache", 1));
    KinstaApiException failure =
        assertThrows(KinstaApiException.class, () -> api.environments().clearCache(environmentId));
    assertInstanceOf(KinstaApiException.Transport.class, failure);
    assertTrue(failure.isRetriable());
  }

  @Test
  void aSlowAnswerTimesOut() {
    String environmentId = api.environments().listEnvironments(siteId).get(0).id();
    fixture.simulator.addFault(
        Fault.latency("POST /sites/tools/clear-cache", Duration.ofSeconds(3), 1));
    KinstaApiException failure =
        assertThrows(KinstaApiException.class, () -> api.environments().clearCache(environmentId));
    assertInstanceOf(KinstaApiException.Transport.class, failure);
  }

  @Test
  void aRequestTheContractRejectsIsTerminal() {
    KinstaApiException failure =
        assertThrows(
            KinstaApiException.InvalidRequest.class,
            () ->
                api.environments()
                    .modifyPhpVersion(
                        api.environments().listEnvironments(siteId).get(0).id(), "5.6"));
    assertFalse(failure.isRetriable());
    assertTrue(failure.getMessage().contains("Unsupported PHP version"), failure.getMessage());
  }

  @Test
  void noSecretReachesAnExceptionALogLineOrToString() {
    String password = "Very-Secret-Admin-Pa55";
    String key = credentials.apiKey().bearerToken();
    // A server that echoes what it was sent is the worst case for redaction.
    fixture.simulator.addFault(Fault.echo("POST /sites", 400, 1));
    fixture.simulator.addFault(Fault.echo("POST /databases", 500, 1));
    try (CapturedLogs logs = CapturedLogs.attach()) {
      CreateSiteRequest site =
          new CreateSiteRequest(
              credentials.companyId(),
              "Shop",
              "us-central1",
              "new",
              "ops@acme.example",
              password,
              "admin",
              "Shop",
              "en_US",
              false,
              false,
              false,
              false);
      KinstaApiException siteFailure =
          assertThrows(KinstaApiException.class, () -> api.sites().createSite(site));
      CreateDatabaseRequest db =
          new CreateDatabaseRequest(
              "Db",
              "postgresql",
              "16",
              "5d0c9a3e-1f0b-4c55-8f39-1d7a3c6e2b01",
              "db1",
              "db",
              password,
              "user",
              null,
              null);
      KinstaApiException dbFailure =
          assertThrows(
              KinstaApiException.class,
              () -> fixture.hosting(credentials).databases().createDatabase(db));

      assertTrue(
          siteFailure.getMessage().contains("***"),
          "the server echoed the secrets: " + siteFailure.getMessage());
      List<String> texts = new java.util.ArrayList<>(logs.lines());
      texts.add(siteFailure.getMessage());
      texts.add(dbFailure.getMessage());
      texts.add(site.toString());
      texts.add(db.toString());
      texts.add(credentials.toString());
      assertFalse(logs.lines().isEmpty(), "the client logs its HTTP exchanges at DEBUG in tests");
      for (String text : texts) {
        assertFalse(text.contains(password), "password leaked: " + text);
        assertFalse(text.contains(key), "API key leaked: " + text);
      }
    }
  }

  @Test
  void theRedactorScrubsEchoedSecretsFromMessages() {
    ApiKey key = ApiKey.of("kinsta-key-0123456789");
    Redactor redactor =
        Redactor.forRequest(
            key,
            dev.operators.kinsta.transport.KinstaJson.mapper()
                .valueToTree(
                    Map.of(
                        "admin_password",
                        "hunter2-long",
                        "nested",
                        Map.of("db_password", "s3cr3t-db"),
                        "name",
                        "shop")));
    String echoed = "rejected hunter2-long and s3cr3t-db for shop with kinsta-key-0123456789";
    assertEquals("rejected *** and *** for shop with ***", redactor.redact(echoed));
  }
}
