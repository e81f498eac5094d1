package dev.operators.kinsta.hosting;

import static java.util.Objects.requireNonNull;

import dev.operators.kinsta.api.v1alpha1.IpRestriction;
import dev.operators.kinsta.hosting.client.HostedService;
import dev.operators.kinsta.hosting.client.HostingApi;
import dev.operators.kinsta.hosting.client.dto.IpRestrictionState;
import dev.operators.kinsta.reconcile.Attempt;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Who may reach an application or a database, and whether it runs at all. */
public final class HostedAccess {
  private HostedAccess() {}

  /**
   * Puts the IP restriction as the spec wants it; with {@code wanted} null, turns off the one the
   * operator kept ({@code managed}). Answers whether the operator keeps it from now on.
   */
  public static boolean restrictIps(
      Attempt<?, ?> attempt,
      HostedService service,
      String id,
      @Nullable IpRestriction wanted,
      boolean managed) {
    if (wanted == null && !managed) {
      return false;
    }
    HostingApi api = attempt.hosting();
    IpRestrictionState current = api.services().getIpRestriction(service, id);
    IpRestrictionState target =
        wanted == null
            ? new IpRestrictionState(current.type(), false, List.of())
            : new IpRestrictionState(
                requireNonNull(wanted.type, "spec.ipRestriction.type").wireName(),
                true,
                List.copyOf(requireNonNull(wanted.ips, "spec.ipRestriction.ips")));
    boolean same =
        current.isEnabled() == target.isEnabled()
            && (!target.isEnabled()
                || (Objects.equals(current.type(), target.type())
                    && Objects.equals(
                        current.ipList().stream().sorted().toList(),
                        target.ipList().stream().sorted().toList())));
    if (!same && attempt.correct("spec.ipRestriction", describe(target), describe(current))) {
      api.services().putIpRestriction(service, id, target);
    }
    return wanted != null;
  }

  private static String describe(IpRestrictionState state) {
    return state.isEnabled()
        ? state.type() + " " + String.join(", ", state.ipList().stream().sorted().toList())
        : "off";
  }

  /** Suspends or activates the service when Sevalla's state differs from the spec. */
  public static void keepSuspended(
      Attempt<?, ?> attempt,
      HostedService service,
      String id,
      @Nullable Boolean wanted,
      boolean suspended) {
    if (wanted == null
        || wanted == suspended
        || !attempt.correct("spec.suspended", wanted, suspended)) {
      return;
    }
    HostingApi api = attempt.hosting();
    if (wanted) {
      api.services().suspend(service, id);
    } else {
      api.services().activate(service, id);
    }
  }
}
