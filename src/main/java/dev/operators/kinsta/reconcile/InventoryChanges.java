package dev.operators.kinsta.reconcile;

import dev.operators.kinsta.client.dto.Site;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.AbstractEventSource;
import java.util.Set;
import java.util.function.Function;

/**
 * Wakes exactly the resources whose Kinsta object changed between two lists of its company (drift
 * made in MyKinsta, a site gone): the inventory's way into a controller.
 */
public final class InventoryChanges<P extends HasMetadata> extends AbstractEventSource<Site, P> {
  private final Function<String, Set<ResourceID>> resourcesOf;

  public InventoryChanges(Function<String, Set<ResourceID>> resourcesOf) {
    super(Site.class, "kinsta-inventory-changes");
    this.resourcesOf = resourcesOf;
  }

  /** Reconciles the resources that manage these Kinsta objects. */
  public void changed(Set<String> kinstaIds) {
    if (!isRunning()) {
      return;
    }
    for (String id : kinstaIds) {
      for (ResourceID resource : resourcesOf.apply(id)) {
        getEventHandler().handleEvent(new Event(resource));
      }
    }
  }

  @Override
  public Set<Site> getSecondaryResources(P primary) {
    return Set.of();
  }
}
