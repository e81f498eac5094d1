package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What every kind reports: kstatus conditions, the generation they describe and the operation in
 * flight.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonDeserialize(using = LenientReading.class)
public class KinstaStatus extends ReadPart {

  @JsonPropertyDescription("The metadata.generation this status describes.")
  public @Nullable Long observedGeneration;

  @JsonPropertyDescription(
      "`Ready`, `Reconciling` and `Stalled`, as kstatus (Flux, Argo CD) reads them.")
  public List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("The Kinsta operation in flight, if any.")
  public @Nullable TrackedOperation operation;

  @JsonPropertyDescription("The value of the reconcile-requested-at annotation last acted on.")
  public @Nullable String lastHandledReconcileAt;

  @JsonPropertyDescription(
      "resourceVersions of the Secrets the resource reads, as last seen; a change lifts a stall.")
  public @Nullable String secretsVersion;

  @JsonPropertyDescription(
      "The secretsVersion of the last full look at the object in Kinsta; another one means a"
          + " Secret or ConfigMap it reads changed since.")
  public @Nullable String observedSecretsVersion;

  @JsonPropertyDescription("The change that destroys data and waits for approval, if any.")
  public @Nullable PendingApproval pendingApproval;

  @JsonPropertyDescription(
      "When a Stalled resource was last looked at again (RFC 3339); stalls whose cause may clear on"
          + " Kinsta's side are looked at again every KINSTA_STALLED_RETRY.")
  public @Nullable String stalledCheckedAt;
}
