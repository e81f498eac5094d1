package dev.operators.kinsta.wordpress.siteaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.operators.kinsta.api.v1alpha1.KinstaSiteAction;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteActionSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteActionStatus.Run;
import dev.operators.kinsta.api.v1alpha1.RunOutcome;
import dev.operators.kinsta.testing.MutableClock;
import dev.operators.kinsta.testing.OperatorHarness;
import dev.operators.kinsta.testing.OperatorHarness.Tenant;
import dev.operators.kinsta.testing.SimulatorFixture;
import dev.operators.kinsta.wordpress.site.Sites;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scheduled actions with the operator's clock in the test's hands: slots fire when their time
 * comes, once, across restarts; missed slots are recorded; concurrency policies and history limits
 * hold.
 */
class ScheduledActionTest {
  static final MutableClock clock = new MutableClock(Instant.now());
  static final AtomicInteger tokens = new AtomicInteger();
  static OperatorHarness harness;

  @BeforeAll
  static void start() {
    harness =
        OperatorHarness.start(SimulatorFixture.start(), OperatorHarness.fastSettings(), clock);
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  /**
   * An every-minute clear-cache action on a fresh site; the clock is set just before its first
   * slot.
   */
  private static Tenant everyMinute(
      String name,
      KinstaSiteActionSpec.ConcurrencyPolicy policy,
      java.util.function.Consumer<KinstaSiteActionSpec.Schedule> tune) {
    Tenant tenant = harness.tenant();
    tenant.create(Sites.plain("site"));
    tenant.awaitSiteReady("site");
    clock.set(Instant.now());
    KinstaSiteAction action =
        SiteActionTest.action(
            name,
            "site",
            s -> {
              s.clearCache = new KinstaSiteActionSpec.Empty();
              s.schedule = new KinstaSiteActionSpec.Schedule();
              s.schedule.cron = "* * * * *";
              s.schedule.concurrencyPolicy = policy;
              tune.accept(s.schedule);
            });
    KinstaSiteAction created = tenant.create(action);
    Instant createdAt = Instant.parse(created.getMetadata().getCreationTimestamp());
    clock.set(createdAt.truncatedTo(ChronoUnit.MINUTES).plusSeconds(60 + 5));
    return tenant;
  }

  /**
   * Operations that take {@code duration} in the simulator, so a run is still going at the next
   * slot.
   */
  private static void slowOperations(Duration duration) {
    harness.kinsta.simulator.updateSettings(s -> s.withTiming(Duration.ofMillis(100), duration));
  }

  @AfterEach
  void quickOperationsAgain() {
    slowOperations(Duration.ofMillis(200));
  }

  /** An every-minute action whose second slot comes while its first run is still going. */
  private static Tenant secondSlotDuringFirstRun(
      String name, KinstaSiteActionSpec.ConcurrencyPolicy policy) {
    Tenant tenant = everyMinute(name, policy, s -> {});
    poke(tenant, name);
    awaitRuns(tenant, name, runs -> count(runs, RunOutcome.Running) == 1);
    clock.advance(Duration.ofMinutes(1));
    poke(tenant, name);
    return tenant;
  }

  private static KinstaSiteAction poke(Tenant tenant, String name) {
    return tenant.requestReconcile(KinstaSiteAction.class, name, "t" + tokens.incrementAndGet());
  }

  private static KinstaSiteAction awaitRuns(
      Tenant tenant, String name, java.util.function.Predicate<List<Run>> done) {
    return org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> tenant.get(KinstaSiteAction.class, name), a -> done.test(a.getStatus().runs));
  }

  private static long count(List<Run> runs, RunOutcome outcome) {
    return runs.stream().filter(r -> r.outcome == outcome).count();
  }

  @Test
  void firesEachSlotOnceAcrossARestartAndRecordsAMissedOne() {
    Tenant tenant =
        everyMinute(
            "nightly",
            KinstaSiteActionSpec.ConcurrencyPolicy.Forbid,
            s -> s.startingDeadlineSeconds = 30L);
    poke(tenant, "nightly");
    KinstaSiteAction first =
        awaitRuns(tenant, "nightly", runs -> count(runs, RunOutcome.Succeeded) == 1);
    String firstSlot = first.getStatus().runs.get(0).slot;
    assertEquals(first.getStatus().lastScheduleTime, firstSlot);
    assertTrue(Instant.parse(first.getStatus().nextScheduleTime).isAfter(clock.instant()));

    harness.restartOperator();
    KinstaSiteAction again = poke(tenant, "nightly");
    assertEquals(1, again.getStatus().runs.size(), "a restart does not run the slot again");
    assertEquals(1, tenant.calls("POST /sites/tools/clear-cache"));

    harness.stopOperator();
    clock.advance(Duration.ofMinutes(2).plusSeconds(40));
    harness.startOperator();
    poke(tenant, "nightly");
    KinstaSiteAction later = awaitRuns(tenant, "nightly", runs -> runs.size() == 3);
    List<Run> runs = later.getStatus().runs;
    assertEquals(
        2,
        count(runs, RunOutcome.Missed),
        "the skipped-over slot and the one past its 30 s deadline");
    assertEquals(1, count(runs, RunOutcome.Succeeded));
    assertEquals(1, tenant.calls("POST /sites/tools/clear-cache"), "missed slots are not run late");
    assertTrue(tenant.events().stream().anyMatch(e -> "MissedSchedule".equals(e.getReason())));
  }

  @Test
  void forbidSkipsASlotWhileTheLastRunIsGoing() {
    slowOperations(Duration.ofSeconds(4));
    Tenant tenant =
        secondSlotDuringFirstRun("forbid", KinstaSiteActionSpec.ConcurrencyPolicy.Forbid);

    KinstaSiteAction done =
        awaitRuns(
            tenant,
            "forbid",
            runs -> count(runs, RunOutcome.Succeeded) == 1 && count(runs, RunOutcome.Skipped) == 1);
    assertEquals(1, tenant.calls("POST /sites/tools/clear-cache"));
    assertEquals(RunOutcome.Skipped, done.getStatus().runs.get(0).outcome);
  }

  @Test
  void replaceStopsFollowingTheOldRunAndAllowQueuesTheNewOne() {
    slowOperations(Duration.ofSeconds(3));
    Tenant replacing =
        secondSlotDuringFirstRun("replace", KinstaSiteActionSpec.ConcurrencyPolicy.Replace);
    KinstaSiteAction replaced =
        awaitRuns(
            replacing,
            "replace",
            runs ->
                count(runs, RunOutcome.Replaced) == 1 && count(runs, RunOutcome.Succeeded) == 1);
    assertEquals(2, replacing.calls("POST /sites/tools/clear-cache"));
    assertEquals(
        RunOutcome.Succeeded,
        replaced.getStatus().runs.get(0).outcome,
        "the newer run is the one followed");

    Tenant allowing =
        secondSlotDuringFirstRun("allow", KinstaSiteActionSpec.ConcurrencyPolicy.Allow);
    KinstaSiteAction allowed =
        awaitRuns(allowing, "allow", runs -> count(runs, RunOutcome.Succeeded) == 2);
    assertEquals(
        2,
        allowing.calls("POST /sites/tools/clear-cache"),
        "queued, then run after the first: "
            + io.fabric8.kubernetes.client.utils.Serialization.asJson(allowed.getStatus().runs));
  }

  @Test
  void keepsOnlyTheNewestRunsWithinTheHistoryLimit() {
    Tenant tenant =
        everyMinute(
            "history",
            KinstaSiteActionSpec.ConcurrencyPolicy.Forbid,
            s -> s.successfulRunsHistoryLimit = 2);
    for (int slot = 1; slot <= 3; slot++) {
      poke(tenant, "history");
      int ran = slot;
      awaitRuns(
          tenant,
          "history",
          runs ->
              count(runs, RunOutcome.Succeeded) == Math.min(ran, 2)
                  && count(runs, RunOutcome.Running) == 0);
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> tenant.calls("POST /sites/tools/clear-cache") == ran);
      clock.advance(Duration.ofMinutes(1));
    }
    KinstaSiteAction action = tenant.get(KinstaSiteAction.class, "history");
    assertEquals(2, action.getStatus().runs.size());
    assertTrue(
        Instant.parse(action.getStatus().runs.get(0).slot)
            .isAfter(Instant.parse(action.getStatus().runs.get(1).slot)),
        "newest first");
  }
}
