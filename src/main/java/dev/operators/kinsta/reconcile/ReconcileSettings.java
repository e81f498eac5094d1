package dev.operators.kinsta.reconcile;

import dev.operators.kinsta.api.v1alpha1.DeletionPolicy;
import dev.operators.kinsta.config.OperatorConfig;
import java.time.Duration;

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
    Duration stalledRetry) {

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
        config.stalledRetry());
  }

  public ReconcileSettings withPolling(Duration min, Duration max) {
    return new ReconcileSettings(
        min,
        max,
        operationGrace,
        resyncInterval,
        orphanAfter,
        defaultDeletionPolicy,
        retryInitial,
        retryMax,
        creationWindow,
        stalledRetry);
  }

  public ReconcileSettings withResync(Duration resync) {
    return new ReconcileSettings(
        minPollInterval,
        maxPollInterval,
        operationGrace,
        resync,
        orphanAfter,
        defaultDeletionPolicy,
        retryInitial,
        retryMax,
        creationWindow,
        stalledRetry);
  }

  public ReconcileSettings withRetry(Duration initial, Duration max) {
    return new ReconcileSettings(
        minPollInterval,
        maxPollInterval,
        operationGrace,
        resyncInterval,
        orphanAfter,
        defaultDeletionPolicy,
        initial,
        max,
        creationWindow,
        stalledRetry);
  }

  public ReconcileSettings withOperationGrace(Duration grace) {
    return new ReconcileSettings(
        minPollInterval,
        maxPollInterval,
        grace,
        resyncInterval,
        orphanAfter,
        defaultDeletionPolicy,
        retryInitial,
        retryMax,
        creationWindow,
        stalledRetry);
  }

  public ReconcileSettings withOrphanAfter(Duration orphan) {
    return new ReconcileSettings(
        minPollInterval,
        maxPollInterval,
        operationGrace,
        resyncInterval,
        orphan,
        defaultDeletionPolicy,
        retryInitial,
        retryMax,
        creationWindow,
        stalledRetry);
  }

  public ReconcileSettings withCreationWindow(Duration window) {
    return new ReconcileSettings(
        minPollInterval,
        maxPollInterval,
        operationGrace,
        resyncInterval,
        orphanAfter,
        defaultDeletionPolicy,
        retryInitial,
        retryMax,
        window,
        stalledRetry);
  }

  public ReconcileSettings withStalledRetry(Duration retry) {
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
        retry);
  }
}
