package dev.operators.kinsta.reconcile;

import dev.operators.kinsta.api.v1alpha1.KinstaStatus;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Writes the kstatus conditions {@code Ready}, {@code Reconciling} and {@code Stalled} from an
 * {@link Outcome}. They always appear in that order, each carries the observed generation, and
 * {@code lastTransitionTime} moves only when a condition's status flips, so an unchanged outcome
 * produces an identical status (and no patch).
 */
public final class StatusConditions {
  public static final String READY = "Ready";
  public static final String RECONCILING = "Reconciling";
  public static final String STALLED = "Stalled";
  private static final List<String> ORDER = List.of(READY, RECONCILING, STALLED);

  private StatusConditions() {}

  /** The resource's {@code metadata.generation}, 0 before the API server gave it one. */
  public static long generation(HasMetadata resource) {
    Long generation = resource.getMetadata().getGeneration();
    return generation == null ? 0L : generation;
  }

  public static void apply(KinstaStatus status, long generation, Outcome outcome, Instant now) {
    List<Condition> current = status.conditions == null ? List.of() : status.conditions;
    List<Condition> next = new ArrayList<>();
    Optional<Condition> oldReady = find(current, READY);
    switch (outcome.kind()) {
      case READY -> {
        next.add(
            condition(
                current, READY, true, outcome.reason().code(), outcome.message(), generation, now));
        next.add(
            condition(current, RECONCILING, false, outcome.reason().code(), "", generation, now));
        next.add(condition(current, STALLED, false, outcome.reason().code(), "", generation, now));
      }
      case PROGRESSING -> {
        next.add(
            condition(
                current,
                READY,
                false,
                outcome.reason().code(),
                outcome.message(),
                generation,
                now));
        next.add(
            condition(
                current,
                RECONCILING,
                true,
                outcome.reason().code(),
                outcome.message(),
                generation,
                now));
        next.add(condition(current, STALLED, false, outcome.reason().code(), "", generation, now));
      }
      case STALLED -> {
        next.add(
            condition(
                current,
                READY,
                false,
                outcome.reason().code(),
                outcome.message(),
                generation,
                now));
        next.add(
            condition(current, RECONCILING, false, outcome.reason().code(), "", generation, now));
        next.add(
            condition(
                current,
                STALLED,
                true,
                outcome.reason().code(),
                outcome.message(),
                generation,
                now));
      }
      case WAITING, PAUSED -> {
        boolean waiting = outcome.kind() == Outcome.Kind.WAITING;
        next.add(
            oldReady
                .map(ready -> withGeneration(ready, generation))
                .orElseGet(
                    () ->
                        condition(
                            current,
                            READY,
                            false,
                            outcome.reason().code(),
                            outcome.message(),
                            generation,
                            now)));
        next.add(
            condition(
                current,
                RECONCILING,
                waiting,
                outcome.reason().code(),
                outcome.message(),
                generation,
                now));
        next.add(condition(current, STALLED, false, outcome.reason().code(), "", generation, now));
      }
      case UNCHANGED -> {
        return;
      }
      default -> throw new IllegalStateException("unknown outcome " + outcome.kind());
    }
    current.stream()
        .filter(c -> !ORDER.contains(c.getType()))
        .sorted(Comparator.comparing(Condition::getType))
        .forEach(next::add);
    status.conditions = next;
  }

  /**
   * Sets a condition of a type other than the kstatus three (which {@link #apply} keeps after
   * them); its transition time moves only when its status flips.
   */
  public static void set(
      KinstaStatus status,
      String type,
      boolean value,
      Reason reason,
      String message,
      long generation,
      Instant now) {
    List<Condition> current = status.conditions == null ? List.of() : status.conditions;
    List<Condition> next = new ArrayList<>();
    current.stream().filter(c -> !type.equals(c.getType())).forEach(next::add);
    next.add(condition(current, type, value, reason.code(), message, generation, now));
    status.conditions = next;
  }

  /** Marks the resource as retrying after a transient error, leaving {@code Ready} as it was. */
  public static void retrying(
      KinstaStatus status, long generation, Reason reason, String message, Instant now) {
    apply(status, generation, Outcome.waiting(reason, message, null), now);
  }

  public static Optional<Condition> find(List<Condition> conditions, String type) {
    return conditions == null
        ? Optional.empty()
        : conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  /**
   * The Ready condition when it is True for {@code generation}: the last look found all as wanted.
   */
  public static Optional<Condition> readyFor(KinstaStatus status, long generation) {
    return find(status.conditions, READY)
        .filter(c -> "True".equals(c.getStatus()))
        .filter(c -> Objects.equals(c.getObservedGeneration(), generation));
  }

  public static boolean isTrue(@Nullable KinstaStatus status, String type) {
    return status != null
        && find(status.conditions, type).map(c -> "True".equals(c.getStatus())).orElse(false);
  }

  /**
   * Ready, for the resource's current generation: what another resource waiting on this one needs
   * to see.
   */
  public static boolean isReadyAndCurrent(HasMetadata resource) {
    return resource instanceof CustomResource<?, ?> custom
        && custom.getStatus() instanceof KinstaStatus status
        && isTrue(status, READY)
        && Objects.equals(status.observedGeneration, resource.getMetadata().getGeneration());
  }

  private static Condition condition(
      List<Condition> current,
      String type,
      boolean value,
      String reason,
      String message,
      long generation,
      Instant now) {
    String text = value ? "True" : "False";
    String since =
        find(current, type)
            .filter(old -> text.equals(old.getStatus()))
            .map(Condition::getLastTransitionTime)
            .orElseGet(
                () -> DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS)));
    return new ConditionBuilder()
        .withType(type)
        .withStatus(text)
        .withReason(reason)
        .withMessage(Objects.requireNonNullElse(message, ""))
        .withObservedGeneration(generation)
        .withLastTransitionTime(since)
        .build();
  }

  private static Condition withGeneration(Condition condition, long generation) {
    return new ConditionBuilder(condition).withObservedGeneration(generation).build();
  }
}
