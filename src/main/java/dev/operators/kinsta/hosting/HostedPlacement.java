package dev.operators.kinsta.hosting;

import dev.operators.kinsta.hosting.client.HostingApi;
import dev.operators.kinsta.hosting.client.dto.ResourceType;
import dev.operators.kinsta.hosting.inventory.HostingInventory;
import dev.operators.kinsta.reconcile.Outcome;
import dev.operators.kinsta.reconcile.Reasons;

/** Where a hosted object is placed (location, project, size) that Sevalla does not offer. */
public final class HostedPlacement {
  private HostedPlacement() {}

  /** A location no cluster has: stalled, naming the field and the choices. */
  public static Outcome unknownLocation(
      HostingInventory lists, HostingApi api, String companyId, String location) {
    return Outcome.stalled(
        Reasons.INVALID_SPEC,
        "spec.location: Sevalla has no cluster \""
            + location
            + "\"; choose one of "
            + String.join(", ", lists.clusterLocations(api, companyId)));
  }

  /** A project the company does not have: stalled, naming the field. */
  public static Outcome unknownProject(String project) {
    return Outcome.stalled(
        Reasons.INVALID_SPEC, "spec.project: the company has no project \"" + project + "\"");
  }

  /** A database size Sevalla does not offer: stalled, naming the field and the choices. */
  public static Outcome unknownDatabaseSize(
      HostingInventory lists, HostingApi api, String companyId, String size) {
    return Outcome.stalled(
        Reasons.INVALID_SPEC,
        "spec.size: Sevalla has no database size \""
            + size
            + "\"; choose one of "
            + String.join(
                ", ",
                lists.databaseSizes(api, companyId).stream().map(ResourceType::name).toList()));
  }
}
