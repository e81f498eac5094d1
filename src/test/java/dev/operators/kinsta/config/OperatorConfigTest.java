package dev.operators.kinsta.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.operators.kinsta.transport.budget.RateBudgetSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OperatorConfigTest {

  @Test
  void defaultsStayBelowKinstasLimits() {
    OperatorConfig config = OperatorConfig.fromEnvironment(Map.of());
    assertEquals(URI.create("https://api.kinsta.com/v2"), config.kinstaApiUrl());
    assertEquals(URI.create("https://api.sevalla.com/v3"), config.hostingApiUrl());
    assertTrue(config.watchesAllNamespaces());
    assertEquals(Duration.ofMinutes(10), config.resyncInterval());
    assertEquals(100, config.clientSettings().budget().perCompany().permits());
    assertEquals(5, config.clientSettings().budget().creations().permits());
    RateBudgetSettings sevalla = config.clientSettings().hostingBudget();
    assertTrue(sevalla.perCompany().permits() < 400, "reads below Sevalla's 400 a minute");
    assertEquals(20, sevalla.creations().permits(), "Sevalla's 20 creations an hour");
    assertEquals(Duration.ofHours(1), sevalla.creations().period());
    assertTrue(sevalla.writes().permits() <= 30);
    assertTrue(sevalla.perService().permits() <= 10);
    assertEquals(OperatorConfig.DeletionPolicy.Delete, config.defaultDeletionPolicy());
  }

  @Test
  void theHostingHalfSpeaksSevallasV3WhereverTheKinstaUrlPoints() {
    OperatorConfig config =
        OperatorConfig.fromEnvironment(Map.of("KINSTA_API_URL", "http://127.0.0.1:8787/v2"));
    assertEquals(URI.create("https://api.sevalla.com/v3"), config.hostingApiUrl());
    OperatorConfig blank = OperatorConfig.fromEnvironment(Map.of("KINSTA_HOSTING_API_URL", " "));
    assertEquals(URI.create("https://api.sevalla.com/v3"), blank.hostingApiUrl());
  }

  @Test
  void readsEverySetting() {
    OperatorConfig config =
        OperatorConfig.fromEnvironment(
            Map.ofEntries(
                Map.entry("KINSTA_API_URL", "http://127.0.0.1:8787/v2"),
                Map.entry("KINSTA_HOSTING_API_URL", "https://api.sevalla.com/v3"),
                Map.entry("KINSTA_WATCH_NAMESPACES", "client-acme, client-globex"),
                Map.entry("KINSTA_RESYNC_INTERVAL", "90s"),
                Map.entry("KINSTA_REQUEST_TIMEOUT", "PT5S"),
                Map.entry("KINSTA_RATE_REQUESTS_PER_MINUTE", "60"),
                Map.entry("KINSTA_RATE_CREATIONS_PER_MINUTE", "3"),
                Map.entry("KINSTA_DEFAULT_DELETION_POLICY", "retain"),
                Map.entry("KINSTA_LEADER_ELECTION", "true"),
                Map.entry("KINSTA_MANAGEMENT_PORT", "9090"),
                Map.entry("KINSTA_ORPHAN_AFTER", "30m")));
    assertEquals(URI.create("https://api.sevalla.com/v3"), config.hostingApiUrl());
    assertEquals(Set.of("client-acme", "client-globex"), config.watchedNamespaces());
    assertEquals(Duration.ofSeconds(90), config.resyncInterval());
    assertEquals(Duration.ofSeconds(5), config.requestTimeout());
    assertEquals(60, config.clientSettings().budget().perCompany().permits());
    assertEquals(OperatorConfig.DeletionPolicy.Retain, config.defaultDeletionPolicy());
    assertTrue(config.leaderElection());
    assertEquals(9090, config.managementPort());
    assertEquals(Duration.ofMinutes(30), config.orphanAfter());
  }

  @Test
  void failsAtStartNamingEveryBadVariable() {
    ConfigException failure =
        assertThrows(
            ConfigException.class,
            () ->
                OperatorConfig.fromEnvironment(
                    Map.of(
                        "KINSTA_API_URL", "ftp://example.com",
                        "KINSTA_RATE_REQUESTS_PER_MINUTE", "500",
                        "KINSTA_RESYNC_INTERVAL", "soon",
                        "KINSTA_WATCH_NAMESPACES", "Bad_Namespace",
                        "KINSTA_LEADER_ELECTION", "yes")));
    String message = failure.getMessage();
    for (String variable :
        new String[] {
          "KINSTA_API_URL",
          "KINSTA_RATE_REQUESTS_PER_MINUTE",
          "KINSTA_RESYNC_INTERVAL",
          "KINSTA_WATCH_NAMESPACES",
          "KINSTA_LEADER_ELECTION"
        }) {
      assertTrue(message.contains(variable), variable + " missing from: " + message);
    }
    assertTrue(
        message.contains("between 2 and 120"),
        "the budget cannot exceed Kinsta's limit: " + message);
  }
}
