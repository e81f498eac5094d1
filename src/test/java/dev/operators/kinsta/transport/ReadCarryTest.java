package dev.operators.kinsta.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.operators.kinsta.hosting.client.HostingApi;
import dev.operators.kinsta.testing.SimulatorFixture;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A refused reconcile's reads, handed to its next pass, over HTTP to the simulator: what was read
 * is not read again, a write drops it, an old read and a read outside a reconcile go to Sevalla.
 */
class ReadCarryTest {
  static SimulatorFixture fixture;

  @BeforeAll
  static void startSimulator() {
    fixture = SimulatorFixture.start();
  }

  @AfterAll
  static void stopSimulator() {
    fixture.close();
  }

  private static long reads(String companyId, String path) {
    return fixture
        .simulator
        .journal()
        .matching(
            e -> companyId.equals(e.company()) && "GET".equals(e.method()) && path.equals(e.path()))
        .size();
  }

  @Test
  void aPassAfterARefusalReadsWhatTheRefusedOneReadFromIt() {
    KinstaCredentials credentials = fixture.company("Carried " + System.nanoTime());
    HostingApi hosting = fixture.clients.hosting(credentials);
    String id = fixture.simulator.seedDatabase(credentials.companyId(), "Orders", "postgresql");
    String path = "/databases/" + id;

    ReadCarry.begin(null);
    hosting.databases().getDatabase(id);
    hosting.databases().listDatabases();
    ReadCarry.Reads refused = ReadCarry.end();
    assertFalse(refused.isEmpty());
    assertEquals(1, reads(credentials.companyId(), path));

    ReadCarry.begin(refused);
    assertEquals("Orders", hosting.databases().getDatabase(id).displayName());
    hosting.databases().listDatabases();
    assertEquals(1, reads(credentials.companyId(), path), "the object was not read again");
    assertEquals(
        2,
        reads(credentials.companyId(), "/databases"),
        "the company's list is never carried: it has its own interval");

    hosting.databases().updateDatabase(id, null, "Orders (renamed)");
    assertEquals("Orders (renamed)", hosting.databases().getDatabase(id).displayName());
    assertEquals(2, reads(credentials.companyId(), path), "a write drops what was read before");
    ReadCarry.end();

    hosting.databases().getDatabase(id);
    hosting.databases().getDatabase(id);
    assertEquals(4, reads(credentials.companyId(), path), "outside a reconcile nothing is kept");
  }

  @Test
  void aReadIsUsedOnlyWhileItIsYoungerThanItsLimit() {
    KinstaRequest request = KinstaRequest.get("/applications/{id}", "app-1");
    Instant readAt = Instant.parse("2026-12-07T10:00:00Z");
    ReadCarry.begin(null);
    ReadCarry.read(
        "company-1", request, new KinstaTransport.Response(200, NullNode.instance), readAt);
    ReadCarry.Reads refused = ReadCarry.end();

    ReadCarry.begin(refused);
    try {
      assertTrue(ReadCarry.carried("company-1", request, readAt.plusSeconds(60)).isPresent());
      assertFalse(
          ReadCarry.carried("company-2", request, readAt.plusSeconds(60)).isPresent(),
          "another company's key reads for itself");
      assertFalse(
          ReadCarry.carried("company-1", request, readAt.plus(ReadCarry.MAX_AGE).plusSeconds(1))
              .isPresent());
    } finally {
      ReadCarry.end();
    }

    ReadCarry.begin(null);
    ReadCarry.read(
        "company-1",
        request,
        new KinstaTransport.Response(200, NullNode.instance),
        readAt.plus(ReadCarry.MAX_AGE).plusSeconds(1));
    ReadCarry.Reads later = ReadCarry.end();
    assertTrue(refused.outlivedBy(later), "a resource's old reads are let go");
    assertFalse(later.outlivedBy(refused));
  }

  @Test
  void readsThatWatchProgressAreNeverKept() {
    ReadCarry.begin(null);
    try {
      assertTrue(ReadCarry.kept(KinstaRequest.get("/applications/{id}/processes", "a")));
      assertTrue(ReadCarry.kept(KinstaRequest.get("/static-sites/{id}", "s")));
      assertFalse(ReadCarry.kept(KinstaRequest.get("/applications/{id}/deployments", "a")));
      assertFalse(
          ReadCarry.kept(
              KinstaRequest.get("/static-sites/{id}/deployments/{deployment_id}", "s", "d")));
      assertFalse(ReadCarry.kept(KinstaRequest.get("/operations/{operation_id}", "o")));
      assertFalse(ReadCarry.kept(KinstaRequest.get("/sites/{site_id}", "s")));
      assertFalse(ReadCarry.kept(KinstaRequest.patch("/databases/{id}", "d")));
    } finally {
      ReadCarry.end();
    }
  }
}
