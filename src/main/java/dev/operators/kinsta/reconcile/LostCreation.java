package dev.operators.kinsta.reconcile;

import static java.util.Objects.requireNonNull;

import dev.operators.kinsta.api.v1alpha1.ApiGroup;
import dev.operators.kinsta.api.v1alpha1.CreationIntent;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Creation exactly once, for any kind whose create call can lose its answer: the intent is put on
 * record before the call, and an intent without an id afterwards is resolved by looking for an
 * object with the intent's display name, for as long as {@code KINSTA_CREATION_WINDOW}, instead of
 * sending the call again blindly. Only an object no other resource records or intends can be the
 * one the call made ({@link CreationClaims}); the looking is done in the company's inventory list,
 * so a wait costs no list of its own, and a person can end it ({@link
 * ApiGroup#CREATION_NOT_MADE_ANNOTATION}).
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
        DateTimeFormatter.ISO_INSTANT.format(attempt.now().truncatedTo(ChronoUnit.SECONDS)),
        attempt.companyId());
  }

  /**
   * What a lost create call did, judged by the objects that carry its display name now.
   *
   * @param what how messages name the object, e.g. {@code site}
   * @param named ids of the objects that carry the intent's display name now
   * @param claims what the kind's other resources record and intend
   */
  public static Resolution resolve(
      Attempt<?, ?> attempt,
      CreationIntent intent,
      String what,
      List<String> named,
      CreationClaims<?> claims) {
    if (endedOnPurpose(attempt, intent)) {
      attempt
          .events()
          .normal(
              attempt.resource(),
              Reasons.CREATION_NOT_MADE,
              "Told that the create call of "
                  + intent.recordedAt
                  + " never took effect ("
                  + ApiGroup.CREATION_NOT_MADE_ANNOTATION
                  + "); creating the "
                  + what
                  + " \""
                  + intent.displayName
                  + "\" now");
      return new Resolution.NotCreated();
    }
    Candidates found = Candidates.of(named, claims, displayNameOf(intent));
    if (!found.free().isEmpty() && !found.intending().isEmpty()) {
      return new Resolution.Unresolved(
          waiting(
              attempt,
              intent,
              what,
              "the "
                  + what
                  + " "
                  + String.join(", ", found.free())
                  + " may be the one "
                  + String.join(", ", found.intending())
                  + " is creating under the same display name; waiting until it records its own"));
    }
    if (found.free().size() == 1) {
      String id = found.free().get(0);
      attempt
          .events()
          .normal(
              attempt.resource(),
              Reasons.CREATED,
              "Created "
                  + what
                  + " "
                  + id
                  + ", found by its display name after the create call's answer was lost");
      return new Resolution.Created(id);
    }
    if (found.free().size() > 1) {
      return new Resolution.Unresolved(
          Outcome.stalled(
              Reasons.AMBIGUOUS_CREATION,
              "The create call's answer was lost and "
                  + found.free().size()
                  + " "
                  + what
                  + "s no other resource manages are now named \""
                  + intent.displayName
                  + "\" ("
                  + String.join(", ", found.free())
                  + "); point the resource at the one it created"));
    }
    if (attempt.now().isBefore(giveUp(attempt, intent))) {
      return new Resolution.Unresolved(
          waiting(
              attempt,
              intent,
              what,
              found.heldBy().isEmpty()
                  ? "none found yet"
                  : "the ones found are other resources' (" + found.heldText() + ")"));
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
      Attempt<?, ?> attempt,
      CreationIntent intent,
      String what,
      List<String> named,
      CreationClaims<?> claims) {
    Candidates found = Candidates.of(named, claims, displayNameOf(intent));
    if (endedOnPurpose(attempt, intent)) {
      if (!found.free().isEmpty()) {
        attempt.orphaned(
            "Told that the create call never took effect ("
                + ApiGroup.CREATION_NOT_MADE_ANNOTATION
                + "), so "
                + String.join(", ", found.free())
                + ", named \""
                + intent.displayName
                + "\", is left in Kinsta");
      }
      return new DeletionLookup(null, null);
    }
    if (found.free().size() == 1 && found.intending().isEmpty()) {
      return new DeletionLookup(found.free().get(0), null);
    }
    if (attempt.now().isBefore(giveUp(attempt, intent))) {
      return new DeletionLookup(
          null,
          Deletion.waiting(
              nextLook(attempt, intent),
              "Looking for the "
                  + what
                  + " \""
                  + intent.displayName
                  + "\" a create call whose answer was lost may have made ("
                  + found.free().size()
                  + " found"
                  + (found.heldBy().isEmpty()
                      ? ""
                      : "; other resources' left alone: " + found.heldText())
                  + ") until "
                  + giveUp(attempt, intent)
                  + "; to stop looking, annotate "
                  + ApiGroup.CREATION_NOT_MADE_ANNOTATION
                  + "="
                  + intent.recordedAt));
    }
    if (!found.free().isEmpty()) {
      attempt.orphaned(
          found.free().size()
              + " "
              + what
              + "s are named \""
              + intent.displayName
              + "\" and the create call's answer was lost, so none of them is deleted: "
              + String.join(", ", found.free()));
    }
    return new DeletionLookup(null, null);
  }

  /** The id to delete, or the deletion to report while still looking; neither means nothing. */
  public record DeletionLookup(@Nullable String id, @Nullable Deletion waiting) {}

  /**
   * Whether the window has run out, so that this look decides: it must see a list taken now, not
   * the inventory's, since nothing found means creating again.
   */
  public static boolean lastLook(Attempt<?, ?> attempt, CreationIntent intent) {
    return !attempt.now().isBefore(giveUp(attempt, intent));
  }

  /** Whether a person stated, for this very intent, that its create call never took effect. */
  private static boolean endedOnPurpose(Attempt<?, ?> attempt, CreationIntent intent) {
    Map<String, String> annotations = attempt.resource().getMetadata().getAnnotations();
    return annotations != null
        && intent.recordedAt != null
        && intent.recordedAt.equals(annotations.get(ApiGroup.CREATION_NOT_MADE_ANNOTATION));
  }

  private static Instant giveUp(Attempt<?, ?> attempt, CreationIntent intent) {
    return Instant.parse(intent.recordedAt).plus(attempt.settings().creationWindow());
  }

  /**
   * The company's list, which the looking reads, is renewed once per inventory interval: looking
   * sooner would see the same list.
   */
  private static Duration nextLook(Attempt<?, ?> attempt, CreationIntent intent) {
    Duration interval = attempt.settings().inventoryInterval();
    Duration left = Duration.between(attempt.now(), giveUp(attempt, intent));
    Duration next = left.compareTo(interval) < 0 ? left : interval;
    return next.isNegative() || next.isZero() ? Duration.ofSeconds(1) : next;
  }

  private static Outcome waiting(
      Attempt<?, ?> attempt, CreationIntent intent, String what, String why) {
    return Outcome.progressing(
        Reasons.CREATION_UNCONFIRMED,
        "The answer to the create call of "
            + intent.recordedAt
            + " was lost; looking for the "
            + what
            + " \""
            + intent.displayName
            + "\" until "
            + giveUp(attempt, intent)
            + " before creating it again ("
            + why
            + "). If the call never reached Kinsta, annotate "
            + ApiGroup.CREATION_NOT_MADE_ANNOTATION
            + "="
            + intent.recordedAt
            + " to create it now",
        nextLook(attempt, intent));
  }

  /**
   * The objects named like the intent, split into those another resource records (never this one's)
   * and those free, with the other resources creating one of that name right now.
   */
  private record Candidates(List<String> free, List<String> heldBy, List<String> intending) {
    static Candidates of(List<String> named, CreationClaims<?> claims, String displayName) {
      List<String> free = new ArrayList<>();
      List<String> heldBy = new ArrayList<>();
      for (String id : named) {
        Optional<String> recorder = claims.recorder(id);
        if (recorder.isPresent()) {
          heldBy.add(id + " by " + recorder.get());
        } else {
          free.add(id);
        }
      }
      return new Candidates(free, heldBy, claims.intending(displayName));
    }

    String heldText() {
      return String.join(", ", heldBy);
    }
  }

  /**
   * The name the creation used. An intent is written whole by the operator; one without its name
   * cannot be resolved safely, so it fails the reconcile rather than look for the wrong name.
   */
  public static String displayNameOf(CreationIntent intent) {
    return requireNonNull(intent.displayName, "status.creation.displayName");
  }
}
