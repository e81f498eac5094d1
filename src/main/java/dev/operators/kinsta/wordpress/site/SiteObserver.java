package dev.operators.kinsta.wordpress.site;

import dev.operators.kinsta.api.v1alpha1.KinstaSiteStatus;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteStatus.DomainDnsRecord;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteStatus.EnvironmentStatus;
import dev.operators.kinsta.wordpress.client.dto.Domain;
import dev.operators.kinsta.wordpress.client.dto.Environment;
import dev.operators.kinsta.wordpress.inventory.EnvironmentReport;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Copies what Kinsta reports about a site's environments into the status, live first. */
final class SiteObserver {
  private SiteObserver() {}

  static void record(
      KinstaSiteStatus status,
      List<Environment> environments,
      Function<String, @Nullable EnvironmentReport> reports) {
    // What is read once (a domain's DNS records, how to connect over SSH) is kept from the last
    // status of the same environment.
    Map<String, EnvironmentStatus> previous = new HashMap<>();
    status.environments.stream()
        .filter(env -> env.id != null)
        .forEach(env -> previous.put(env.id, env));
    status.environments =
        environments.stream()
            .sorted(
                Comparator.comparing((Environment e) -> !"live".equals(e.name()))
                    .thenComparing(Environment::name))
            .map(env -> describe(env, previous.get(env.id()), reports.apply(env.id())))
            .toList();
  }

  private static EnvironmentStatus describe(
      Environment env, @Nullable EnvironmentStatus previous, @Nullable EnvironmentReport report) {
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
    if (previous != null) {
      List<DomainDnsRecord> kept =
          previous.domainRecords == null
              ? List.of()
              : previous.domainRecords.stream()
                  .filter(record -> out.domains.contains(record.domain))
                  .toList();
      out.domainRecords = kept.isEmpty() ? null : kept;
      out.ssh = previous.ssh;
      out.contents = previous.contents;
    }
    if (report != null) {
      out.contents = EnvironmentContents.of(report);
    }
    return out;
  }
}
