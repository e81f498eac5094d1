package dev.operators.kinsta.wordpress.siteaction;

import dev.operators.kinsta.api.v1alpha1.FieldProblem;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteActionSpec;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the CRD's schema and rules cannot check in an action spec (they are checked before this, by
 * {@code SchemaCheck}): that the cron expression and its time zone parse, and that latestBefore is
 * a time.
 */
final class ActionSpecValidator {
  private ActionSpecValidator() {}

  static List<FieldProblem> validate(KinstaSiteActionSpec spec) {
    List<FieldProblem> problems = new ArrayList<>();
    if (spec.restore != null && spec.restore.latestBefore != null) {
      try {
        Instant.parse(spec.restore.latestBefore);
      } catch (DateTimeParseException notATime) {
        problems.add(new FieldProblem("spec.restore.latestBefore", "must be an RFC 3339 time"));
      }
    }
    if (spec.schedule != null) {
      try {
        Schedule.parse(
            spec.schedule.cron == null ? "" : spec.schedule.cron, spec.schedule.timeZone);
      } catch (IllegalArgumentException invalid) {
        problems.add(new FieldProblem("spec.schedule", String.valueOf(invalid.getMessage())));
      }
    }
    return problems;
  }
}
