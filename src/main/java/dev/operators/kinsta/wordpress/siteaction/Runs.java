package dev.operators.kinsta.wordpress.siteaction;

import dev.operators.kinsta.api.v1alpha1.KinstaSiteAction;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteActionSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteActionStatus;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteActionStatus.Run;
import dev.operators.kinsta.api.v1alpha1.RunOutcome;
import dev.operators.kinsta.api.v1alpha1.SecretKeyReference;
import dev.operators.kinsta.api.v1alpha1.TrackedOperation;
import dev.operators.kinsta.reconcile.Attempt;
import dev.operators.kinsta.reconcile.OperationFollower;
import dev.operators.kinsta.reconcile.OperationTracker.Poll;
import dev.operators.kinsta.reconcile.Outcome;
import dev.operators.kinsta.reconcile.Reasons;
import dev.operators.kinsta.reconcile.SecretLookup;
import dev.operators.kinsta.wordpress.client.KinstaApi;
import dev.operators.kinsta.wordpress.client.dto.Environment;
import dev.operators.kinsta.wordpress.client.dto.OperationRef;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The runs of an action: starting one, following it to its end, and the one-shot lifecycle. */
final class Runs {
  private static final int MAX_OUTPUT = 4000;
  private static final int MAX_LOG = 16_000;

  private final Attempt<KinstaSiteAction, KinstaSiteActionStatus> attempt;
  private final KinstaApi api;
  private final String siteId;
  private final Environment environment;
  private final List<Environment> environments;
  private final Optional<String> siteBusyWith;
  private final SiteAction action;

  Runs(
      Attempt<KinstaSiteAction, KinstaSiteActionStatus> attempt,
      KinstaApi api,
      String siteId,
      Environment environment,
      List<Environment> environments,
      Optional<String> siteBusyWith) {
    this.attempt = attempt;
    this.api = api;
    this.siteId = siteId;
    this.environment = environment;
    this.environments = environments;
    this.siteBusyWith = siteBusyWith;
    this.action = SiteAction.of(attempt.resource().getSpec());
  }

  KinstaSiteActionStatus status() {
    return attempt.status();
  }

  Attempt<KinstaSiteAction, KinstaSiteActionStatus> attempt() {
    return attempt;
  }

  /** While a run is going: its progress. When it just ended: empty, with the run recorded. */
  Optional<Outcome> follow() {
    KinstaSiteActionStatus status = status();
    if (status.operation == null || !ActionOperation.isRun(status.operation)) {
      return Optional.empty();
    }
    return OperationFollower.follow(attempt, this::ended);
  }

  /** A run's operation ended: the run is recorded with how it ended. */
  private Optional<Outcome> ended(TrackedOperation operation, Poll poll) {
    KinstaSiteActionStatus status = status();
    Optional<Run> run =
        status.runs.stream().filter(r -> Objects.equals(operation.id, r.operationId)).findFirst();
    if (run.isEmpty()) {
      return Optional.empty();
    }
    Run finished = run.get();
    finished.finishedAt = now();
    if (poll instanceof Poll.Succeeded succeeded) {
      finished.outcome = RunOutcome.Succeeded;
      finished.message = succeeded.status().message();
      finished.output = succeeded.status().dataText("result").map(Runs::truncate).orElse(null);
      attempt
          .events()
          .normal(
              attempt.resource(),
              ActionReasons.RUN_SUCCEEDED,
              "Kinsta finished: "
                  + action.describe()
                  + (finished.slot == null ? "" : " (slot " + finished.slot + ")"));
    } else {
      finished.outcome = RunOutcome.Failed;
      finished.message =
          poll instanceof Poll.Failed failed ? failed.message() : "Kinsta lost the operation";
      attempt
          .events()
          .warning(
              attempt.resource(),
              ActionReasons.RUN_FAILED,
              "Kinsta could not " + action.describe() + ": " + finished.message);
    }
    return Optional.empty();
  }

  /** Ready, when the one-shot run of the resource's generation succeeded. */
  static Optional<Outcome> succeeded(Attempt<KinstaSiteAction, KinstaSiteActionStatus> attempt) {
    return runOfThisGeneration(attempt)
        .filter(r -> r.outcome == RunOutcome.Succeeded)
        .map(r -> attempt.ready(finishedMessage(attempt.resource().getSpec(), r)));
  }

  /** The one-shot run recorded for the resource's current generation, if any. */
  private static Optional<Run> runOfThisGeneration(
      Attempt<KinstaSiteAction, KinstaSiteActionStatus> attempt) {
    long generation = attempt.resource().getMetadata().getGeneration();
    return attempt.status().runs.stream()
        .filter(r -> r.generation != null && r.generation == generation)
        .findFirst();
  }

  private static String finishedMessage(KinstaSiteActionSpec spec, Run run) {
    return "Kinsta finished: "
        + SiteAction.of(spec).describe()
        + " at "
        + run.finishedAt
        + (run.output == null ? "" : "; output in status.runs[0].output");
  }

  /** A one-shot action: one run per generation, Ready once it succeeded, Stalled when it failed. */
  Outcome once() {
    Optional<Run> current = runOfThisGeneration(attempt);
    if (current.isEmpty()) {
      long generation = attempt.resource().getMetadata().getGeneration();
      Run run = new Run();
      run.generation = generation;
      run.outcome = RunOutcome.Pending;
      status().runs.add(0, run);
      trim(1, 1);
      return startPending().orElseGet(this::waitingForRun);
    }
    Run run = current.get();
    return switch (Objects.requireNonNull(run.outcome, "status.runs[].outcome")) {
      case Succeeded -> attempt.ready(finishedMessage(spec(), run));
      case Failed ->
          Outcome.stalled(
              ActionReasons.ACTION_FAILED,
              "Kinsta could not "
                  + action.describe()
                  + ": "
                  + run.message
                  + "; change the spec to run it again");
      default -> startPending().orElseGet(this::waitingForRun);
    };
  }

  private Outcome waitingForRun() {
    return Outcome.progressing(
        ActionReasons.RUNNING, "Waiting for the run to finish", attempt.shortly());
  }

  /**
   * Starts the oldest pending run, unless the site's reconciler is busy with this environment;
   * empty when there is nothing to start, or a scheduled run could not start (recorded as failed,
   * with a Warning).
   */
  Optional<Outcome> startPending() {
    List<Run> runs = status().runs;
    Optional<Run> pending =
        runs.stream().filter(r -> r.outcome == RunOutcome.Pending).reduce((newer, older) -> older);
    if (pending.isEmpty()) {
      return Optional.empty();
    }
    if (siteBusyWith.isPresent()) {
      return Optional.of(
          Outcome.progressing(
              ActionReasons.QUEUED_BEHIND_SITE,
              "Waiting for the site's operation "
                  + siteBusyWith.get()
                  + " on "
                  + environment.name()
                  + " to finish",
              attempt.shortly()));
    }
    if (!(action instanceof SiteAction.KinstaOperation operation)) {
      return fetchLogs(pending.get(), (SiteAction.FetchLogs) action);
    }
    if (operation.destructive()) {
      Optional<Outcome> held = attempt.approval("The run to " + operation.describe());
      if (held.isPresent()) {
        return held;
      }
    }
    String password;
    try {
      password = resetPassword();
    } catch (ActionCalls.CannotStart missing) {
      // The run stays pending: it starts once the Secret is there.
      return Optional.of(Outcome.stalled(missing.reason(), missing.getMessage()));
    }
    OperationRef ref;
    try {
      ref =
          operation.start(new SiteAction.Target(api, siteId, environment, environments, password));
    } catch (ActionCalls.CannotStart cannot) {
      Run run = pending.get();
      run.outcome = RunOutcome.Failed;
      run.startedAt = now();
      run.finishedAt = run.startedAt;
      run.message = cannot.getMessage();
      if (spec().schedule == null) {
        return Optional.of(Outcome.stalled(cannot.reason(), cannot.getMessage()));
      }
      attempt.events().warning(attempt.resource(), cannot.reason(), cannot.getMessage());
      return Optional.empty();
    }
    Run run = pending.get();
    run.outcome = RunOutcome.Running;
    run.operationId = ref.operationId();
    run.startedAt = now();
    attempt
        .events()
        .normal(
            attempt.resource(),
            ActionReasons.RUN_STARTED,
            "Asked Kinsta to "
                + action.describe()
                + " on "
                + environment.name()
                + " (operation "
                + ref.operationId()
                + ")");
    return Optional.of(attempt.started(ref, operation.operation(), environment.name(), null));
  }

  /**
   * A log fetch is one synchronous read: the run ends at once, with the newest lines as its output
   * (at most {@value #MAX_LOG} characters, cut at a line).
   */
  private Optional<Outcome> fetchLogs(Run run, SiteAction.FetchLogs fetch) {
    KinstaSiteActionSpec.Logs logs = fetch.logs();
    String text = api.wordPress().getLogs(environment.id(), logs.file, logs.lines);
    if (text.length() > MAX_LOG) {
      String tail = text.substring(text.length() - MAX_LOG);
      int firstLine = tail.indexOf('\n');
      text = firstLine < 0 ? tail : tail.substring(firstLine + 1);
    }
    run.startedAt = now();
    run.finishedAt = run.startedAt;
    run.outcome = RunOutcome.Succeeded;
    run.output = text;
    run.message = "Fetched " + text.lines().count() + " lines of the " + logs.file + " log";
    attempt.events().normal(attempt.resource(), ActionReasons.RUN_SUCCEEDED, run.message);
    return spec().schedule == null
        ? Optional.of(attempt.ready(finishedMessage(spec(), run)))
        : Optional.empty();
  }

  /** The new admin password of a reset, from the Secret the spec names. */
  private @Nullable String resetPassword() throws ActionCalls.CannotStart {
    if (spec().resetSite == null) {
      return null;
    }
    SecretKeyReference ref =
        Objects.requireNonNull(
            spec().resetSite.adminPasswordSecretRef, "spec.resetSite.adminPasswordSecretRef");
    return attempt
        .secret(ref.secretName())
        .flatMap(secret -> SecretLookup.value(secret, ref.key))
        .filter(password -> !password.isBlank())
        .orElseThrow(
            () ->
                new ActionCalls.CannotStart(
                    Reasons.SECRET_NOT_FOUND,
                    "resetSite.adminPasswordSecretRef: Secret "
                        + ref.name
                        + " has no key "
                        + ref.key));
  }

  /** Keeps the newest runs within the history limits; runs still going are always kept. */
  void trim(int successful, int failed) {
    int[] kept = {0, 0};
    status()
        .runs
        .removeIf(
            run -> {
              if (run.outcome == RunOutcome.Succeeded) {
                return ++kept[0] > successful;
              }
              if (run.outcome == RunOutcome.Pending || run.outcome == RunOutcome.Running) {
                return false;
              }
              return ++kept[1] > failed;
            });
  }

  KinstaSiteActionSpec spec() {
    return attempt.resource().getSpec();
  }

  String now() {
    return DateTimeFormatter.ISO_INSTANT.format(attempt.now().truncatedTo(ChronoUnit.SECONDS));
  }

  private static String truncate(String output) {
    return output.length() <= MAX_OUTPUT ? output : output.substring(0, MAX_OUTPUT) + "…";
  }
}
