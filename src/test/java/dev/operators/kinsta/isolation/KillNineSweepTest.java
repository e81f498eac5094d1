package dev.operators.kinsta.isolation;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.operators.kinsta.api.v1alpha1.KinstaDatabase;
import dev.operators.kinsta.api.v1alpha1.KinstaSite;
import dev.operators.kinsta.hosting.database.DatabaseLifecycleTest;
import dev.operators.kinsta.simulator.Fault;
import dev.operators.kinsta.simulator.KinstaSimulator;
import dev.operators.kinsta.testing.OperatorHarness;
import dev.operators.kinsta.testing.OperatorHarness.Tenant;
import dev.operators.kinsta.testing.OperatorInChildProcess;
import dev.operators.kinsta.testing.cluster.TestCluster;
import dev.operators.kinsta.wordpress.site.Sites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The operator in a JVM of its own, killed with SIGKILL at each step of create, poll and delete
 * (the moment chosen by the simulator as the operator's call arrives or is answered), then started
 * again: every resource ends with exactly one Kinsta object, none after its deletion, and a second
 * namespace of the same company keeps its own object untouched throughout.
 */
class KillNineSweepTest {
  private static final Duration CONVERGED = Duration.ofSeconds(60);
  private static final String CREATION_WINDOW = "PT10S";

  /** A moment to kill the operator at, as a fault that kills it when the simulator sees it. */
  private record KillPoint(String name, Function<Runnable, Fault> fault) {}

  private static final List<KillPoint> SITE_CREATION =
      List.of(
          new KillPoint(
              "before the create call reaches Kinsta",
              kill -> Fault.onArrivalThenDrop("POST /sites/plain", kill, 1)),
          new KillPoint(
              "with the create call in flight",
              kill -> Fault.onArrival("POST /sites/plain", kill, 1)),
          new KillPoint(
              "after the create call's answer",
              kill -> Fault.afterAnswer("POST /sites/plain", kill, 1)),
          new KillPoint(
              "while polling the creation",
              kill -> Fault.onArrival("GET /operations/.*", kill, 1)));

  private static final List<KillPoint> SITE_DELETION =
      List.of(
          new KillPoint(
              "with the delete call in flight",
              kill -> Fault.onArrival("DELETE /sites/.*", kill, 1)),
          new KillPoint(
              "after the delete call's answer",
              kill -> Fault.afterAnswer("DELETE /sites/.*", kill, 1)),
          new KillPoint(
              "while polling the deletion",
              kill -> Fault.onArrival("GET /operations/.*", kill, 1)));

  private static final List<KillPoint> DATABASE_CREATION =
      List.of(
          new KillPoint(
              "before the create call reaches Kinsta",
              kill -> Fault.onArrivalThenDrop("POST /databases", kill, 1)),
          new KillPoint(
              "with the create call in flight",
              kill -> Fault.onArrival("POST /databases", kill, 1)),
          new KillPoint(
              "after the create call's answer",
              kill -> Fault.afterAnswer("POST /databases", kill, 1)));

  private static final List<KillPoint> DATABASE_DELETION =
      List.of(
          new KillPoint(
              "with the delete call in flight",
              kill -> Fault.onArrival("DELETE /databases/.*", kill, 1)),
          new KillPoint(
              "after the delete call's answer",
              kill -> Fault.afterAnswer("DELETE /databases/.*", kill, 1)));

  @Test
  void sitesKilledAtEveryStepEndWithOneSiteEachAndNoneAfterDeletion() throws Exception {
    try (OperatorHarness harness = OperatorHarness.unstarted();
        ChildOperator operator = new ChildOperator(harness, "sites")) {
      Tenant tenant = harness.tenant();
      Tenant neighbour = harness.sameCompanyAs(tenant);
      operator.start();
      neighbour.create(Sites.plain("neighbour"));
      String neighbours =
          neighbour
              .awaitCondition(KinstaSite.class, "neighbour", "Ready", "True", null, CONVERGED)
              .getStatus()
              .siteId;

      List<String> names = new ArrayList<>();
      for (int i = 0; i < SITE_CREATION.size(); i++) {
        String name = "site-" + i;
        names.add(name);
        operator.killAt(SITE_CREATION.get(i));
        tenant.create(Sites.plain(name));
        operator.awaitKilledAndStartAgain();
        tenant.awaitCondition(KinstaSite.class, name, "Ready", "True", null, CONVERGED);
        assertEquals(
            1, sitesNamed(harness, tenant, name), name + ", killed " + SITE_CREATION.get(i).name());
      }
      for (int i = 0; i < SITE_DELETION.size(); i++) {
        String name = names.get(i);
        String point = SITE_DELETION.get(i).name();
        operator.killAt(SITE_DELETION.get(i));
        tenant.delete(KinstaSite.class, name);
        operator.awaitKilledAndStartAgain();
        tenant.awaitGone(KinstaSite.class, name, CONVERGED);
        await()
            .atMost(CONVERGED)
            .untilAsserted(
                () ->
                    assertEquals(0, sitesNamed(harness, tenant, name), name + ", killed " + point));
      }
      tenant.delete(KinstaSite.class, names.get(names.size() - 1));
      tenant.awaitGone(KinstaSite.class, names.get(names.size() - 1), CONVERGED);

      await()
          .atMost(CONVERGED)
          .untilAsserted(
              () ->
                  assertEquals(
                      List.of(neighbours),
                      harness.kinsta.simulator.read(
                          state ->
                              state.sites.values().stream()
                                  .filter(site -> site.companyId.equals(tenant.companyId()))
                                  .map(site -> site.id)
                                  .toList()),
                      "only the neighbour's site is left in the company"));
      assertEquals("True", readyStatus(neighbour.get(KinstaSite.class, "neighbour")), "untouched");
    }
  }

  @Test
  void databasesKilledAtEveryStepEndWithOneDatabaseEachAndNoneAfterDeletion() throws Exception {
    try (OperatorHarness harness = OperatorHarness.unstarted();
        ChildOperator operator = new ChildOperator(harness, "databases")) {
      Tenant tenant = harness.tenant();
      Tenant neighbour = harness.sameCompanyAs(tenant);
      operator.start();
      neighbour.create(DatabaseLifecycleTest.postgres("neighbour"));
      String neighbours =
          neighbour
              .awaitCondition(KinstaDatabase.class, "neighbour", "Ready", "True", null, CONVERGED)
              .getStatus()
              .databaseId;

      List<String> names = new ArrayList<>();
      for (int i = 0; i < DATABASE_CREATION.size(); i++) {
        String name = "db-" + i;
        names.add(name);
        operator.killAt(DATABASE_CREATION.get(i));
        tenant.create(DatabaseLifecycleTest.postgres(name));
        operator.awaitKilledAndStartAgain();
        tenant.awaitCondition(KinstaDatabase.class, name, "Ready", "True", null, CONVERGED);
        assertEquals(
            1,
            databasesNamed(harness, tenant, name),
            name + ", killed " + DATABASE_CREATION.get(i).name());
      }
      for (int i = 0; i < DATABASE_DELETION.size(); i++) {
        String name = names.get(i);
        String point = DATABASE_DELETION.get(i).name();
        operator.killAt(DATABASE_DELETION.get(i));
        tenant.delete(KinstaDatabase.class, name);
        operator.awaitKilledAndStartAgain();
        tenant.awaitGone(KinstaDatabase.class, name, CONVERGED);
        assertEquals(0, databasesNamed(harness, tenant, name), name + ", killed " + point);
      }
      String last = names.get(names.size() - 1);
      tenant.delete(KinstaDatabase.class, last);
      tenant.awaitGone(KinstaDatabase.class, last, CONVERGED);

      assertEquals(
          List.of(neighbours),
          harness.kinsta.simulator.read(
              state ->
                  state.databases.values().stream()
                      .filter(db -> db.companyId.equals(tenant.companyId()))
                      .map(db -> db.id)
                      .toList()),
          "only the neighbour's database is left in the company");
      assertEquals(
          "True", readyStatus(neighbour.get(KinstaDatabase.class, "neighbour")), "untouched");
    }
  }

  private static long sitesNamed(OperatorHarness harness, Tenant tenant, String name) {
    return harness.kinsta.simulator.read(
        state ->
            state.sites.values().stream()
                .filter(site -> site.companyId.equals(tenant.companyId()))
                .filter(site -> name.equals(site.displayName))
                .count());
  }

  private static long databasesNamed(OperatorHarness harness, Tenant tenant, String name) {
    return harness.kinsta.simulator.read(
        state ->
            state.databases.values().stream()
                .filter(db -> db.companyId.equals(tenant.companyId()))
                .filter(db -> name.equals(db.displayName))
                .count());
  }

  private static String readyStatus(io.fabric8.kubernetes.client.CustomResource<?, ?> resource) {
    return Tenant.conditions(resource).stream()
        .filter(condition -> "Ready".equals(condition.getType()))
        .map(condition -> condition.getStatus())
        .findFirst()
        .orElse("");
  }

  /** The operator's JVM: started, killed by a simulator fault, started again. */
  private static final class ChildOperator implements AutoCloseable {
    private final KinstaSimulator simulator;
    private final Path logs;
    private final AtomicReference<Process> running = new AtomicReference<>();
    private int starts;

    ChildOperator(OperatorHarness harness, String name) throws IOException {
      this.simulator = harness.kinsta.simulator;
      this.logs = Files.createDirectories(Path.of("target", "kill-nine", name));
    }

    void start() throws IOException {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process process =
          new ProcessBuilder(
                  java,
                  "-cp",
                  System.getProperty("java.class.path"),
                  OperatorInChildProcess.class.getName(),
                  TestCluster.shared().kubeconfig().toString(),
                  simulator.kinstaBaseUrl().toString(),
                  simulator.sevallaBaseUrl().toString(),
                  CREATION_WINDOW)
              .redirectErrorStream(true)
              .redirectOutput(logs.resolve("operator-" + ++starts + ".log").toFile())
              .start();
      running.set(process);
    }

    /** SIGKILL, from the simulator's event loop as the point is reached. */
    void killAt(KillPoint point) {
      Process target = running.get();
      simulator.addFault(point.fault().apply(target::destroyForcibly));
    }

    void awaitKilledAndStartAgain() throws Exception {
      Process killed = running.get();
      assertTrue(
          killed.waitFor(CONVERGED.toSeconds(), TimeUnit.SECONDS), "the kill point was reached");
      assertEquals(137, killed.exitValue(), "killed with SIGKILL");
      start();
    }

    @Override
    public void close() {
      Process process = running.get();
      if (process != null) {
        process.destroyForcibly();
      }
    }
  }
}
