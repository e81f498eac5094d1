package dev.operators.kinsta.wordpress.site;

import dev.operators.kinsta.api.v1alpha1.KinstaSiteStatus;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteStatus.AppliedSsh;
import dev.operators.kinsta.api.v1alpha1.SshSettings;
import dev.operators.kinsta.wordpress.site.EnvironmentExtras.SshAccess;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The next SFTP/SSH change of an environment: on or off and the allowed addresses against what
 * Kinsta reports; password authentication and expiration, which Kinsta cannot report, against what
 * the operator last applied ({@code status.appliedSsh}). Every call is synchronous.
 */
final class SshPlanner {
  private SshPlanner() {}

  static Optional<SettingChange> next(
      String label,
      SshSettings spec,
      String envId,
      Supplier<SshAccess> reported,
      KinstaSiteStatus status) {
    if (spec.enabled != null || spec.allowedIps != null) {
      SshAccess current = reported.get();
      if (spec.enabled != null && spec.enabled != current.enabled()) {
        boolean enabled = spec.enabled;
        return SettingChange.synchronous(
            SiteOperation.SET_SSH_ACCESS,
            label,
            enabled ? "on" : "off",
            api -> api.access().setSshEnabled(envId, enabled));
      }
      if (spec.allowedIps != null
          && !new HashSet<>(spec.allowedIps).equals(new HashSet<>(current.allowedIps()))) {
        List<String> wanted = List.copyOf(spec.allowedIps);
        return SettingChange.synchronous(
            SiteOperation.SET_SSH_ALLOWED_IPS,
            label,
            wanted.size() + " entries",
            api -> api.access().setSshAllowedIps(envId, wanted));
      }
    }
    AppliedSsh applied =
        status.appliedSsh == null
            ? new AppliedSsh()
            : status.appliedSsh.getOrDefault(label, new AppliedSsh());
    if (spec.passwordAuthentication != null
        && !spec.passwordAuthentication.equals(applied.passwordAuthentication)) {
      boolean enabled = spec.passwordAuthentication;
      return SettingChange.synchronous(
          SiteOperation.SET_SSH_PASSWORD_AUTHENTICATION,
          label,
          enabled ? "on" : "off",
          api -> {
            api.access().setSshPasswordAuthentication(envId, enabled);
            applied(status, label).passwordAuthentication = enabled;
          });
    }
    if (spec.passwordExpiration != null
        && !Objects.equals(spec.passwordExpiration, applied.passwordExpiration)) {
      SshSettings.Expiration wanted = spec.passwordExpiration;
      return SettingChange.synchronous(
          SiteOperation.SET_SSH_PASSWORD_EXPIRATION,
          label,
          wanted.wire(),
          api -> {
            api.access().setSshExpiration(envId, wanted.wire());
            applied(status, label).passwordExpiration = wanted;
          });
    }
    return Optional.empty();
  }

  private static AppliedSsh applied(KinstaSiteStatus status, String label) {
    if (status.appliedSsh == null) {
      status.appliedSsh = new LinkedHashMap<>();
    }
    return status.appliedSsh.computeIfAbsent(label, l -> new AppliedSsh());
  }
}
