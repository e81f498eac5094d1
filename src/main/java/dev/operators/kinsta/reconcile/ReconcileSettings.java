package dev.operators.kinsta.reconcile;

import dev.operators.kinsta.api.v1alpha1.Approval;
import dev.operators.kinsta.api.v1alpha1.DeletionPolicy;
import dev.operators.kinsta.config.OperatorConfig;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * How the controllers pace themselves.
 *
 * @param minPollInterval first wait before polling a new Kinsta operation
 * @param maxPollInterval the longest wait between polls of one operation
 * @param operationGrace how long a 404 from {@code GET /operations/{id}} counts as "not visible
 *     yet"
 * @param resyncInterval how often a Ready resource is compared with Kinsta again (drift)
 * @param orphanAfter how long a deletion waits for credentials before it leaves the Kinsta object
 *     behind
 * @param defaultDeletionPolicy the policy of created objects whose spec names none
 * @param retryInitial first back-off after a retriable error
 * @param retryMax the longest back-off after retriable errors
 * @param creationWindow how long a create call whose answer was lost is looked for
 * @param stalledRetry how often a stall whose cause may clear is looked at again
 * @param inventoryInterval how often each company's sites are listed (drift is seen within it)
 * @param usageInterval how often the usage metrics of each site and application are read
 * @param defaultApproval which changes wait for approval when a spec does not say
 */
public record ReconcileSettings(
    Duration minPollInterval,
    Duration maxPollInterval,
    Duration operationGrace,
    Duration resyncInterval,
    Duration orphanAfter,
    DeletionPolicy defaultDeletionPolicy,
    Duration retryInitial,
    Duration retryMax,
    Duration creationWindow,
    Duration stalledRetry,
    Duration inventoryInterval,
    Duration usageInterval,
    Approval defaultApproval) {

  public static ReconcileSettings from(OperatorConfig config) {
    return new ReconcileSettings(
        Duration.ofSeconds(2),
        Duration.ofMinutes(1),
        Duration.ofMinutes(2),
        config.resyncInterval(),
        config.orphanAfter(),
        DeletionPolicy.valueOf(config.defaultDeletionPolicy().name()),
        Duration.ofSeconds(1),
        Duration.ofMinutes(5),
        config.creationWindow(),
        config.stalledRetry(),
        config.inventoryInterval(),
        config.usageInterval(),
        Approval.valueOf(config.defaultApproval().name()));
  }

  public ReconcileSettings withPolling(Duration min, Duration max) {
    return changed(
        settings -> {
          settings.minPollInterval = min;
          settings.maxPollInterval = max;
        });
  }

  public ReconcileSettings withResync(Duration resync) {
    return changed(settings -> settings.resyncInterval = resync);
  }

  public ReconcileSettings withRetry(Duration initial, Duration max) {
    return changed(
        settings -> {
          settings.retryInitial = initial;
          settings.retryMax = max;
        });
  }

  public ReconcileSettings withOperationGrace(Duration grace) {
    return changed(settings -> settings.operationGrace = grace);
  }

  public ReconcileSettings withOrphanAfter(Duration orphan) {
    return changed(settings -> settings.orphanAfter = orphan);
  }

  public ReconcileSettings withCreationWindow(Duration window) {
    return changed(settings -> settings.creationWindow = window);
  }

  public ReconcileSettings withInventoryInterval(Duration interval) {
    return changed(settings -> settings.inventoryInterval = interval);
  }

  public ReconcileSettings withUsageInterval(Duration interval) {
    return changed(settings -> settings.usageInterval = interval);
  }

  public ReconcileSettings withDefaultApproval(Approval approval) {
    return changed(settings -> settings.defaultApproval = approval);
  }

  public ReconcileSettings withStalledRetry(Duration retry) {
    return changed(settings -> settings.stalledRetry = retry);
  }

  private ReconcileSettings changed(Consumer<Editable> change) {
    Editable editable = new Editable(this);
    change.accept(editable);
    return editable.settings();
  }

  /** These settings, one field at a time, for the {@code with} methods (tests and local mode). */
  private static final class Editable {
    Duration minPollInterval;
    Duration maxPollInterval;
    Duration operationGrace;
    Duration resyncInterval;
    Duration orphanAfter;
    final DeletionPolicy defaultDeletionPolicy;
    Duration retryInitial;
    Duration retryMax;
    Duration creationWindow;
    Duration stalledRetry;
    Duration inventoryInterval;
    Duration usageInterval;
    Approval defaultApproval;

    Editable(ReconcileSettings from) {
      minPollInterval = from.minPollInterval;
      maxPollInterval = from.maxPollInterval;
      operationGrace = from.operationGrace;
      resyncInterval = from.resyncInterval;
      orphanAfter = from.orphanAfter;
      defaultDeletionPolicy = from.defaultDeletionPolicy;
      retryInitial = from.retryInitial;
      retryMax = from.retryMax;
      creationWindow = from.creationWindow;
      stalledRetry = from.stalledRetry;
      inventoryInterval = from.inventoryInterval;
      usageInterval = from.usageInterval;
      defaultApproval = from.defaultApproval;
    }

    ReconcileSettings settings() {
      return new ReconcileSettings(
          minPollInterval,
          maxPollInterval,
          operationGrace,
          resyncInterval,
          orphanAfter,
          defaultDeletionPolicy,
          retryInitial,
          retryMax,
          creationWindow,
          stalledRetry,
          inventoryInterval,
          usageInterval,
          defaultApproval);
    }
  }
}
