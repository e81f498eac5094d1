package dev.operators.kinsta.wordpress.siteaction;

import dev.operators.kinsta.api.v1alpha1.KinstaSiteAction;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteActionSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteActionStatus;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteActionStatus.Run;
import dev.operators.kinsta.api.v1alpha1.RunOutcome;
import dev.operators.kinsta.reconcile.Attempt;
import dev.operators.kinsta.reconcile.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A scheduled action, like a CronJob. Every slot between the last one acted on ({@code
 * status.lastScheduleTime}, persisted with the run it starts, so a restart neither repeats nor
 * forgets a slot) and now is accounted for: the newest is run if it is within the starting
 * deadline, every other one is recorded as Missed.
 */
final class ScheduledRuns {

  private final Attempt<KinstaSiteAction, KinstaSiteActionStatus> attempt;
  private final Runs runs;
  private final KinstaSiteActionSpec.Schedule schedule;
  private final KinstaSiteActionStatus status;

  ScheduledRuns(Attempt<KinstaSiteAction, KinstaSiteActionStatus> attempt, Runs runs) {
    this.attempt = attempt;
    this.runs = runs;
    this.schedule = Objects.requireNonNull(attempt.resource().getSpec().schedule, "spec.schedule");
    this.status = attempt.status();
  }

  /**
   * @param following the progress of the run in flight, if one is
   */
  Outcome reconcile(Optional<Outcome> following) {
    Schedule cron =
        Schedule.parse(
            Objects.requireNonNull(schedule.cron, "spec.schedule.cron"), schedule.timeZone);
    Instant now = attempt.now();
    Instant since =
        status.lastScheduleTime != null
            ? Instant.parse(status.lastScheduleTime)
            : Instant.parse(attempt.resource().getMetadata().getCreationTimestamp());
    if (!Boolean.TRUE.equals(schedule.suspend)) {
      List<Instant> due = cron.slotsBetween(since, now);
      for (int i = 0; i < due.size(); i++) {
        boolean newest = i == due.size() - 1;
        act(due.get(i), newest && withinDeadline(due.get(i), now));
      }
      if (!due.isEmpty()) {
        status.lastScheduleTime = due.get(due.size() - 1).toString();
      }
    }
    Optional<Instant> next = cron.nextAfter(now);
    status.nextScheduleTime = next.map(Instant::toString).orElse(null);
    Optional<Outcome> started = status.operation == null ? runs.startPending() : Optional.empty();
    runs.trim(
        schedule.successfulRunsHistoryLimit == null ? 3 : schedule.successfulRunsHistoryLimit,
        schedule.failedRunsHistoryLimit == null ? 3 : schedule.failedRunsHistoryLimit);
    if (started.isPresent()) {
      return started.get();
    }
    if (status.operation != null && following.isPresent()) {
      return following.get();
    }
    Duration untilNext =
        next.map(n -> Duration.between(now, n)).filter(d -> !d.isNegative()).orElse(null);
    String last =
        status.runs.isEmpty()
            ? "no runs yet"
            : "last run "
                + status.runs.get(0).outcome
                + (status.runs.get(0).slot == null
                    ? ""
                    : " (slot " + status.runs.get(0).slot + ")");
    String message =
        (Boolean.TRUE.equals(schedule.suspend)
                ? "Suspended; "
                : "Next run at " + status.nextScheduleTime + "; ")
            + last;
    Duration resync = attempt.settings().resyncInterval();
    Duration requeue =
        untilNext == null || untilNext.compareTo(resync) > 0 ? resync : untilNext.plusSeconds(1);
    return Outcome.ready(message, requeue);
  }

  private boolean withinDeadline(Instant slot, Instant now) {
    return schedule.startingDeadlineSeconds == null
        || Duration.between(slot, now).toSeconds() <= schedule.startingDeadlineSeconds;
  }

  /** Records what happens to one slot: run (pending), skipped, replaced or missed. */
  private void act(Instant slot, boolean runIt) {
    Run run = new Run();
    run.slot = slot.toString();
    run.generation = attempt.resource().getMetadata().getGeneration();
    status.runs.add(0, run);
    if (!runIt) {
      run.outcome = RunOutcome.Missed;
      run.message = "The operator could not start this slot before its starting deadline";
      attempt
          .events()
          .warning(attempt.resource(), ActionReasons.MISSED_SCHEDULE, "Missed the slot at " + slot);
      return;
    }
    Optional<Run> going =
        status.runs.stream()
            .skip(1)
            .filter(r -> r.outcome == RunOutcome.Running || r.outcome == RunOutcome.Pending)
            .findFirst();
    if (going.isEmpty()) {
      run.outcome = RunOutcome.Pending;
      return;
    }
    switch (schedule.concurrencyPolicy == null
        ? KinstaSiteActionSpec.ConcurrencyPolicy.Forbid
        : schedule.concurrencyPolicy) {
      case Forbid -> {
        run.outcome = RunOutcome.Skipped;
        run.message = "The previous run was still going (concurrencyPolicy Forbid)";
      }
      case Replace -> {
        Run old = going.get();
        old.outcome = RunOutcome.Replaced;
        old.finishedAt = runs.now();
        old.message = "Replaced by the run of slot " + slot + "; Kinsta may still finish it";
        if (status.operation != null
            && old.operationId != null
            && old.operationId.equals(status.operation.id)) {
          status.operation = null;
        }
        run.outcome = RunOutcome.Pending;
      }
      case Allow -> run.outcome = RunOutcome.Pending;
      default -> throw new IllegalStateException();
    }
  }
}
