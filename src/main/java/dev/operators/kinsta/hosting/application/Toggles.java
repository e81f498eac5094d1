package dev.operators.kinsta.hosting.application;

import dev.operators.kinsta.api.v1alpha1.KinstaApplication;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationStatus;
import dev.operators.kinsta.hosting.client.HostingApi;
import dev.operators.kinsta.reconcile.Attempt;
import org.jspecify.annotations.Nullable;

/**
 * The CDN. Sevalla only offers "toggle" and answers the new state; it never reports the state
 * otherwise. The answer is kept in status, and a toggle is sent only when that known state differs
 * from the spec: at most one flip per reconcile, and none once they agree. When the state is
 * unknown (a new resource), one toggle reveals it; if that turned it the wrong way, the next
 * reconcile turns it back.
 */
final class Toggles {
  private Toggles() {}

  static void apply(
      Attempt<KinstaApplication, KinstaApplicationStatus> attempt, HostingApi api, String appId) {
    KinstaApplicationSpec spec = attempt.resource().getSpec();
    KinstaApplicationStatus status = attempt.status();
    if (needsFlip(spec.cdn, status.cdnEnabled)
        && attempt.correct("spec.cdn", spec.cdn, status.cdnEnabled)) {
      status.cdnEnabled = api.applications().toggleCdn(appId);
    }
  }

  private static boolean needsFlip(@Nullable Boolean wanted, @Nullable Boolean known) {
    return wanted != null && !wanted.equals(known);
  }
}
