package dev.operators.kinsta.hosting;

import dev.operators.kinsta.api.v1alpha1.CreationIntent;
import dev.operators.kinsta.reconcile.Attempt;
import dev.operators.kinsta.reconcile.CreationClaims;
import dev.operators.kinsta.reconcile.Deletion;
import dev.operators.kinsta.reconcile.LostCreation;
import dev.operators.kinsta.reconcile.Outcome;
import dev.operators.kinsta.reconcile.Reasons;
import dev.operators.kinsta.transport.KinstaApiException;
import dev.operators.kinsta.transport.budget.RateBudgets;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Creation exactly once for Sevalla's services (applications, databases, static sites), which have
 * no operation ids: the intent goes on record before the create call; a recorded intent without an
 * id is resolved by looking for the display name ({@link LostCreation}); a name another object
 * already carries stalls {@code NameInUse} instead of creating a second one.
 *
 * @param what how messages name the object, e.g. {@code application}
 * @param listedNamed ids carrying a display name, from the company's list (at most an interval old)
 * @param namedNow ids carrying a display name, from a list taken now
 * @param claims what the kind's other resources record and intend
 * @param intent the recorded intent, or null
 * @param record records the intent (null when resolved or abandoned)
 * @param created records the id of the object created
 */
public record HostedCreation(
    Attempt<?, ?> attempt,
    String what,
    Function<String, List<String>> listedNamed,
    Function<String, List<String>> namedNow,
    CreationClaims<?> claims,
    @Nullable CreationIntent intent,
    Consumer<@Nullable CreationIntent> record,
    Consumer<String> created) {

  /**
   * Empty when the object is known now (a lost answer found) or may be created; otherwise what to
   * report: a lost answer still looked for, or a name in use.
   */
  public Optional<Outcome> resolveOrRefuse(String displayName) {
    if (intent != null) {
      LostCreation.Resolution resolution =
          LostCreation.resolve(
              attempt,
              intent,
              what,
              LostCreation.lastLook(attempt, intent)
                  ? namedNow.apply(intent.displayName)
                  : listedNamed.apply(intent.displayName),
              claims);
      if (resolution instanceof LostCreation.Resolution.Created found) {
        created.accept(found.id());
        record.accept(null);
        return Optional.empty();
      }
      if (resolution instanceof LostCreation.Resolution.Unresolved unresolved) {
        return Optional.of(unresolved.outcome());
      }
      record.accept(null);
    }
    List<String> named = namedNow.apply(displayName);
    if (!named.isEmpty()) {
      return Optional.of(
          Outcome.stalled(
              Reasons.NAME_IN_USE,
              "Sevalla already has a "
                  + what
                  + " named \""
                  + displayName
                  + "\" ("
                  + String.join(", ", named)
                  + "), which this resource did not create; set spec.displayName to another name,"
                  + " or spec.adopt to manage that "
                  + what));
    }
    return Optional.empty();
  }

  /**
   * The whole creation step: a lost answer resolved, a name in use refused, else {@code create}
   * sends the create call. A fresh creation holds one of the company's creation permits from its
   * name check on, so the calls that prepare it are spent only when it can follow.
   *
   * @param known whether the object's id is known once a lost answer is resolved
   * @param create what creates it (the outcome to report, or empty to go on)
   */
  @SuppressWarnings("try") // the hold is used by the creation call inside, not by name
  public Optional<Outcome> establish(
      String displayName, BooleanSupplier known, Supplier<Optional<Outcome>> create) {
    if (attempt.observing() && intent == null) {
      return Optional.of(attempt.nothingToObserve("the " + what + " \"" + displayName + "\""));
    }
    try (RateBudgets.CreationHold held = intent == null ? attempt.hosting().holdCreation() : null) {
      Optional<Outcome> refused = resolveOrRefuse(displayName);
      if (refused.isPresent() || known.getAsBoolean()) {
        return refused;
      }
      return create.get();
    }
  }

  /**
   * While the resource is deleted with its creation unresolved: empty when the look is over (the
   * object found is recorded, or none was made); otherwise the deletion step to report meanwhile.
   */
  public Optional<Deletion> resolveWhileDeleting() {
    if (intent == null) {
      return Optional.empty();
    }
    List<String> named =
        LostCreation.lastLook(attempt, intent)
            ? namedNow.apply(intent.displayName)
            : listedNamed.apply(intent.displayName);
    LostCreation.DeletionLookup lookup =
        LostCreation.whileDeleting(attempt, intent, what, named, claims);
    if (lookup.waiting() != null) {
      return Optional.of(lookup.waiting());
    }
    if (lookup.id() != null) {
      created.accept(lookup.id());
    }
    record.accept(null);
    return Optional.empty();
  }

  /**
   * Records the intent, writes it, then sends the create call: answers the new id. A call Sevalla
   * refused outright (429, 401, 403, 4xx) created nothing, so its intent is dropped; a call without
   * an answer (a timeout, a dropped connection, a 5xx) may have created it, so its intent stays and
   * the answer is empty: the caller reports {@link #unconfirmed} and the next look resolves it.
   */
  public Optional<String> create(String displayName, Supplier<String> call) {
    record.accept(LostCreation.intent(attempt, displayName));
    attempt.writeStatusNow(
        Reasons.CREATING, "Creating " + what + " \"" + displayName + "\" in Sevalla");
    String id;
    try {
      id = call.get();
    } catch (KinstaApiException.RateLimited
        | KinstaApiException.Unauthorized
        | KinstaApiException.Forbidden
        | KinstaApiException.InvalidRequest refused) {
      record.accept(null);
      throw refused;
    } catch (KinstaApiException.Transport | KinstaApiException.ServerError unanswered) {
      return Optional.empty();
    }
    record.accept(null);
    created.accept(id);
    return Optional.of(id);
  }

  /** What a create call without an answer reports until its object is found (or not). */
  public Outcome unconfirmed(String displayName) {
    return Outcome.progressing(
        Reasons.CREATION_UNCONFIRMED,
        "The call creating "
            + what
            + " \""
            + displayName
            + "\" got no answer; looking for it before anything is sent again",
        attempt.shortly());
  }
}
