package dev.operators.kinsta.wordpress.siteaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/**
 * The slots a schedule owes between two reconciles, for any window and a range of schedules and
 * zones.
 */
class SchedulePropertiesTest {

  @Property(tries = 300)
  void slotsAreTheScheduleBetweenTheTwoTimesOldestFirstAndBounded(
      @ForAll("crons") String cron,
      @ForAll("zones") String zone,
      @ForAll @LongRange(min = 0, max = 4_000_000_000L) long startSecond,
      @ForAll @LongRange(min = 0, max = 3 * 86_400L) long windowSeconds) {
    Schedule schedule = Schedule.parse(cron, zone);
    Instant after = Instant.ofEpochSecond(startSecond);
    Instant upTo = after.plus(Duration.ofSeconds(windowSeconds));

    List<Instant> slots = schedule.slotsBetween(after, upTo);

    assertTrue(slots.size() <= Schedule.MAX_SLOTS, slots.size() + " slots");
    for (int i = 0; i < slots.size(); i++) {
      Instant slot = slots.get(i);
      assertTrue(
          slot.isAfter(after) && !slot.isAfter(upTo),
          slot + " outside (" + after + ", " + upTo + "]");
      if (i > 0) {
        assertEquals(schedule.nextAfter(slots.get(i - 1)).orElseThrow(), slot, "consecutive slots");
      }
    }
    Instant last = slots.isEmpty() ? after : slots.get(slots.size() - 1);
    schedule
        .nextAfter(last)
        .ifPresent(next -> assertTrue(next.isAfter(upTo), "no slot left out at the end"));
  }

  @Provide
  Arbitrary<String> crons() {
    return Arbitraries.of(
        "*/5 * * * *", "0 * * * *", "30 2 * * *", "0 0 * * 0", "@daily", "@hourly", "15 9 1 * *");
  }

  @Provide
  Arbitrary<String> zones() {
    return Arbitraries.of(
        "UTC", "Europe/Budapest", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata");
  }
}
