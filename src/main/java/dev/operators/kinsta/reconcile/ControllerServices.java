package dev.operators.kinsta.reconcile;

import dev.operators.kinsta.client.KinstaClients;
import dev.operators.kinsta.hosting.inventory.DatabaseInventory;
import dev.operators.kinsta.hosting.inventory.HostingInventory;
import dev.operators.kinsta.wordpress.inventory.DnsInventory;
import dev.operators.kinsta.wordpress.inventory.SiteInventory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Clock;

/**
 * What every controller shares: one Kinsta client pool and budget, credentials, operation tracking,
 * events.
 */
public record ControllerServices(
    KinstaClients clients,
    CredentialsResolver credentials,
    OperationTracker operations,
    EventRecorder events,
    ReconcileSettings settings,
    Clock clock,
    ResourceObserver observer,
    OwnedSecrets ownedSecrets,
    CredentialsProtection credentialsProtection,
    SiteInventory sites,
    SecretCache secrets,
    ConfigMapCache configMaps,
    DatabaseInventory databases,
    DnsInventory dns,
    HostingInventory hosting,
    PrimaryCaches caches,
    OwnedConfigMaps ownedConfigMaps) {

  /**
   * A Kinsta object left behind: a Warning event on the resource, and the metric that counts them.
   */
  public void orphaned(HasMetadata resource, String message) {
    observer.orphaned(resource);
    events.warning(resource, Reasons.ORPHANED, message);
  }

  /** A field put back after someone changed it in Kinsta: an event naming it, and the metric. */
  public void driftCorrected(HasMetadata resource, String message) {
    observer.driftCorrected(resource);
    events.normal(resource, Reasons.DRIFT_CORRECTED, message);
  }
}
