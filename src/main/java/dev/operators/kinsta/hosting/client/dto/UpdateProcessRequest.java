package dev.operators.kinsta.hosting.client.dto;

import org.jspecify.annotations.Nullable;

/** {@code PATCH /applications/{id}/processes/{process_id}}: the fields left null are not sent. */
public record UpdateProcessRequest(
    @Nullable ScalingStrategy scalingStrategy,
    @Nullable String entrypoint,
    @Nullable String resourceTypeId,
    @Nullable Integer port,
    @Nullable String schedule,
    @Nullable String timeZone,
    @Nullable String jobStartPolicy,
    @Nullable ProcessProbe livenessProbe,
    @Nullable ProcessProbe readinessProbe,
    @Nullable Boolean isIngressEnabled,
    @Nullable String ingressProtocol) {

  public static final UpdateProcessRequest NOTHING =
      new UpdateProcessRequest(null, null, null, null, null, null, null, null, null, null, null);
}
