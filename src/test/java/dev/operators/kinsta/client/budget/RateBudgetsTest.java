package dev.operators.kinsta.client.budget;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The budget's own guarantees, without HTTP: priorities, lanes, pauses and bounded waits. */
class RateBudgetsTest {

  private static RateBudgetSettings settings(
      RateLimit perCompany, RateLimit creations, Duration maxWait) {
    return new RateBudgetSettings(
        perCompany, creations, RateLimit.perMinute(30), RateLimit.perMinute(900), maxWait);
  }

  @Test
  void grantsWaitingCallersMostUrgentFirst() throws Exception {
    RateBudgets budgets =
        new RateBudgets(
            settings(
                new RateLimit(20, Duration.ofSeconds(2), 1),
                new RateLimit(5, Duration.ofMinutes(1), 1),
                Duration.ofSeconds(10)));
    // Nobody gets a permit until the pause ends, so every caller is queued before the first grant.
    budgets.pause("acme", Duration.ofSeconds(1));
    List<Priority> granted = new CopyOnWriteArrayList<>();
    List<Thread> callers = new ArrayList<>();
    for (Priority priority :
        List.of(
            Priority.BACKGROUND_READ,
            Priority.DELETE,
            Priority.OPERATION_POLL,
            Priority.USER_WRITE)) {
      Thread caller =
          new Thread(
              () -> {
                try {
                  budgets.acquire("acme", Lane.GENERAL, priority);
                  granted.add(priority);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      caller.start();
      callers.add(caller);
    }
    await().atMost(Duration.ofSeconds(1)).until(() -> budgets.waiting("acme") == 4);
    for (Thread caller : callers) {
      caller.join(Duration.ofSeconds(10).toMillis());
    }
    assertEquals(
        List.of(
            Priority.USER_WRITE,
            Priority.OPERATION_POLL,
            Priority.DELETE,
            Priority.BACKGROUND_READ),
        granted);
  }

  @Test
  void turnsDownACallThatWouldWaitLongerThanAllowed() throws Exception {
    RateBudgets budgets =
        new RateBudgets(
            settings(
                new RateLimit(2, Duration.ofMinutes(1), 1),
                new RateLimit(5, Duration.ofMinutes(1), 1),
                Duration.ofMillis(200)));
    budgets.acquire("acme", Lane.GENERAL, Priority.USER_WRITE);
    BudgetExhaustedException denied =
        assertThrows(
            BudgetExhaustedException.class,
            () -> budgets.acquire("acme", Lane.GENERAL, Priority.USER_WRITE));
    assertTrue(
        denied.retryAfter().toSeconds() >= 50,
        "the next permit is about a minute away: " + denied.retryAfter());
  }

  @Test
  void creationsHaveTheirOwnLaneAndDoNotBlockOtherCalls() throws Exception {
    RateBudgets budgets =
        new RateBudgets(
            settings(
                RateLimit.perMinute(100),
                new RateLimit(5, Duration.ofMinutes(1), 1),
                Duration.ofMillis(200)));
    budgets.acquire("acme", Lane.CREATION, Priority.USER_WRITE);
    assertThrows(
        BudgetExhaustedException.class,
        () -> budgets.acquire("acme", Lane.CREATION, Priority.USER_WRITE));
    budgets.acquire("acme", Lane.GENERAL, Priority.BACKGROUND_READ);
  }

  @Test
  void aPauseAppliesToOneCompanyOnly() throws Exception {
    RateBudgets budgets =
        new RateBudgets(
            settings(
                RateLimit.perMinute(100),
                new RateLimit(5, Duration.ofMinutes(1), 1),
                Duration.ofMillis(200)));
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
}
