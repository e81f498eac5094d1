package dev.operators.kinsta.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulator's own contract, with raw HTTP so that no client code can hide a mistake: requests
 * that break Kinsta's OpenAPI document are refused with Kinsta's error shape, auth and tenancy
 * hold, operations move through Kinsta's states, limits answer 429, and the simulator implements no
 * endpoint the contract lacks.
 */
class KinstaSimulatorContractTest {
  static KinstaSimulator simulator;
  static KinstaSimulator.SeededCompany company;
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() {
    simulator =
        KinstaSimulator.start(
            SimulatorSettings.fast().withTiming(Duration.ofMillis(300), Duration.ofMillis(300)));
    company = simulator.addCompany("Contract");
  }

  @AfterAll
  static void stop() {
    assertEquals(List.of(), simulator.contractViolations());
    simulator.close();
  }

  @Test
  void refusesAnEndpointTheContractDoesNotHave() throws Exception {
    Answer unknownPath = send("GET", "/sites/tools/nothing-here", null, company.apiKey());
    assertEquals(400, unknownPath.status);
    assertKinstaError(unknownPath.body, 400);
    assertTrue(unknownPath.body.path("message").asText().contains("GET /sites/tools/nothing-here"));

    Answer wrongMethod = send("PATCH", "/sites", "{}", company.apiKey());
    assertEquals(400, wrongMethod.status);
  }

  @Test
  void refusesAMissingRequiredFieldAWrongTypeAndAWrongEnum() throws Exception {
    Answer missing =
        send(
            "POST",
            "/sites/plain",
            "{\"company\":\"" + company.companyId() + "\",\"display_name\":\"No region\"}",
            company.apiKey());
    assertEquals(400, missing.status);
    assertTrue(missing.body.path("message").asText().contains("region"), missing.body.toString());

    Answer wrongType =
        send(
            "PUT",
            "/sites/tools/denied-ips",
            "{\"environment_id\":\"x\",\"ip_list\":\"203.0.113.7\"}",
            company.apiKey());
    assertEquals(400, wrongType.status);
    assertTrue(
        wrongType.body.path("message").asText().contains("ip_list"), wrongType.body.toString());

    Answer wrongEnum =
        send(
            "PUT",
            "/sites/cdn/image-optimization",
            "{\"environment_id\":\"x\",\"image_optimization_type\":\"extreme\"}",
            company.apiKey());
    assertEquals(400, wrongEnum.status);
    assertTrue(
        wrongEnum.body.path("message").asText().contains("image_optimization_type"),
        wrongEnum.body.toString());

    Answer missingQuery = send("GET", "/sites", null, company.apiKey());
    assertEquals(400, missingQuery.status);
    assertTrue(
        missingQuery.body.path("message").asText().contains("company"),
        missingQuery.body.toString());
  }

  @Test
  void enforcesAuthAndTenancy() throws Exception {
    assertEquals(401, send("GET", "/validate", null, "wrong-key").status);
    assertEquals(401, send("GET", "/validate", null, null).status);
    String theirs = simulator.seedSite(simulator.addCompany("Other").companyId(), "Theirs");
    Answer foreign = send("GET", "/sites/" + theirs, null, company.apiKey());
    assertEquals(404, foreign.status);
    assertKinstaError(foreign.body, 404);
  }

  @Test
  void runsAnOperationThroughUnknownRunningAndDone() throws Exception {
    Answer created =
        send(
            "POST",
            "/sites/plain",
            "{\"company\":\""
                + company.companyId()
                + "\",\"display_name\":\"Ops\",\"region\":\"us-central1\"}",
            company.apiKey());
    assertEquals(202, created.status);
    String operation = created.body.path("operation_id").asText();
    assertTrue(operation.startsWith("sites:add-plain-"));

    List<Integer> seen = new ArrayList<>();
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () -> {
              int status = send("GET", "/operations/" + operation, null, company.apiKey()).status;
              if (seen.isEmpty() || seen.get(seen.size() - 1) != status) {
                seen.add(status);
              }
              return status == 200;
            });
    assertEquals(List.of(404, 202, 200), seen);
    Answer done = send("GET", "/operations/" + operation, null, company.apiKey());
    assertNotNull(done.body.path("data").path("idSite").asText(null));
  }

  @Test
  void answers429WithRetryAfterBeyondTheCompanyLimit() throws Exception {
    try (KinstaSimulator limited =
        KinstaSimulator.start(
            SimulatorSettings.fast().withRateLimits(Duration.ofSeconds(30), 3, 1000, 5))) {
      KinstaSimulator.SeededCompany busy = limited.addCompany("Busy");
      for (int i = 0; i < 3; i++) {
        assertEquals(200, send(limited, "GET", "/validate", null, busy.apiKey()).status);
      }
      Answer refused = send(limited, "GET", "/validate", null, busy.apiKey());
      assertEquals(429, refused.status);
      assertTrue(Integer.parseInt(refused.retryAfter) >= 1);
      assertEquals(
          "Too many requests, please try again later.", refused.body.path("message").asText());
      KinstaSimulator.SeededCompany calm = limited.addCompany("Calm");
      assertEquals(
          200,
          send(limited, "GET", "/validate", null, calm.apiKey()).status,
          "limits are per company");
    }
  }

  @Test
  void implementsOnlyEndpointsOfTheContracts() {
    ObjectMapper json = new ObjectMapper();
    OpenApiContract kinsta = OpenApiContract.load("/kinsta-api/kinsta-v2-contract.json", json);
    OpenApiContract sevalla = OpenApiContract.load("/kinsta-api/sevalla-v3-contract.json", json);
    List<String> known = new ArrayList<>();
    for (OpenApiContract contract : List.of(kinsta, sevalla)) {
      contract
          .routes()
          .forEach(
              route ->
                  known.add(route.method() + " " + route.template().replaceAll("\\{[^}]+}", "{}")));
    }
    List<String> invented =
        simulator.implementedEndpoints().stream()
            .filter(endpoint -> !known.contains(endpoint))
            .toList();
    assertEquals(List.of(), invented);
    assertTrue(simulator.implementedEndpoints().size() > 60);
  }

  private static void assertKinstaError(JsonNode body, int status) {
    assertEquals(status, body.path("status").asInt());
    assertTrue(body.path("message").isTextual());
    assertTrue(body.has("data"));
  }

  record Answer(int status, JsonNode body, String retryAfter) {}

  static Answer send(String method, String path, String body, String key) throws Exception {
    return send(simulator, method, path, body, key);
  }

  static Answer send(KinstaSimulator target, String method, String path, String body, String key)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(target.kinstaBaseUrl() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(
        response.statusCode(),
        JSON.readTree(response.body()),
        response.headers().firstValue("Retry-After").orElse(null));
  }
}
