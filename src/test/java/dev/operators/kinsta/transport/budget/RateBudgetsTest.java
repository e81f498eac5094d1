package dev.operators.kinsta.transport.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The budget's own guarantees, without HTTP: priorities, lanes, pauses, and no waiting. */
class RateBudgetsTest {

  private static RateBudgetSettings settings(RateLimit perCompany, RateLimit creations) {
    return new RateBudgetSettings(
        perCompany, creations, RateLimit.perMinute(30), RateLimit.perMinute(900));
  }

  @Test
  void whenTheBudgetRunsLowTheLessUrgentAreRefusedFirst() throws Exception {
    RateBudgets budgets =
        new RateBudgets(
            settings(
                new RateLimit(60, Duration.ofMinutes(1), 10),
                new RateLimit(5, Duration.ofMinutes(1), 1)));
    // A fifth of the bucket is kept from background reads, a tenth from deletions.
    for (int i = 0; i < 8; i++) {
      budgets.acquire("acme", Lane.GENERAL, Priority.BACKGROUND_READ);
    }
    assertThrows(
        BudgetExhaustedException.class,
        () -> budgets.acquire("acme", Lane.GENERAL, Priority.BACKGROUND_READ));
    budgets.acquire("acme", Lane.GENERAL, Priority.DELETE);
    assertThrows(
        BudgetExhaustedException.class,
        () -> budgets.acquire("acme", Lane.GENERAL, Priority.DELETE));
    budgets.acquire("acme", Lane.GENERAL, Priority.OPERATION_POLL);
    BudgetExhaustedException denied =
        assertThrows(
            BudgetExhaustedException.class,
            () -> budgets.acquire("acme", Lane.GENERAL, Priority.USER_WRITE));
    assertTrue(
        denied.retryAfter().compareTo(Duration.ZERO) > 0
            && denied.retryAfter().compareTo(Duration.ofSeconds(5)) < 0,
        "refused at once with the time until a step's three permits are there (one every 1.2 s): "
            + denied.retryAfter());
  }

  @Test
  void anEmptyBudgetRefusesAtOnceWithTheTimeUntilTheNextPermit() throws Exception {
    RateBudgets budgets =
        new RateBudgets(
            settings(
                new RateLimit(2, Duration.ofMinutes(1), 1),
                new RateLimit(5, Duration.ofMinutes(1), 1)));
    budgets.acquire("acme", Lane.GENERAL, Priority.USER_WRITE);
    BudgetExhaustedException denied =
        assertThrows(
            BudgetExhaustedException.class,
            () -> budgets.acquire("acme", Lane.GENERAL, Priority.USER_WRITE));
    assertTrue(
        denied.retryAfter().toSeconds() >= 20,
        "the next permit is about half a minute away: " + denied.retryAfter());
  }

  @Test
  void reportsGetAFifthOfTheLimitSpacedAndOnlyFromAHalfFullBucket() throws Exception {
    RateBudgets budgets =
        new RateBudgets(
            settings(
                new RateLimit(100, Duration.ofMinutes(1), 20),
                new RateLimit(5, Duration.ofMinutes(1), 1)));
    assertEquals(20, budgets.settings().usage().permits(), "a fifth of 100 a minute");
    budgets.acquire("acme", Lane.USAGE, Priority.REPORTING);
    BudgetExhaustedException spaced =
        assertThrows(
            BudgetExhaustedException.class,
            () -> budgets.acquire("acme", Lane.USAGE, Priority.REPORTING));
    assertTrue(
        spaced.retryAfter().toMillis() > 2_000 && spaced.retryAfter().toMillis() <= 3_100,
        "the next report about three seconds later (60 s / 20): " + spaced.retryAfter());

    RateBudgets busy =
        new RateBudgets(
            settings(
                new RateLimit(100, Duration.ofMinutes(1), 20),
                new RateLimit(5, Duration.ofMinutes(1), 1)));
    for (int i = 0; i < 10; i++) {
      busy.acquire("acme", Lane.GENERAL, Priority.USER_WRITE);
    }
    assertThrows(
        BudgetExhaustedException.class,
        () -> busy.acquire("acme", Lane.USAGE, Priority.REPORTING),
        "half the bucket is kept from reports");
    busy.acquire("acme", Lane.GENERAL, Priority.BACKGROUND_READ);
  }

  @Test
  void creationsHaveTheirOwnLaneAndDoNotBlockOtherCalls() throws Exception {
    RateBudgets budgets =
        new RateBudgets(
            settings(RateLimit.perMinute(100), new RateLimit(5, Duration.ofMinutes(1), 1)));
    budgets.acquire("acme", Lane.CREATION, Priority.USER_WRITE);
    assertThrows(
        BudgetExhaustedException.class,
        () -> budgets.acquire("acme", Lane.CREATION, Priority.USER_WRITE));
    budgets.acquire("acme", Lane.GENERAL, Priority.BACKGROUND_READ);
  }

  @Test
  void aHeldCreationPermitIsSpentByTheCreationCallOrGivenBack() throws Exception {
    RateBudgets budgets =
        new RateBudgets(
            settings(RateLimit.perMinute(100), new RateLimit(5, Duration.ofMinutes(1), 1)));
    try (RateBudgets.CreationHold unused = budgets.holdCreation("acme")) {
      assertThrows(BudgetExhaustedException.class, () -> budgets.holdCreation("acme"));
    }
    // Given back: the lane's one permit is there again, and a creation call spends the hold.
    try (RateBudgets.CreationHold held = budgets.holdCreation("acme")) {
      budgets.acquire("acme", Lane.CREATION, Priority.USER_WRITE);
    }
    BudgetExhaustedException denied =
        assertThrows(
            BudgetExhaustedException.class,
            () -> budgets.acquire("acme", Lane.CREATION, Priority.USER_WRITE));
    assertTrue(denied.retryAfter().toSeconds() >= 5, "spent, not given back: " + denied);
    // Another company's lane is its own.
    try (RateBudgets.CreationHold other = budgets.holdCreation("globex")) {
      budgets.acquire("globex", Lane.CREATION, Priority.USER_WRITE);
    }
  }

  @Test
  void aPauseAppliesToOneCompanyOnly() throws Exception {
    RateBudgets budgets =
        new RateBudgets(
            settings(RateLimit.perMinute(100), new RateLimit(5, Duration.ofMinutes(1), 1)));
    budgets.pause("acme", Duration.ofSeconds(30));
    assertTrue(budgets.pausedFor("acme").toSeconds() > 20);
    assertThrows(
        BudgetExhaustedException.class,
        () -> budgets.acquire("acme", Lane.GENERAL, Priority.USER_WRITE));
    budgets.acquire("globex", Lane.GENERAL, Priority.BACKGROUND_READ);
    assertEquals(Duration.ZERO, budgets.pausedFor("globex"));
  }

  @Test
  void aLimitNeverAllowsMoreThanItsPermitsInAnyWindow() {
    RateLimit limit = RateLimit.perMinute(100);
    assertEquals(10, limit.burst());
    assertEquals(
        100,
        limit.burst() + (limit.permits() - limit.burst()),
        "the bucket's worst case in one period is its burst plus one period of refill");
    assertThrows(IllegalArgumentException.class, () -> new RateLimit(5, Duration.ofMinutes(1), 5));
    assertThrows(IllegalArgumentException.class, () -> new RateLimit(1, Duration.ofMinutes(1), 1));
  }

  @Test
  void aLimitOfOneAtATimeIsSpacedJustOverItsShareOfThePeriod() {
    RateLimit creations = new RateLimit(5, Duration.ofMinutes(1), 1);
    Duration spacing = creations.spacing();
    // Five starts spaced so never fit a sixth into one minute, and the rate stays within 2 %.
    assertTrue(spacing.multipliedBy(5).compareTo(Duration.ofMinutes(1)) > 0, spacing.toString());
    assertTrue(spacing.multipliedBy(50).compareTo(Duration.ofMinutes(10).plusSeconds(12)) <= 0);
  }

  @Test
  void aCallRefusedByTheCompanyBudgetGivesItsLanePermitBack() throws Exception {
    RateBudgets budgets =
        new RateBudgets(
            settings(
                new RateLimit(2, Duration.ofMinutes(1), 1),
                new RateLimit(2, Duration.ofMinutes(1), 1)));
    budgets.acquire("acme", Lane.GENERAL, Priority.USER_WRITE);
    assertThrows(
        BudgetExhaustedException.class,
        () -> budgets.acquire("acme", Lane.CREATION, Priority.USER_WRITE));
    try (RateBudgets.CreationHold held = budgets.holdCreation("acme")) {
      // The creation lane's one permit is still there: the refused call did not keep it.
    }
  }

  @Test
  void aCallRefusedForTheAddressGivesBothPermitsBack() throws Exception {
    RateBudgets budgets =
        new RateBudgets(
            new RateBudgetSettings(
                RateLimit.perMinute(100),
                new RateLimit(2, Duration.ofMinutes(1), 1),
                RateLimit.perMinute(30),
                new RateLimit(2, Duration.ofMinutes(1), 1)));
    long before = budgets.availablePermits("acme");
    budgets.acquire("acme", Lane.GENERAL, Priority.USER_WRITE);
    assertThrows(
        BudgetExhaustedException.class,
        () -> budgets.acquire("acme", Lane.CREATION, Priority.USER_WRITE));
    assertEquals(before - 1, budgets.availablePermits("acme"), "only the granted call is spent");
    try (RateBudgets.CreationHold held = budgets.holdCreation("acme")) {
      // The creation lane's permit came back too.
    }
  }

  @Test
  void aPausedCompanyCannotHoldACreation() throws Exception {
    RateBudgets budgets =
        new RateBudgets(
            settings(RateLimit.perMinute(100), new RateLimit(5, Duration.ofMinutes(1), 1)));
    budgets.pause("acme", Duration.ofSeconds(30));
    assertThrows(BudgetExhaustedException.class, () -> budgets.holdCreation("acme"));
  }

  @Test
  void theListenerHearsEveryGrantRefusalAndPause() throws Exception {
    List<String> heard = new ArrayList<>();
    RateBudgets budgets =
        new RateBudgets(
                settings(
                    new RateLimit(2, Duration.ofMinutes(1), 1),
                    new RateLimit(5, Duration.ofMinutes(1), 1)))
            .withListener(
                new RateBudgets.Listener() {
                  @Override
                  public void permitGranted(String company, Priority priority) {
                    heard.add("granted " + company + " " + priority);
                  }

                  @Override
                  public void permitDenied(String company, Priority priority, Duration retryAfter) {
                    heard.add("denied " + company + " " + priority);
                  }

                  @Override
                  public void paused(String company, Duration duration) {
                    heard.add("paused " + company + " " + duration.toSeconds());
                  }
                });
    budgets.acquire("acme", Lane.GENERAL, Priority.USER_WRITE);
    assertThrows(
        BudgetExhaustedException.class,
        () -> budgets.acquire("acme", Lane.GENERAL, Priority.USER_WRITE));
    budgets.pause("acme", Duration.ofSeconds(30));
    assertEquals(
        List.of("granted acme USER_WRITE", "denied acme USER_WRITE", "paused acme 30"), heard);
  }

  @Test
  void aCreationRefusedWhileItsPermitIsHeldKeepsTheHold() throws Exception {
    RateBudgets budgets =
        new RateBudgets(
            settings(
                new RateLimit(2, Duration.ofMinutes(1), 1),
                new RateLimit(5, Duration.ofMinutes(1), 1)));
    try (RateBudgets.CreationHold held = budgets.holdCreation("acme")) {
      budgets.acquire("acme", Lane.GENERAL, Priority.USER_WRITE);
      assertThrows(
          BudgetExhaustedException.class,
          () -> budgets.acquire("acme", Lane.CREATION, Priority.USER_WRITE));
      assertThrows(
          BudgetExhaustedException.class,
          () -> budgets.holdCreation("acme"),
          "the held permit is still held, not given back nor taken twice");
    }
    try (RateBudgets.CreationHold again = budgets.holdCreation("acme")) {
      // Closing the hold gave the unused permit back.
    }
  }
}
