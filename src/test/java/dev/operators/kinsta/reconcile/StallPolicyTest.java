package dev.operators.kinsta.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.operators.kinsta.api.v1alpha1.KinstaSite;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteStatus;
import dev.operators.kinsta.api.v1alpha1.KinstaStatus;
import dev.operators.kinsta.config.OperatorConfig;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When a stalled resource is looked at again, without a cluster: the stall policy alone. */
class StallPolicyTest {
  private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
  private static final ReconcileSettings SETTINGS =
      ReconcileSettings.from(OperatorConfig.fromEnvironment(Map.of()));

  private enum KindReasons implements Reason {
    @MayClear
    GONE_FOR_NOW,
    BROKEN_FOR_GOOD
  }

  private static StallPolicy policy(Instant now) {
    return new StallPolicy(
        SETTINGS, Clock.fixed(now, ZoneOffset.UTC), () -> List.of(KindReasons.values()));
  }

  private static KinstaSite site(long generation) {
    KinstaSite site = new KinstaSite();
    site.setMetadata(new ObjectMetaBuilder().withName("shop").withGeneration(generation).build());
    return site;
  }

  /** A status stalled for {@code reason} at generation 1, with these inputs. */
  private static KinstaStatus stalled(Reason reason, String secrets, String checkedAt) {
    KinstaStatus status = new KinstaSiteStatus();
    StatusConditions.apply(status, 1, Outcome.stalled(reason, "stuck"), NOW);
    status.secretsVersion = secrets;
    status.stalledCheckedAt = checkedAt;
    return status;
  }

  @Test
  void aStallThatMayClearIsLookedAtAgainAfterTheStalledRetry() {
    KinstaStatus status = new KinstaSiteStatus();
    Outcome reported = policy(NOW).reported(status, Outcome.stalled(KindReasons.GONE_FOR_NOW, "x"));
    assertEquals(SETTINGS.stalledRetry(), reported.requeueAfter());
    assertEquals("2026-12-07T10:00:00Z", status.stalledCheckedAt);
  }

  @Test
  void aFinalStallWaitsForAChange() {
    KinstaStatus status = new KinstaSiteStatus();
    Outcome reported =
        policy(NOW).reported(status, Outcome.stalled(KindReasons.BROKEN_FOR_GOOD, "x"));
    assertNull(reported.requeueAfter());
    assertEquals(Outcome.Kind.STALLED, reported.kind());
  }

  @Test
  void aMissingSecretIsLookedForSoonWithoutALookOnRecord() {
    KinstaStatus status = new KinstaSiteStatus();
    Outcome reported =
        policy(NOW).reported(status, Outcome.stalled(Reasons.SECRET_NOT_FOUND, "no Secret"));
    assertEquals(Duration.ofSeconds(30), reported.requeueAfter());
    assertNull(status.stalledCheckedAt);
    assertEquals(
        Optional.of(Duration.ofSeconds(30)),
        policy(NOW).nextLook(stalled(Reasons.CREDENTIALS_NOT_FOUND, "v1", null)));
  }

  @Test
  void aStallWithTheSameInputsIsLeftAlone() {
    KinstaStatus before = stalled(KindReasons.BROKEN_FOR_GOOD, "v1", NOW.toString());
    StallPolicy policy = policy(NOW.plus(Duration.ofDays(3)));
    assertTrue(policy.unchanged(site(1), before, "v1", null));
    assertFalse(policy.unchanged(site(2), before, "v1", null), "a new generation");
    assertFalse(policy.unchanged(site(1), before, "v2", null), "a changed Secret");
    assertFalse(policy.unchanged(site(1), before, "v1", "now"), "a reconcile request");
    assertFalse(policy.unchanged(site(1), null, "v1", null), "never reconciled");
  }

  @Test
  void aStallThatMayClearIsLookedAtOnceItsRetryIsDue() {
    KinstaStatus before = stalled(KindReasons.GONE_FOR_NOW, "v1", NOW.toString());
    Duration retry = SETTINGS.stalledRetry();
    assertTrue(policy(NOW.plus(retry).minusSeconds(1)).unchanged(site(1), before, "v1", null));
    assertFalse(policy(NOW.plus(retry)).unchanged(site(1), before, "v1", null));
    assertEquals(
        Optional.of(Duration.ofMinutes(10)),
        policy(NOW.plus(retry).minus(Duration.ofMinutes(10))).nextLook(before));
    assertEquals(
        Optional.of(Duration.ofSeconds(1)),
        policy(NOW.plus(retry).plusSeconds(5)).nextLook(before),
        "an overdue look is at once, not in the past");
    assertEquals(
        Optional.empty(),
        policy(NOW).nextLook(stalled(KindReasons.BROKEN_FOR_GOOD, "v1", NOW.toString())));
  }

  @Test
  void theSharedStallsThatMayClearCountForEveryKind() {
    KinstaStatus before = stalled(Reasons.PERMISSION_DENIED, "v1", NOW.toString());
    assertFalse(policy(NOW.plus(SETTINGS.stalledRetry())).unchanged(site(1), before, "v1", null));
    assertTrue(Reasons.NOT_FOUND.mayClear());
    assertFalse(Reasons.INVALID_SPEC.mayClear());
  }
}
