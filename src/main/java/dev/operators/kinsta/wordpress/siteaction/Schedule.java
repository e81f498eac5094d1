package dev.operators.kinsta.wordpress.siteaction;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A five-field Unix cron expression in a time zone, parsed and evaluated by cron-utils. */
final class Schedule {
  /**
   * At most this many slots are looked at in one go (an operator down for months must not loop
   * forever).
   */
  static final int MAX_SLOTS = 100;

  private static final CronParser PARSER =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
  private static final Map<String, String> MACROS =
      Map.of(
          "@yearly",
          "0 0 1 1 *",
          "@annually",
          "0 0 1 1 *",
          "@monthly",
          "0 0 1 * *",
          "@weekly",
          "0 0 * * 0",
          "@daily",
          "0 0 * * *",
          "@midnight",
          "0 0 * * *",
          "@hourly",
          "0 * * * *");

  private final ExecutionTime execution;
  private final ZoneId zone;

  private Schedule(ExecutionTime execution, ZoneId zone) {
    this.execution = execution;
    this.zone = zone;
  }

  /** Parses, or throws IllegalArgumentException with a message fit for a condition. */
  static Schedule parse(String expression, String timeZone) {
    ZoneId zone;
    try {
      zone = ZoneId.of(timeZone == null ? "UTC" : timeZone);
    } catch (RuntimeException unknown) {
      throw new IllegalArgumentException("unknown time zone " + timeZone);
    }
    Cron cron;
    try {
      cron = PARSER.parse(MACROS.getOrDefault(expression.strip(), expression.strip()));
      cron.validate();
    } catch (IllegalArgumentException invalid) {
      throw new IllegalArgumentException(
          "invalid cron expression \"" + expression + "\": " + invalid.getMessage());
    }
    return new Schedule(ExecutionTime.forCron(cron), zone);
  }

  Optional<Instant> nextAfter(Instant instant) {
    return execution
        .nextExecution(ZonedDateTime.ofInstant(instant, zone))
        .map(ZonedDateTime::toInstant);
  }

  /** The slots in (after, upTo], oldest first, at most {@link #MAX_SLOTS} of the newest. */
  List<Instant> slotsBetween(Instant after, Instant upTo) {
    List<Instant> slots = new ArrayList<>();
    Optional<Instant> next = nextAfter(after);
    while (next.isPresent() && !next.get().isAfter(upTo)) {
      slots.add(next.get());
      if (slots.size() > MAX_SLOTS) {
        slots.remove(0);
      }
      next = nextAfter(next.get());
    }
    return slots;
  }
}
