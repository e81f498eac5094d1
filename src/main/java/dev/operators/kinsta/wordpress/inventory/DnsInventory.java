package dev.operators.kinsta.wordpress.inventory;

import dev.operators.kinsta.wordpress.client.KinstaApi;
import dev.operators.kinsta.wordpress.client.dto.DnsRecord;
import dev.operators.kinsta.wordpress.client.dto.DnsZone;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Each company's Kinsta DNS zones ({@code GET /domains}) and each zone's records ({@code GET
 * /domains/{id}/dns-records}), listed at most once per interval and shared by every KinstaDnsRecord
 * of the zone: a resync of a hundred records in one zone costs one call. A zone the operator has
 * just written to is listed again at its next look, so a reconcile sees its own writes.
 */
public final class DnsInventory {
  private record Listing<T>(T value, Instant listedAt) {}

  private final Duration interval;
  private final Clock clock;
  private final Map<String, Listing<List<DnsZone>>> zones = new ConcurrentHashMap<>();
  private final Map<String, Listing<List<DnsRecord>>> records = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  public DnsInventory(Duration interval, Clock clock) {
    this.interval = interval;
    this.clock = clock;
  }

  /** The company's zone with this domain name or id, from a list at most one interval old. */
  public Optional<DnsZone> zone(KinstaApi api, String companyId, String nameOrId) {
    Optional<DnsZone> found = find(listedZones(api, companyId, interval), nameOrId);
    // A zone added in MyKinsta a moment ago is not in an older list: one fresh look before
    // "absent".
    return found.isPresent() ? found : find(listedZones(api, companyId, Duration.ZERO), nameOrId);
  }

  /** The company's zones, from a list at most one interval old. */
  public List<DnsZone> zones(KinstaApi api, String companyId) {
    return listedZones(api, companyId, interval);
  }

  /** The zone's records, from a list at most one interval old (or fresh after a write). */
  public List<DnsRecord> records(KinstaApi api, String companyId, String zoneId) {
    return listed(
        records, companyId + "/" + zoneId, interval, () -> api.dns().listDnsRecords(zoneId));
  }

  /**
   * The zone's records as a list taken now tells them: for decisions a stale list could mislead.
   */
  public List<DnsRecord> freshRecords(KinstaApi api, String companyId, String zoneId) {
    return listed(
        records, companyId + "/" + zoneId, Duration.ZERO, () -> api.dns().listDnsRecords(zoneId));
  }

  /** The operator changed the zone: its next look lists it again. */
  public void changed(String companyId, String zoneId) {
    records.remove(companyId + "/" + zoneId);
  }

  private List<DnsZone> listedZones(KinstaApi api, String companyId, Duration maxAge) {
    return listed(zones, companyId, maxAge, api.dns()::listDnsZones);
  }

  private static Optional<DnsZone> find(List<DnsZone> zones, String nameOrId) {
    return zones.stream()
        .filter(zone -> nameOrId.equals(zone.id()) || nameOrId.equalsIgnoreCase(zone.name()))
        .findFirst();
  }

  private <T> T listed(
      Map<String, Listing<T>> cache, String key, Duration maxAge, Supplier<T> list) {
    Listing<T> known = young(cache.get(key), maxAge);
    if (known != null) {
      return known.value();
    }
    synchronized (locks.computeIfAbsent(key, k -> new Object())) {
      known = young(cache.get(key), maxAge);
      if (known != null) {
        return known.value();
      }
      Instant startedAt = clock.instant();
      Listing<T> fresh = new Listing<>(list.get(), startedAt);
      cache.put(key, fresh);
      return fresh.value();
    }
  }

  /** The listing if it is younger than {@code maxAge} (never, for a zero age). */
  private @Nullable <T> Listing<T> young(@Nullable Listing<T> listing, Duration maxAge) {
    if (listing == null) {
      return null;
    }
    return clock.instant().isBefore(listing.listedAt().plus(maxAge)) ? listing : null;
  }
}
