package dev.operators.kinsta.api.v1alpha1;

import io.fabric8.kubernetes.client.CustomResource;
import java.util.List;

/** The API group, version and annotation names every kind of this operator shares. */
public final class ApiGroup {
  public static final String GROUP = "kinsta.operators.dev";
  public static final String VERSION = "v1alpha1";
  public static final String CATEGORY = "kinsta";

  /** Every kind of this API group, in the order the README presents them. */
  public static final List<Class<? extends CustomResource<?, ?>>> KINDS =
      List.of(
          KinstaSite.class,
          KinstaDatabase.class,
          KinstaApplication.class,
          KinstaInternalConnection.class,
          KinstaDnsRecord.class,
          KinstaStaticSite.class,
          KinstaPipeline.class,
          KinstaSiteAction.class,
          KinstaApplicationAction.class,
          KinstaCompany.class);

  /** {@code "true"} stops every Kinsta call for the resource until removed. */
  public static final String PAUSED_ANNOTATION = GROUP + "/paused";

  /**
   * Any new value asks for an immediate reconcile; the value is echoed in {@code
   * status.lastHandledReconcileAt}.
   */
  public static final String RECONCILE_REQUESTED_ANNOTATION = GROUP + "/reconcile-requested-at";

  /**
   * Ends the wait of a creation whose answer was lost, on purpose: its value repeats {@code
   * status.creation.recordedAt}, stating that this create call never took effect (so it cannot
   * carry over to a later one). Creating goes on at once; a deletion stops looking.
   */
  public static final String CREATION_NOT_MADE_ANNOTATION = GROUP + "/creation-not-made";

  /** Overrides how often a running Kinsta operation is polled, e.g. {@code 30s}. */
  public static final String POLL_INTERVAL_ANNOTATION = GROUP + "/poll-interval";

  /**
   * Approves the changes that destroy data (under {@code spec.approval: Destructive}) for the
   * generation it names; a later generation needs its own approval.
   */
  public static final String APPROVE_ANNOTATION = GROUP + "/approve";

  /**
   * Schema descriptions of the condition fields, which the Kubernetes Condition type does not
   * carry, for {@code kubectl explain}; added to every kind's status by {@link SchemaAddition}.
   */
  static final String CONDITIONS_DESCRIBED =
      "\"conditions\": {\"items\": {\"properties\": {"
          + "\"type\": {\"description\": \"Ready, Reconciling or Stalled.\"}, "
          + "\"status\": {\"description\": \"True, False or Unknown.\"}, "
          + "\"reason\": {\"description\": \"Why, in one CamelCase word.\"}, "
          + "\"message\": {\"description\": \"What happened, in words.\"}, "
          + "\"lastTransitionTime\": {\"description\": \"When the status last changed.\"}, "
          + "\"observedGeneration\": {\"description\": \"The metadata.generation the condition describes.\"}}}}";

  private ApiGroup() {}
}
