package dev.operators.kinsta.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.operators.kinsta.transport.KinstaApiException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How long a reconcile refused a rate-budget permit waits. */
class RateLimitWaitsTest {
  private static final Duration PERMIT = Duration.ofSeconds(2);

  private static KinstaApiException.RateLimited refused(boolean creation) {
    return new KinstaApiException.RateLimited("GET /sites", 429, PERMIT, "no permit", creation);
  }

  /** The wait without its jitter (up to a fifth more). */
  private static void assertWaits(Duration expected, Outcome outcome) {
    assertWaits(expected, outcome, "");
  }

  private static void assertWaits(Duration expected, Outcome outcome, String why) {
    Duration wait = outcome.requeueAfter();
    assertTrue(
        wait != null
            && wait.compareTo(expected) >= 0
            && wait.compareTo(expected.plus(expected.dividedBy(5))) <= 0,
        why + ": expected " + expected + " plus jitter, got " + wait);
    assertEquals(Outcome.Kind.WAITING, outcome.kind());
    assertEquals(Reasons.RATE_LIMITED, outcome.reason());
  }

  @Test
  void refusalsInARowThatChangedNothingWaitTwiceAsLongEachTime() {
    RateLimitWaits waits = new RateLimitWaits();
    assertWaits(PERMIT, waits.refused("ns/a", refused(false), false));
    assertWaits(PERMIT.multipliedBy(2), waits.refused("ns/a", refused(false), false));
    assertWaits(PERMIT.multipliedBy(4), waits.refused("ns/a", refused(false), false));
    assertWaits(PERMIT, waits.refused("ns/b", refused(false), false), "per resource");
    for (int i = 0; i < 10; i++) {
      waits.refused("ns/a", refused(false), false);
    }
    assertWaits(PERMIT.multipliedBy(32), waits.refused("ns/a", refused(false), false));
  }

  @Test
  void progressOrSuccessStartsTheCountAgain() {
    RateLimitWaits waits = new RateLimitWaits();
    waits.refused("ns/a", refused(false), false);
    waits.refused("ns/a", refused(false), false);
    assertWaits(PERMIT, waits.refused("ns/a", refused(false), true), "a write got through");
    assertWaits(PERMIT, waits.refused("ns/a", refused(false), false));
    assertWaits(PERMIT.multipliedBy(2), waits.refused("ns/a", refused(false), false));
    waits.forget("ns/a");
    assertWaits(PERMIT, waits.refused("ns/a", refused(false), false));
  }

  @Test
  void aCreationWaitingForItsTurnWaitsForTheNextPermitOnly() {
    RateLimitWaits waits = new RateLimitWaits();
    for (int i = 0; i < 5; i++) {
      assertWaits(PERMIT, waits.refused("ns/a", refused(true), false));
    }
  }
}
