package dev.operators.kinsta.reconcile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.operators.kinsta.api.v1alpha1.TrackedOperation;
import dev.operators.kinsta.config.OperatorConfig;
import dev.operators.kinsta.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How many polls a site creation costs with the default settings: the tracker learns how long
 * creations take and polls near that time, so one of one to three minutes takes a handful of polls,
 * not one every quarter of its age. Time is the test's clock; no waiting.
 */
class OperationPacingTest {
  private static final ReconcileSettings DEFAULTS =
      ReconcileSettings.from(OperatorConfig.fromEnvironment(Map.of()));

  @ParameterizedTest
  @ValueSource(ints = {60, 120, 180})
  void aCreationIsPolledAtMostEightTimesOnceItsDurationIsKnown(int seconds) {
    MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
    OperationTracker tracker = new OperationTracker(DEFAULTS, clock);
    // Creations seen before took one to three minutes.
    for (int seen : new int[] {70, 150, 100}) {
      tracker.learn("CreateSite", Duration.ofSeconds(seen));
    }
    TrackedOperation creation = new TrackedOperation();
    creation.type = "CreateSite";
    creation.startedAt = DateTimeFormatter.ISO_INSTANT.format(clock.instant());
    Duration took = Duration.ofSeconds(seconds);
    int polls = 0;
    Duration elapsed = Duration.ZERO;
    while (elapsed.compareTo(took) < 0) {
      Duration next = tracker.nextPoll(creation, null);
      clock.advance(next);
      elapsed = elapsed.plus(next);
      polls++;
    }
    System.out.printf("polls for a creation of %d s: %d%n", seconds, polls);
    assertTrue(polls <= 8, seconds + " s creation polled " + polls + " times");
  }
}
