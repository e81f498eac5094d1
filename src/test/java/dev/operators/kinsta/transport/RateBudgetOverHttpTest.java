package dev.operators.kinsta.transport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.operators.kinsta.simulator.Fault;
import dev.operators.kinsta.simulator.Journal;
import dev.operators.kinsta.simulator.SimulatorSettings;
import dev.operators.kinsta.testing.SimulatorFixture;
import dev.operators.kinsta.transport.budget.RateBudgetSettings;
import dev.operators.kinsta.transport.budget.RateLimit;
import dev.operators.kinsta.wordpress.client.KinstaApi;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The budget against the simulator's enforcement of Kinsta's limits, scaled to a 2-second window so
 * that the test is quick: many threads for several companies never draw a 429, and a 429 pauses
 * only the company that got it.
 */
class RateBudgetOverHttpTest {
  private static final Duration WINDOW = Duration.ofSeconds(2);

  @Test
  void manyThreadsForSeveralCompaniesStayWithinTheLimits() throws Exception {
    // Kinsta: 120 per company and 1000 per IP a minute. Here: 24 per company and 60 per IP in 2
    // seconds, and the
    // budget keeps 20 per company, 50 per IP, as the defaults keep below Kinsta's numbers.
    SimulatorSettings limits = SimulatorSettings.fast().withRateLimits(WINDOW, 24, 60, 5);
    RateBudgetSettings budget =
        new RateBudgetSettings(
            new RateLimit(20, WINDOW, 4),
            new RateLimit(5, WINDOW, 1),
            new RateLimit(5, WINDOW, 1),
            new RateLimit(50, WINDOW, 5));
    try (SimulatorFixture fixture =
        SimulatorFixture.start(limits, budget, Duration.ofSeconds(5), false)) {
      List<KinstaCredentials> companies =
          List.of(fixture.company("A"), fixture.company("B"), fixture.company("C"));
      ExecutorService pool = Executors.newFixedThreadPool(12);
      List<Future<?>> calls = new ArrayList<>();
      for (int thread = 0; thread < 12; thread++) {
        KinstaApi api = fixture.kinsta(companies.get(thread % 3));
        calls.add(
            pool.submit(
                () -> {
                  for (int call = 0; call < 8; call++) {
                    asAReconcileWould(() -> api.sites().listSites(false));
                  }
                  return null;
                }));
      }
      for (Future<?> call : calls) {
        call.get(60, TimeUnit.SECONDS);
      }
      pool.shutdown();

      List<Journal.Entry> entries = fixture.simulator.journal().entries();
      assertEquals(96, entries.size());
      assertEquals(
          0,
          fixture.simulator.journal().countStatus(429),
          "the budget must keep every call under the limit");
      for (KinstaCredentials company : companies) {
        List<Instant> times =
            entries.stream()
                .filter(e -> company.companyId().equals(e.company()))
                .map(Journal.Entry::at)
                .sorted()
                .toList();
        assertTrue(
            maxInAnyWindow(times) <= 20, "at most 20 in any window, got " + maxInAnyWindow(times));
      }
      assertTrue(maxInAnyWindow(entries.stream().map(Journal.Entry::at).sorted().toList()) <= 50);
    }
  }

  @Test
  void a429PausesOnlyTheCompanyThatGotItAndCallsResumeAfterwards() throws Exception {
    try (SimulatorFixture fixture = SimulatorFixture.start()) {
      KinstaCredentials acme = fixture.company("Acme");
      KinstaCredentials globex = fixture.company("Globex");
      fixture.simulator.addFault(Fault.rateLimit(acme.companyId(), Duration.ofSeconds(2), 1));

      KinstaApiException.RateLimited limited =
          assertThrows(
              KinstaApiException.RateLimited.class,
              () -> fixture.kinsta(acme).sites().listSites(false));
      assertEquals(Duration.ofSeconds(2), limited.retryAfter(), "Retry-After is honoured");
      assertEquals(429, limited.httpStatus());
      assertTrue(fixture.clients.budgets().pausedFor(acme.companyId()).toMillis() > 1000);

      fixture.kinsta(globex).sites().listSites(false);
      assertEquals(Duration.ZERO, fixture.clients.budgets().pausedFor(globex.companyId()));

      Instant resumed = Instant.now();
      asAReconcileWould(() -> fixture.kinsta(acme).sites().listSites(false));
      Journal.Entry first429 = fixture.simulator.journal().matching(e -> e.status() == 429).get(0);
      Journal.Entry retried =
          fixture
              .simulator
              .journal()
              .matching(e -> acme.companyId().equals(e.company()) && e.status() == 200)
              .get(0);
      assertFalse(
          retried.at().isBefore(first429.at().plusMillis(1900)),
          "Acme's next call waited for Retry-After: 429 at "
              + first429.at()
              + ", next at "
              + retried.at());
      assertTrue(Duration.between(resumed, Instant.now()).toMillis() < 10_000);
    }
  }

  /**
   * Calls again after each refusal of the budget, as a controller reschedules a reconcile that got
   * none (the budget never makes a caller wait).
   */
  private static void asAReconcileWould(Runnable call) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .ignoreException(KinstaApiException.RateLimited.class)
        .until(
            () -> {
              call.run();
              return true;
            });
  }

  private static int maxInAnyWindow(List<Instant> sortedTimes) {
    int max = 0;
    int start = 0;
    for (int end = 0; end < sortedTimes.size(); end++) {
      while (!sortedTimes.get(start).isAfter(sortedTimes.get(end).minus(WINDOW))) {
        start++;
      }
      max = Math.max(max, end - start + 1);
    }
    return max;
  }
}
