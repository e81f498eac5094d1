package dev.operators.kinsta.hosting;

import static java.util.Objects.requireNonNull;

import dev.operators.kinsta.api.v1alpha1.DomainStatus;
import dev.operators.kinsta.api.v1alpha1.ServiceDomain;
import dev.operators.kinsta.hosting.client.HostedService;
import dev.operators.kinsta.hosting.client.HostingApi;
import dev.operators.kinsta.hosting.client.dto.HostedDomain;
import dev.operators.kinsta.reconcile.Attempt;
import dev.operators.kinsta.reconcile.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A service's custom domains brought to exactly the wanted ones (Sevalla's own domain is always
 * kept), the primary one set, and every domain reported with the DNS records it still needs.
 */
public final class HostedDomains {
  private HostedDomains() {}

  /**
   * Applies the domains and answers their status; with {@code wanted} null, only the domains named
   * in {@code kept} (the ones the operator added) are removed.
   */
  public static List<DomainStatus> reconcile(
      Attempt<?, ?> attempt,
      HostedService service,
      String id,
      @Nullable List<ServiceDomain> wanted,
      @Nullable String primary,
      List<DomainStatus> kept) {
    HostingApi api = attempt.hosting();
    List<HostedDomain> listed = api.services().listDomains(service, id);
    List<HostedDomain> result = new ArrayList<>();
    for (HostedDomain domain : listed) {
      boolean removable =
          domain.custom()
              && (wanted == null
                  ? kept.stream().anyMatch(k -> domain.name().equalsIgnoreCase(k.name))
                  : wanted.stream().noneMatch(w -> domain.name().equalsIgnoreCase(w.name)));
      if (removable
          && attempt.correct("spec.domains", "without " + domain.name(), domain.name())
          && attempt.approved("Removing domain " + domain.name())) {
        api.services().deleteDomain(service, id, domain.id());
      } else {
        result.add(domain);
      }
    }
    if (wanted != null) {
      for (ServiceDomain want : wanted) {
        String name = requireNonNull(want.name, "spec.domains[].name");
        if (result.stream().noneMatch(d -> d.name().equalsIgnoreCase(name))
            && attempt.correct("spec.domains", name, "without " + name)) {
          result.add(
              api.services().addDomain(service, id, name, Boolean.TRUE.equals(want.wildcard)));
        }
      }
    }
    if (primary != null) {
      Optional<HostedDomain> target =
          result.stream().filter(d -> d.name().equalsIgnoreCase(primary)).findFirst();
      if (target.isPresent()
          && !target.get().isPrimary()
          && attempt.correct(
              "spec.primaryDomain",
              primary,
              result.stream()
                  .filter(HostedDomain::isPrimary)
                  .map(HostedDomain::name)
                  .findFirst()
                  .orElse(null))) {
        api.services().setPrimaryDomain(service, id, target.get().id());
        result =
            result.stream().map(d -> withPrimary(d, d.id().equals(target.get().id()))).toList();
      }
    }
    return result.stream().map(HostedDomains::status).toList();
  }

  /** True while a listed custom domain is not active yet: its state is worth looking at again. */
  public static boolean anyPending(@Nullable List<DomainStatus> domains) {
    return domains != null
        && domains.stream()
            .anyMatch(
                d ->
                    "CUSTOM".equalsIgnoreCase(d.type)
                        && !"ACTIVE".equalsIgnoreCase(String.valueOf(d.status)));
  }

  /**
   * Ready with {@code matched} (and {@code otherwise} after it when no domain waits); while a
   * domain waits for DNS, the message says for what and the object is looked at again each
   * inventory interval instead of at the resync.
   */
  public static Outcome ready(
      Attempt<?, ?> attempt,
      String matched,
      String otherwise,
      @Nullable List<DomainStatus> domains) {
    if (anyPending(domains)) {
      return Outcome.ready(
          matched + "; " + describePending(domains), attempt.settings().inventoryInterval());
    }
    return attempt.ready(matched + otherwise);
  }

  /** In words: which domains wait, and for what. */
  public static String describePending(@Nullable List<DomainStatus> domains) {
    List<String> waiting = new ArrayList<>();
    for (DomainStatus d : domains == null ? List.<DomainStatus>of() : domains) {
      if ("CUSTOM".equalsIgnoreCase(d.type)
          && !"ACTIVE".equalsIgnoreCase(String.valueOf(d.status))) {
        waiting.add(
            d.name
                + " is "
                + d.status
                + (d.dnsRecords == null
                    ? ""
                    : " (create "
                        + String.join(
                            ", ",
                            d.dnsRecords.stream()
                                .map(r -> r.type + " " + r.name + " → " + r.value)
                                .toList())
                        + ")"));
      }
    }
    return "domain " + String.join("; ", waiting) + "; see status.domains";
  }

  private static HostedDomain withPrimary(HostedDomain d, boolean primary) {
    return new HostedDomain(
        d.id(),
        d.name(),
        d.status(),
        d.type(),
        d.isEnabled(),
        d.isWildcard(),
        primary,
        d.dnsRecords(),
        d.errors());
  }

  private static DomainStatus status(HostedDomain domain) {
    DomainStatus status = new DomainStatus();
    status.name = domain.name();
    status.id = domain.id();
    status.type = domain.type() == null ? null : domain.type().toUpperCase(Locale.ROOT);
    status.status = domain.status() == null ? null : domain.status().toUpperCase(Locale.ROOT);
    status.primary = domain.isPrimary() ? Boolean.TRUE : null;
    List<HostedDomain.NeededRecord> records = domain.dnsRecords();
    if (records != null && !records.isEmpty()) {
      status.dnsRecords = new ArrayList<>();
      for (HostedDomain.NeededRecord record : records) {
        DomainStatus.DnsRecordNeeded needed = new DomainStatus.DnsRecordNeeded();
        needed.type = record.type();
        needed.name = record.name();
        needed.value = record.value();
        status.dnsRecords.add(needed);
      }
    }
    Object errors = domain.errors();
    String text = errors == null ? "" : String.valueOf(errors);
    if (!text.isEmpty() && !"[]".equals(text) && !"{}".equals(text)) {
      status.errors = text.length() > 300 ? text.substring(0, 300) : text;
    }
    return status;
  }
}
