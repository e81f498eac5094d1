package dev.operators.kinsta.reconcile;

import dev.operators.kinsta.api.v1alpha1.KinstaStatus;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.CustomResource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * When a stalled resource is looked at again. A stall is final until the spec, a Secret or a
 * reconcile request changes, with two exceptions: a missing Secret is looked for every 30 seconds
 * (one created after the resource is not in the operator's cache until it is read), and a stall
 * whose cause may clear on Kinsta's side ({@link Reason#mayClear()}) is looked at again every
 * {@code KINSTA_STALLED_RETRY}.
 */
final class StallPolicy {
  private static final Set<String> MISSING_SECRET =
      Set.of(Reasons.CREDENTIALS_NOT_FOUND.code(), Reasons.SECRET_NOT_FOUND.code());
  private static final Duration SECRET_RECHECK = Duration.ofSeconds(30);

  private final ReconcileSettings settings;
  private final Clock clock;
  private final Supplier<List<? extends Reason>> kindReasons;
  private volatile @Nullable Set<String> mayClear;

  StallPolicy(
      ReconcileSettings settings, Clock clock, Supplier<List<? extends Reason>> kindReasons) {
    this.settings = settings;
    this.clock = clock;
    this.kindReasons = kindReasons;
  }

  /** A new stall, with when to look again, if ever; the time of the look is kept in status. */
  Outcome reported(KinstaStatus status, Outcome stalled) {
    if (MISSING_SECRET.contains(stalled.reason().code())) {
      return stalled.withRequeue(secretRecheck());
    }
    status.stalledCheckedAt =
        DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    return stalled.reason().mayClear() ? stalled.withRequeue(settings.stalledRetry()) : stalled;
  }

  /**
   * Whether the resource is stalled and nothing it depends on changed since (generation, Secrets,
   * reconcile request), and no look of a stall that may clear is due: then nothing is done.
   */
  boolean unchanged(
      CustomResource<?, ?> resource,
      @Nullable KinstaStatus before,
      String secretsVersion,
      @Nullable String reconcileRequest) {
    if (before == null) {
      return false;
    }
    Optional<Condition> stalled = stalled(before);
    if (stalled.isPresent()
        && mayClear().contains(stalled.get().getReason())
        && dueForAnotherLook(before.stalledCheckedAt)) {
      return false;
    }
    return stalled.isPresent()
        && Objects.equals(
            stalled.get().getObservedGeneration(), resource.getMetadata().getGeneration())
        && Objects.equals(before.secretsVersion, secretsVersion)
        && Objects.equals(before.lastHandledReconcileAt, reconcileRequest);
  }

  /**
   * When to look again at a resource left unchanged: soon when it waits for a Secret, at its next
   * look when its stall may clear. A reconcile without a reschedule replaces the one pending, so a
   * stall that may clear keeps its next look whatever event came in between.
   */
  Optional<Duration> nextLook(@Nullable KinstaStatus before) {
    if (before == null) {
      return Optional.empty();
    }
    Optional<Condition> stalled = stalled(before);
    if (stalled.isPresent() && MISSING_SECRET.contains(stalled.get().getReason())) {
      return Optional.of(secretRecheck());
    }
    if (before.stalledCheckedAt == null
        || stalled.filter(c -> mayClear().contains(c.getReason())).isEmpty()) {
      return Optional.empty();
    }
    try {
      Duration left =
          Duration.between(
              clock.instant(),
              Instant.parse(before.stalledCheckedAt).plus(settings.stalledRetry()));
      return Optional.of(left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left);
    } catch (DateTimeParseException unreadable) {
      return Optional.empty();
    }
  }

  private static Optional<Condition> stalled(KinstaStatus status) {
    return StatusConditions.find(status.conditions, StatusConditions.STALLED)
        .filter(c -> "True".equals(c.getStatus()));
  }

  private boolean dueForAnotherLook(@Nullable String checkedAt) {
    if (checkedAt == null) {
      return true;
    }
    try {
      return !clock.instant().isBefore(Instant.parse(checkedAt).plus(settings.stalledRetry()));
    } catch (DateTimeParseException unreadable) {
      return true;
    }
  }

  private Duration secretRecheck() {
    Duration max = settings.retryMax();
    return max.compareTo(SECRET_RECHECK) < 0 ? max : SECRET_RECHECK;
  }

  /** The codes of the shared and the kind's reasons whose stall may clear. */
  private Set<String> mayClear() {
    Set<String> codes = mayClear;
    if (codes == null) {
      codes =
          Stream.concat(Arrays.stream(Reasons.values()), kindReasons.get().stream())
              .filter(Reason::mayClear)
              .map(Reason::code)
              .collect(Collectors.toUnmodifiableSet());
      mayClear = codes;
    }
    return codes;
  }
}
