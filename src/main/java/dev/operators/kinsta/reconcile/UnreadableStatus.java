package dev.operators.kinsta.reconcile;

import dev.operators.kinsta.api.v1alpha1.KinstaStatus;
import dev.operators.kinsta.api.v1alpha1.Unreadable;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;

/**
 * A status the model cannot read may still hold what the operator must not lose (the id of the
 * Kinsta object, an operation in flight): nothing is called and nothing else is written, only the
 * conditions, patched into the status as it is stored.
 */
final class UnreadableStatus {
  private UnreadableStatus() {}

  static <R extends CustomResource<?, ?>> void report(
      R resource,
      Unreadable unreadable,
      KinstaStatus fresh,
      Context<R> context,
      ControllerServices services,
      Logger log) {
    String message =
        "The status cannot be read ("
            + unreadable
            + "); nothing is done until it can. Fix or remove the field with kubectl edit"
            + " --subresource=status.";
    if (unreadable.recordsCondition(
        StatusConditions.STALLED, Reasons.UNREADABLE_STATUS.code(), message)) {
      return;
    }
    StatusConditions.apply(
        fresh,
        StatusConditions.generation(resource),
        Outcome.stalled(Reasons.UNREADABLE_STATUS, message),
        services.clock().instant());
    log.warn(
        "{} {}/{}: {}",
        resource.getKind(),
        resource.getMetadata().getNamespace(),
        resource.getMetadata().getName(),
        message);
    services.events().warning(resource, Reasons.UNREADABLE_STATUS, message);
    context
        .getClient()
        .genericKubernetesResources(resource.getApiVersion(), resource.getKind())
        .inNamespace(resource.getMetadata().getNamespace())
        .withName(resource.getMetadata().getName())
        .subresource("status")
        // A JSON patch: the conditions replace the list as stored, whatever else the status holds.
        .patch(
            PatchContext.of(PatchType.JSON),
            StatusJson.JSON.asJson(
                List.of(
                    Map.of("op", "add", "path", "/status/conditions", "value", fresh.conditions))));
  }
}
