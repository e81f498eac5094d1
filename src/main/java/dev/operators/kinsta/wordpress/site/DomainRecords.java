package dev.operators.kinsta.wordpress.site;

import dev.operators.kinsta.api.v1alpha1.KinstaSiteStatus.DomainDnsRecord;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteStatus.EnvironmentStatus;
import dev.operators.kinsta.transport.KinstaApiException;
import dev.operators.kinsta.wordpress.client.KinstaApi;
import dev.operators.kinsta.wordpress.client.dto.Domain;
import dev.operators.kinsta.wordpress.client.dto.DomainDnsRecords;
import dev.operators.kinsta.wordpress.client.dto.Environment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The DNS records each of an environment's own domains needs, in its status: read from Kinsta once
 * per domain (what a domain needs does not change while it exists), so a resync costs no call.
 */
final class DomainRecords {
  static final String VERIFICATION = "verification";
  static final String POINTING = "pointing";

  private DomainRecords() {}

  /** Reads the records of the domains {@code out} has none for yet. */
  static void fill(KinstaApi api, Environment env, EnvironmentStatus out) {
    List<DomainDnsRecord> records =
        out.domainRecords == null ? new ArrayList<>() : new ArrayList<>(out.domainRecords);
    Set<String> known = records.stream().map(r -> r.domain).collect(Collectors.toSet());
    List<Domain> own =
        env.domainsOrEmpty().stream()
            .filter(domain -> !domain.name().endsWith(EnvironmentPlanner.KINSTA_DOMAIN_SUFFIX))
            .sorted(Comparator.comparing(Domain::name))
            .limit(EnvironmentStatus.MAX_RECORDED_DOMAINS)
            .toList();
    for (Domain domain : own) {
      if (known.contains(domain.name())) {
        continue;
      }
      DomainDnsRecords needed;
      try {
        needed = api.environments().domainDnsRecords(domain.id());
      } catch (KinstaApiException.NotFound removedMeanwhile) {
        continue;
      }
      add(records, domain.name(), VERIFICATION, needed.verificationOrEmpty());
      add(records, domain.name(), POINTING, needed.pointingOrEmpty());
    }
    out.domainRecords = records.isEmpty() ? null : records;
  }

  private static void add(
      List<DomainDnsRecord> records,
      String domain,
      String purpose,
      List<DomainDnsRecords.Entry> entries) {
    entries.forEach(
        e -> records.add(new DomainDnsRecord(domain, purpose, e.type(), e.name(), e.value())));
  }
}
