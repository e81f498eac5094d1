package dev.operators.kinsta.reconcile;

import dev.operators.kinsta.api.v1alpha1.KinstaStatus;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/** One log line and, where it matters, one event per transition of Ready or Stalled. */
final class Transitions {
  private Transitions() {}

  static void announce(
      Logger log,
      EventRecorder events,
      HasMetadata resource,
      @Nullable KinstaStatus before,
      KinstaStatus after) {
    Optional<Condition> oldReady =
        before == null
            ? Optional.empty()
            : StatusConditions.find(before.conditions, StatusConditions.READY);
    Condition ready = StatusConditions.find(after.conditions, StatusConditions.READY).orElseThrow();
    boolean flipped = oldReady.map(c -> !c.getStatus().equals(ready.getStatus())).orElse(true);
    boolean reasonChanged =
        oldReady.map(c -> !Objects.equals(c.getReason(), ready.getReason())).orElse(true);
    if (!flipped && !reasonChanged) {
      return;
    }
    log.info(
        "{} {}/{}: Ready={} {}: {}",
        resource.getKind(),
        resource.getMetadata().getNamespace(),
        resource.getMetadata().getName(),
        ready.getStatus(),
        ready.getReason(),
        ready.getMessage());
    boolean nowStalled = StatusConditions.isTrue(after, StatusConditions.STALLED);
    boolean wasStalled = StatusConditions.isTrue(before, StatusConditions.STALLED);
    if (nowStalled && (!wasStalled || reasonChanged)) {
      events.transition(resource, true, ready.getReason(), ready.getMessage());
    } else if (flipped && "True".equals(ready.getStatus())) {
      events.transition(resource, false, ready.getReason(), ready.getMessage());
    }
  }
}
