package dev.operators.kinsta.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.operators.kinsta.api.v1alpha1.ApiGroup;
import dev.operators.kinsta.api.v1alpha1.KinstaSite;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteStatus;
import dev.operators.kinsta.config.OperatorConfig;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Properties of the pure pieces every controller relies on: no server, no operator. */
class ReconcilePropertiesTest {
  private static final ReconcileSettings SETTINGS =
      ReconcileSettings.from(OperatorConfig.fromEnvironment(Map.of()));
  private static final OperationTracker TRACKER = new OperationTracker(SETTINGS, Clock.systemUTC());

  @Property
  void aPollIntervalStaysWithinItsBoundsForEveryAge(
      @ForAll @LongRange(min = 0, max = 86_400_000L) long ageMillis) {
    Duration next = TRACKER.nextPoll(Duration.ofMillis(ageMillis), null);
    assertTrue(next.compareTo(SETTINGS.minPollInterval()) >= 0, next.toString());
    // Up to 10 % jitter on top of the ceiling, so that many operations started together spread out.
    assertTrue(next.toMillis() <= SETTINGS.maxPollInterval().toMillis() * 11 / 10, next.toString());
  }

  @Property
  void anOlderOperationIsNeverPolledMuchSooner(
      @ForAll @LongRange(min = 0, max = 3_600_000L) long younger,
      @ForAll @LongRange(min = 0, max = 3_600_000L) long extra) {
    Duration first = TRACKER.nextPoll(Duration.ofMillis(younger), null);
    Duration later = TRACKER.nextPoll(Duration.ofMillis(younger + extra), null);
    // Only the jitter (at most 10 %) may make an older operation's interval shorter.
    assertTrue(
        later.toMillis() * 11 / 10 + 1 >= first.toMillis() * 10 / 11, first + " then " + later);
  }

  @Property
  void aPollIntervalOverrideWins(
      @ForAll @LongRange(min = 1, max = 600_000L) long overrideMillis,
      @ForAll @LongRange(min = 0, max = 86_400_000L) long ageMillis) {
    Duration override = Duration.ofMillis(overrideMillis);
    assertEquals(override, TRACKER.nextPoll(Duration.ofMillis(ageMillis), override));
  }

  @Property
  void thePollIntervalAnnotationIsHeldWithinItsBounds(
      @ForAll @LongRange(min = 1, max = 10_000_000L) long millis) {
    KinstaSite site = new KinstaSite();
    site.setMetadata(
        new ObjectMetaBuilder()
            .withName("polled")
            .withAnnotations(Map.of(ApiGroup.POLL_INTERVAL_ANNOTATION, millis + "ms"))
            .build());
    Duration interval = ResourceControls.pollInterval(site).orElseThrow();
    assertTrue(interval.compareTo(ResourceControls.MIN_POLL_INTERVAL) >= 0, interval.toString());
    assertTrue(interval.compareTo(ResourceControls.MAX_POLL_INTERVAL) <= 0, interval.toString());
  }

  @Property
  void theRetryDelayGrowsAndStaysWithinItsCap(
      @ForAll @IntRange(min = 1, max = 10_000) int attempt) {
    JitteredRetry retry = new JitteredRetry(SETTINGS.retryInitial(), SETTINGS.retryMax());
    Duration delay = retry.baseDelay(attempt);
    assertTrue(
        delay.compareTo(SETTINGS.retryInitial()) >= 0 && delay.compareTo(SETTINGS.retryMax()) <= 0);
    assertTrue(retry.baseDelay(attempt + 1).compareTo(delay) >= 0);
  }

  @Property
  void aConditionListNeverHoldsATypeTwiceAndKeepsOthersConditions(
      @ForAll("outcomes") List<Outcome> outcomes,
      @ForAll("foreignConditions") List<Condition> foreign) {
    KinstaSiteStatus status = new KinstaSiteStatus();
    status.conditions = new ArrayList<>(foreign);
    Instant now = Instant.parse("2026-12-02T10:00:00Z");
    long generation = 1;
    for (Outcome outcome : outcomes) {
      StatusConditions.apply(status, generation++, outcome, now);
      now = now.plusSeconds(7);
    }
    List<String> types = status.conditions.stream().map(Condition::getType).toList();
    assertEquals(new HashSet<>(types).size(), types.size(), types.toString());
    Set<String> foreignTypes = new HashSet<>(foreign.stream().map(Condition::getType).toList());
    assertTrue(
        types.containsAll(foreignTypes), "conditions of other controllers are kept: " + types);
    if (outcomes.stream().anyMatch(o -> o.kind() != Outcome.Kind.UNCHANGED)) {
      assertEquals(
          List.of(StatusConditions.READY, StatusConditions.RECONCILING, StatusConditions.STALLED),
          types.subList(0, 3),
          "the kstatus conditions come first, in a fixed order");
      long trueOnes =
          status.conditions.stream()
              .filter(
                  c ->
                      List.of(StatusConditions.READY, StatusConditions.STALLED)
                              .contains(c.getType())
                          && "True".equals(c.getStatus()))
              .count();
      assertTrue(trueOnes <= 1, "never Ready and Stalled at once: " + status.conditions);
    }
  }

  @Property
  void applyingTheSameOutcomeTwiceChangesNothing(@ForAll("outcome") Outcome outcome) {
    KinstaSiteStatus status = new KinstaSiteStatus();
    Instant now = Instant.parse("2026-12-02T10:00:00Z");
    StatusConditions.apply(status, 3, outcome, now);
    List<Condition> once = List.copyOf(status.conditions == null ? List.of() : status.conditions);
    StatusConditions.apply(status, 3, outcome, now.plusSeconds(60));
    assertEquals(
        once,
        status.conditions == null ? List.of() : status.conditions,
        "an unchanged outcome gives an identical status, so no patch is sent");
  }

  @Provide
  Arbitrary<Outcome> outcome() {
    Arbitrary<Reason> reasons =
        Arbitraries.of(
            Reasons.READY,
            Reasons.OPERATION_IN_PROGRESS,
            Reasons.INVALID_SPEC,
            Reasons.RATE_LIMITED,
            Reasons.KINSTA_UNAVAILABLE);
    Arbitrary<String> messages = Arbitraries.strings().alpha().ofMaxLength(20);
    return Combinators.combine(Arbitraries.of(Outcome.Kind.values()), reasons, messages)
        .as(
            (kind, reason, text) ->
                switch (kind) {
                  case READY -> Outcome.ready(text, Duration.ofMinutes(10));
                  case PROGRESSING -> Outcome.progressing(reason, text, Duration.ofSeconds(5));
                  case STALLED -> Outcome.stalled(reason, text);
                  case WAITING -> Outcome.waiting(reason, text, Duration.ofSeconds(5));
                  case PAUSED -> Outcome.paused();
                  case UNCHANGED -> Outcome.unchanged();
                });
  }

  @Provide
  Arbitrary<List<Outcome>> outcomes() {
    return outcome().list().ofMaxSize(12);
  }

  @Provide
  Arbitrary<List<Condition>> foreignConditions() {
    return Arbitraries.of("Synced", "Healthy", "ArgoProgressing")
        .set()
        .ofMaxSize(3)
        .map(
            types ->
                types.stream()
                    .map(
                        type ->
                            new ConditionBuilder()
                                .withType(type)
                                .withStatus("True")
                                .withReason("Other")
                                .withMessage("set by another controller")
                                .build())
                    .toList());
  }
}
