package dev.operators.kinsta.site;

import dev.operators.kinsta.api.v1alpha1.KinstaSiteStatus;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteStatus.DomainDnsRecord;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteStatus.EnvironmentStatus;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteStatus.SshStatus;
import dev.operators.kinsta.client.dto.Domain;
import dev.operators.kinsta.client.dto.Environment;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Copies what Kinsta reports about a site's environments into the status, live first. */
final class SiteObserver {
  private SiteObserver() {}

  static void record(KinstaSiteStatus status, List<Environment> environments) {
    // The domains' DNS records are read once per domain (DomainRecords): kept from the last status.
    Map<String, List<DomainDnsRecord>> known = new HashMap<>();
    Map<String, SshStatus> ssh = new HashMap<>();
    for (EnvironmentStatus previous : status.environments) {
      if (previous.id != null && previous.domainRecords != null) {
        known.put(previous.id, previous.domainRecords);
      }
      if (previous.id != null && previous.ssh != null) {
        ssh.put(previous.id, previous.ssh);
      }
    }
    status.environments =
        environments.stream()
            .sorted(
                Comparator.comparing((Environment e) -> !"live".equals(e.name()))
                    .thenComparing(Environment::name))
            .map(env -> describe(env, known.getOrDefault(env.id(), List.of())))
            .toList();
    status.environments.forEach(out -> out.ssh = ssh.get(out.id));
  }

  private static EnvironmentStatus describe(Environment env, List<DomainDnsRecord> known) {
    EnvironmentStatus out = new EnvironmentStatus();
    out.name = env.name();
    out.id = env.id();
    out.displayName = env.displayName();
    out.premium = env.isPremium();
    out.primaryDomain = env.primaryDomain() == null ? null : env.primaryDomain().name();
    out.domains = env.domainsOrEmpty().stream().map(Domain::name).sorted().toList();
    out.phpVersion = env.phpVersion();
    out.wordpressVersion = env.wordpressVersion();
    out.edgeCaching = env.edgeCachingEnabled();
    out.imageOptimization = env.imageOptimizationType();
    out.webRoot = env.webRoot();
    List<DomainDnsRecord> kept =
        known.stream().filter(record -> out.domains.contains(record.domain)).toList();
    out.domainRecords = kept.isEmpty() ? null : kept;
    return out;
  }
}
