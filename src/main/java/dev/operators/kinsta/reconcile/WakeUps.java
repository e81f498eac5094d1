package dev.operators.kinsta.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.AbstractEventSource;
import java.util.Collection;
import java.util.Set;

/**
 * Reconciles resources when something outside the controller's own informers says so: a Secret of
 * the shared cache changed, or the company inventory saw a Kinsta object change (drift made in
 * MyKinsta, an object gone).
 */
public final class WakeUps<P extends HasMetadata> extends AbstractEventSource<Void, P> {
  public WakeUps(String name) {
    super(Void.class, name);
  }

  public void wake(Collection<ResourceID> resources) {
    if (!isRunning()) {
      return;
    }
    resources.forEach(resource -> getEventHandler().handleEvent(new Event(resource)));
  }

  @Override
  public Set<Void> getSecondaryResources(P primary) {
    return Set.of();
  }
}
