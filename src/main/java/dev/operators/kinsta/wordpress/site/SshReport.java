package dev.operators.kinsta.wordpress.site;

import static java.util.Objects.requireNonNull;

import dev.operators.kinsta.api.v1alpha1.KinstaSite;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteStatus;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteStatus.EnvironmentStatus;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteStatus.SshStatus;
import dev.operators.kinsta.reconcile.Attempt;
import dev.operators.kinsta.wordpress.client.dto.SshConfig;
import dev.operators.kinsta.wordpress.site.EnvironmentExtras.SshAccess;

/**
 * An environment's SFTP/SSH access in its status: on or off and the allowed addresses from the
 * company's per-interval read, and how to connect, read once (the host, port and user stay while
 * the environment exists). No password ever goes to status.
 */
final class SshReport {
  private SshReport() {}

  static void fill(
      Attempt<KinstaSite, KinstaSiteStatus> attempt,
      EnvironmentExtras extras,
      String siteId,
      EnvironmentStatus out) {
    String envId = requireNonNull(out.id, "status.environments[].id");
    SshAccess access = extras.ssh(attempt.kinsta(), envId);
    SshStatus ssh = out.ssh == null ? new SshStatus() : out.ssh;
    ssh.enabled = access.enabled();
    ssh.allowedIps = access.allowedIps();
    if (ssh.host == null) {
      SshConfig config = attempt.kinsta().access().sshConfig(siteId, envId);
      ssh.host = config.host();
      ssh.port = config.port();
      ssh.user = config.user();
    }
    out.ssh = ssh;
  }
}
