package dev.operators.kinsta.wordpress.site;

import dev.operators.kinsta.wordpress.client.KinstaApi;
import dev.operators.kinsta.wordpress.client.dto.RedirectRule;
import dev.operators.kinsta.wordpress.client.dto.SftpAccounts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What a site's environments have that the company's site list does not show: denied IP addresses,
 * SFTP/SSH access, redirect rules, additional SFTP accounts. Each is read only for an environment
 * whose spec manages it, at most once per inventory interval, or again after the operator changed
 * that part. Only KinstaSites read these, so they are kept here and not with the company's lists.
 */
final class EnvironmentExtras {
  /** A part of an environment the operator may change, and so must read again. */
  enum Part {
    DENIED_IPS,
    SSH,
    REDIRECTS,
    SFTP_ACCOUNTS
  }

  /** An environment's SFTP/SSH access. */
  record SshAccess(boolean enabled, List<String> allowedIps) {}

  /** Past this many environments kept, what is older than two intervals is dropped. */
  private static final int PRUNE_ABOVE = 10_000;

  private final Duration interval;
  private final Clock clock;
  private final Kept<List<String>> deniedIps = new Kept<>();
  private final Kept<SshAccess> ssh = new Kept<>();
  private final Kept<List<RedirectRule>> redirects = new Kept<>();
  private final Kept<SftpAccounts> sftpAccounts = new Kept<>();

  EnvironmentExtras(Duration interval, Clock clock) {
    this.interval = interval;
    this.clock = clock;
  }

  List<String> deniedIps(KinstaApi api, String environmentId) {
    return deniedIps.read(
        environmentId, () -> List.copyOf(api.access().getDeniedIps(environmentId)));
  }

  SshAccess ssh(KinstaApi api, String environmentId) {
    return ssh.read(
        environmentId,
        () ->
            new SshAccess(
                api.access().sshEnabled(environmentId),
                List.copyOf(api.access().sshAllowedIps(environmentId))));
  }

  List<RedirectRule> redirects(KinstaApi api, String environmentId) {
    return redirects.read(
        environmentId, () -> List.copyOf(api.access().redirectRules(environmentId)));
  }

  SftpAccounts sftpAccounts(KinstaApi api, String environmentId) {
    return sftpAccounts.read(environmentId, () -> api.access().sftpAccounts(environmentId));
  }

  /**
   * The operator changed this part of a site: its environments' values are read again at the next
   * look. With no environment known (a site never read), the part is read again everywhere.
   */
  void changed(Part part, Collection<String> environmentIds) {
    Kept<?> known =
        switch (part) {
          case DENIED_IPS -> deniedIps;
          case SSH -> ssh;
          case REDIRECTS -> redirects;
          case SFTP_ACCOUNTS -> sftpAccounts;
        };
    known.forget(environmentIds);
  }

  /** The operator changed a site in an unknown way: every part is read again. */
  void changed(Collection<String> environmentIds) {
    for (Part part : Part.values()) {
      changed(part, environmentIds);
    }
  }

  /** One part's values, by environment id, with when each was read. */
  private final class Kept<T> {
    private record Read<T>(T value, Instant readAt) {}

    private final Map<String, Read<T>> byEnvironment = new ConcurrentHashMap<>();

    T read(String environmentId, Supplier<T> read) {
      Read<T> last = byEnvironment.get(environmentId);
      Instant now = clock.instant();
      if (last != null && now.isBefore(last.readAt().plus(interval))) {
        return last.value();
      }
      T value = read.get();
      if (byEnvironment.size() > PRUNE_ABOVE) {
        Instant stale = now.minus(interval.multipliedBy(2));
        byEnvironment.values().removeIf(old -> old.readAt().isBefore(stale));
      }
      byEnvironment.put(environmentId, new Read<>(value, now));
      return value;
    }

    void forget(Collection<String> environmentIds) {
      if (environmentIds.isEmpty()) {
        byEnvironment.clear();
      } else {
        environmentIds.forEach(byEnvironment::remove);
      }
    }
  }
}
