package dev.operators.kinsta.reconcile;

import dev.operators.kinsta.api.v1alpha1.CreationIntent;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Creation exactly once, for any kind whose create call can lose its answer: the intent is put on
 * record before the call, and an intent without an id afterwards is resolved by looking for an
 * object with the intent's display name, for as long as {@code KINSTA_CREATION_WINDOW}, instead of
 * sending the call again blindly.
 */
public final class LostCreation {
  /** What the objects now carrying the intent's display name say about the lost create call. */
  public sealed interface Resolution {
    /** Exactly one: the call created it. */
    record Created(String id) implements Resolution {}

    /** None yet, or several that cannot be told apart: the outcome to report meanwhile. */
    record Unresolved(Outcome outcome) implements Resolution {}

    /** None within the window: the call never took effect and may be sent again. */
    record NotCreated() implements Resolution {}
  }

  private LostCreation() {}

  /**
   * A new intent to create an object with this display name, now. The caller puts it in its status
   * and writes it ({@link Attempt#writeStatusNow()}) before the create call.
   */
  public static CreationIntent intent(Attempt<?, ?> attempt, String displayName) {
    return new CreationIntent(
        displayName,
        DateTimeFormatter.ISO_INSTANT.format(attempt.now().truncatedTo(ChronoUnit.SECONDS)));
  }

  /**
   * What a lost create call did, judged by the objects that carry its display name now.
   *
   * @param what how messages name the object, e.g. {@code site}
   * @param candidates ids of the objects that carry the intent's display name now
   */
  public static Resolution resolve(
      Attempt<?, ?> attempt, CreationIntent intent, String what, List<String> candidates) {
    if (candidates.size() == 1) {
      attempt
          .events()
          .normal(
              attempt.resource(),
              Reasons.CREATED,
              "Created "
                  + what
                  + " "
                  + candidates.get(0)
                  + ", found by its display name after the create call's answer was lost");
      return new Resolution.Created(candidates.get(0));
    }
    if (candidates.size() > 1) {
      return new Resolution.Unresolved(
          Outcome.stalled(
              Reasons.AMBIGUOUS_CREATION,
              "The create call's answer was lost and "
                  + candidates.size()
                  + " "
                  + what
                  + "s are now named \""
                  + intent.displayName
                  + "\" ("
                  + String.join(", ", candidates)
                  + "); point the resource at the one it created"));
    }
    Instant recorded = Instant.parse(intent.recordedAt);
    Instant giveUp = recorded.plus(attempt.settings().creationWindow());
    if (attempt.now().isBefore(giveUp)) {
      return new Resolution.Unresolved(
          Outcome.progressing(
              Reasons.CREATION_UNCONFIRMED,
              "The answer to the create call of "
                  + intent.recordedAt
                  + " was lost; looking for the "
                  + what
                  + " \""
                  + intent.displayName
                  + "\" until "
                  + giveUp
                  + " before creating it again",
              attempt.pollAfter(recorded)));
    }
    attempt
        .events()
        .warning(
            attempt.resource(),
            Reasons.CREATION_NOT_FOUND,
            "No "
                + what
                + " \""
                + intent.displayName
                + "\" appeared within "
                + attempt.settings().creationWindow()
                + " of the create call whose answer was lost; creating it again");
    return new Resolution.NotCreated();
  }

  /**
   * The same question while the resource is being deleted: the object to delete, nothing to wait
   * for (empty id), or how long to keep looking.
   */
  public static DeletionLookup whileDeleting(
      Attempt<?, ?> attempt, CreationIntent intent, String what, List<String> candidates) {
    if (candidates.size() == 1) {
      return new DeletionLookup(candidates.get(0), null);
    }
    Instant giveUp = Instant.parse(intent.recordedAt).plus(attempt.settings().creationWindow());
    if (attempt.now().isBefore(giveUp)) {
      return new DeletionLookup(
          null,
          Deletion.waiting(
              attempt.shortly(),
              "Looking for the "
                  + what
                  + " \""
                  + intent.displayName
                  + "\" a create call whose answer was lost may have made ("
                  + candidates.size()
                  + " found)"));
    }
    if (!candidates.isEmpty()) {
      attempt.orphaned(
          candidates.size()
              + " "
              + what
              + "s are named \""
              + intent.displayName
              + "\" and the create call's answer was lost, so none of them is deleted: "
              + String.join(", ", candidates));
    }
    return new DeletionLookup(null, null);
  }

  /** The id to delete, or the deletion to report while still looking; neither means nothing. */
  public record DeletionLookup(@Nullable String id, @Nullable Deletion waiting) {}
}
