package dev.operators.kinsta.action;

import dev.operators.kinsta.api.v1alpha1.KinstaSiteActionSpec;
import dev.operators.kinsta.reconcile.FieldProblem;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The CRD's rules again (for API servers without CEL), and what only code can check: the cron
 * expression and time zone. Above all, the confirmation of destructive actions: no Kinsta call
 * without it.
 */
final class ActionSpecValidator {
  private ActionSpecValidator() {}

  static List<FieldProblem> validate(KinstaSiteActionSpec spec) {
    List<FieldProblem> problems = new ArrayList<>();
    if (spec == null) {
      problems.add(new FieldProblem("spec", "is required"));
      return problems;
    }
    if (spec.site == null || (spec.site.name == null) == (spec.site.id == null)) {
      problems.add(new FieldProblem("spec.site", "set exactly one of name or id"));
    }
    long actions =
        Stream.of(
                spec.clearCache,
                spec.clearEdgeCache,
                spec.clearCdnCache,
                spec.restartPhp,
                spec.push,
                spec.backup,
                spec.restore,
                spec.updatePlugins,
                spec.updateThemes,
                spec.wpCli)
            .filter(a -> a != null)
            .count();
    if (actions != 1) {
      problems.add(new FieldProblem("spec", "set exactly one action"));
    }
    if (spec.push != null
        && "live".equalsIgnoreCase(spec.push.target)
        && !"live".equals(spec.push.confirm)) {
      problems.add(new FieldProblem("spec.push.confirm", "pushing to live needs confirm: live"));
    }
    if (spec.restore != null) {
      validateRestore(spec, problems);
    }
    if (spec.wpCli != null
        && (spec.wpCli.command == null
            || !spec.wpCli.command.matches(KinstaSiteActionSpec.WP_CLI_PATTERN)
            || spec.wpCli.command.length() > 5000)) {
      problems.add(
          new FieldProblem(
              "spec.wpCli.command",
              "must start with wp and use only letters, digits, spaces " + "and _-./:=@'"));
    }
    for (KinstaSiteActionSpec.ComponentUpdate update :
        new KinstaSiteActionSpec.ComponentUpdate[] {spec.updatePlugins, spec.updateThemes}) {
      if (update != null
          && Boolean.TRUE.equals(update.all) == (update.items != null && !update.items.isEmpty())) {
        problems.add(
            new FieldProblem(
                update == spec.updatePlugins ? "spec.updatePlugins" : "spec.updateThemes",
                "set all: true, or list the items"));
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

  private static void validateRestore(KinstaSiteActionSpec spec, List<FieldProblem> problems) {
    KinstaSiteActionSpec.Restore restore = spec.restore;
    if ((restore.backupId == null) == (restore.latestBefore == null)) {
      problems.add(new FieldProblem("spec.restore", "set exactly one of backupId or latestBefore"));
    }
    if (restore.latestBefore != null) {
      try {
        Instant.parse(restore.latestBefore);
      } catch (DateTimeParseException notATime) {
        problems.add(new FieldProblem("spec.restore.latestBefore", "must be an RFC 3339 time"));
      }
    }
    String target =
        restore.targetEnvironment != null ? restore.targetEnvironment : spec.environment;
    if (!target.equals(restore.confirm)) {
      problems.add(
          new FieldProblem(
              "spec.restore.confirm",
              "restoring needs confirm set to the target environment (" + target + ")"));
    }
  }
}
