package dev.operators.kinsta.company;

import dev.operators.kinsta.api.v1alpha1.KinstaCompanyStatus;
import dev.operators.kinsta.api.v1alpha1.KinstaCompanyStatus.ApiKeyStatus;
import dev.operators.kinsta.api.v1alpha1.KinstaCompanyStatus.Inventory;
import dev.operators.kinsta.api.v1alpha1.KinstaCompanyStatus.UnmanagedObject;
import dev.operators.kinsta.api.v1alpha1.KinstaCompanyStatus.UserStatus;
import dev.operators.kinsta.wordpress.client.dto.CompanyApiKey;
import dev.operators.kinsta.wordpress.client.dto.CompanyUser;
import dev.operators.kinsta.wordpress.client.dto.DnsRecord;
import dev.operators.kinsta.wordpress.client.dto.DnsZone;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/** Turns what Kinsta lists into the bounded parts of a KinstaCompany's status. */
final class CompanyReport {
  static final int MAX_USERS = 100;
  static final int MAX_KEYS = 50;
  static final int MAX_UNMANAGED = 100;

  private CompanyReport() {}

  static List<UserStatus> users(List<CompanyUser> users, boolean withEmails) {
    return users.stream()
        .sorted(Comparator.comparing(CompanyReport::userName))
        .limit(MAX_USERS)
        .map(
            user -> {
              UserStatus status = new UserStatus();
              status.id = user.id();
              status.fullName = user.fullName();
              status.email = withEmails ? user.email() : null;
              status.image = user.image();
              return status;
            })
        .toList();
  }

  /** A zone with its record sets, each marked when a KinstaDnsRecord manages it. */
  static KinstaCompanyStatus.DnsZoneStatus zone(
      DnsZone zone, List<DnsRecord> records, Predicate<CompanyExport.DnsRecordKey> managed) {
    KinstaCompanyStatus.DnsZoneStatus status = new KinstaCompanyStatus.DnsZoneStatus();
    status.id = zone.id();
    status.name = zone.name();
    status.siteId = zone.siteId();
    status.active = zone.isActive();
    status.records =
        records.stream()
            .sorted(Comparator.comparing(DnsRecord::name).thenComparing(DnsRecord::type))
            .limit(KinstaCompanyStatus.DnsZoneStatus.MAX_RECORDS)
            .map(
                record -> {
                  KinstaCompanyStatus.DnsRecordStatus entry =
                      new KinstaCompanyStatus.DnsRecordStatus();
                  entry.type = record.type();
                  entry.name = record.name();
                  entry.ttl = record.ttl();
                  entry.values = record.values();
                  String fqdn = record.name().toLowerCase(Locale.ROOT);
                  entry.managed =
                      managed.test(
                              new CompanyExport.DnsRecordKey(
                                  zone, record.type().toUpperCase(Locale.ROOT), fqdn))
                          ? Boolean.TRUE
                          : null;
                  return entry;
                })
            .toList();
    return status;
  }

  static List<ApiKeyStatus> apiKeys(List<CompanyApiKey> keys) {
    return keys.stream()
        .sorted(Comparator.comparing(key -> key.name() == null ? "" : key.name()))
        .limit(MAX_KEYS)
        .map(
            key -> {
              ApiKeyStatus status = new ApiKeyStatus();
              status.id = key.id();
              status.name = key.name();
              status.status = key.status();
              status.expiresAt = expiry(key).map(Instant::toString).orElse(null);
              return status;
            })
        .toList();
  }

  /** The active keys that expire within {@code warning} of {@code now}, soonest first. */
  static List<CompanyApiKey> expiringSoon(List<CompanyApiKey> keys, Instant now, Duration warning) {
    return keys.stream()
        .filter(key -> "active".equals(key.status()))
        .filter(key -> expiry(key).map(at -> at.isBefore(now.plus(warning))).orElse(false))
        .sorted(Comparator.comparing(key -> expiry(key).orElseThrow()))
        .toList();
  }

  static Optional<Instant> expiry(CompanyApiKey key) {
    if (key.expiresAt() == null || key.expiresAt().isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(key.expiresAt().strip()));
    } catch (DateTimeParseException notIso) {
      return Optional.empty();
    }
  }

  /**
   * How many objects the company has, how many of them resources manage, and the others by id and
   * name.
   */
  static <T> Inventory inventory(
      Collection<T> inKinsta,
      Function<T, String> id,
      Function<T, String> name,
      Set<String> managedIds) {
    Inventory inventory = new Inventory();
    inventory.inKinsta = inKinsta.size();
    List<T> unmanaged =
        inKinsta.stream()
            .filter(object -> !managedIds.contains(id.apply(object)))
            .sorted(Comparator.comparing(object -> String.valueOf(name.apply(object))))
            .toList();
    inventory.managed = inKinsta.size() - unmanaged.size();
    inventory.unmanagedCount = unmanaged.size();
    inventory.unmanaged =
        unmanaged.stream()
            .limit(MAX_UNMANAGED)
            .map(object -> new UnmanagedObject(id.apply(object), name.apply(object)))
            .toList();
    return inventory;
  }

  static String summary(KinstaCompanyStatus status) {
    return "Company "
        + status.companyId
        + ": "
        + count(status.sites, "sites")
        + ", "
        + count(status.applications, "applications")
        + ", "
        + count(status.databases, "databases")
        + ", "
        + count(status.staticSites, "static sites")
        + (status.unavailable == null || status.unavailable.isEmpty()
            ? ""
            : "; not readable with these credentials: " + String.join(", ", status.unavailable));
  }

  private static String count(@Nullable Inventory inventory, String what) {
    return inventory == null
        ? what + " unknown"
        : inventory.inKinsta + " " + what + " (" + inventory.managed + " managed)";
  }

  private static String userName(CompanyUser user) {
    return user.fullName() == null ? "" : user.fullName();
  }
}
