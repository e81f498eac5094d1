package dev.operators.kinsta.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.operators.kinsta.hosting.client.HostingApi;
import dev.operators.kinsta.testing.SimulatorFixture;
import dev.operators.kinsta.wordpress.client.KinstaApi;
import dev.operators.kinsta.wordpress.client.dto.Environment;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The guarantee under {@code managementPolicy: Observe}, over HTTP to the simulator: inside {@link
 * ObserveOnly#run} every write of both APIs is withheld before it leaves the operator, reads go
 * through, and the thread writes again once the work is over.
 */
class ObserveOnlyTest {
  static SimulatorFixture fixture;

  @BeforeAll
  static void startSimulator() {
    fixture = SimulatorFixture.start();
  }

  @AfterAll
  static void stopSimulator() {
    fixture.close();
  }

  private static long writes(String companyId) {
    return fixture
        .simulator
        .journal()
        .matching(e -> companyId.equals(e.company()) && !"GET".equals(e.method()))
        .size();
  }

  @Test
  void writesAreWithheldBeforeTheyAreSentAndReadsGoThrough() {
    KinstaCredentials credentials = fixture.company("Observed " + System.nanoTime());
    KinstaApi kinsta = fixture.kinsta(credentials);
    HostingApi hosting = fixture.clients.hosting(credentials);
    String siteId = fixture.simulator.seedSite(credentials.companyId(), "Observed");
    String databaseId =
        fixture.simulator.seedDatabase(credentials.companyId(), "Orders", "postgresql");

    Environment live =
        ObserveOnly.run(
            () -> {
              assertTrue(ObserveOnly.active());
              ObserveOnly.WriteWithheld php =
                  assertThrows(
                      ObserveOnly.WriteWithheld.class,
                      () -> kinsta.environments().modifyPhpVersion("any-environment", "8.3"));
              assertEquals("PUT /sites/tools/modify-php-version", php.endpoint());
              assertThrows(
                  ObserveOnly.WriteWithheld.class,
                  () -> kinsta.access().updateDeniedIps("any-environment", List.of("203.0.113.7")));
              assertThrows(
                  ObserveOnly.WriteWithheld.class,
                  () -> hosting.databases().deleteDatabase(databaseId));
              return kinsta.environments().listEnvironments(siteId).get(0);
            });

    assertEquals("8.2", live.phpVersion(), "reads go through");
    assertEquals(0, writes(credentials.companyId()), "nothing left the operator");
    assertFalse(ObserveOnly.active(), "the thread writes again afterwards");
    kinsta.access().updateDeniedIps(live.id(), List.of("203.0.113.7"));
    assertEquals(1, writes(credentials.companyId()));
  }
}
