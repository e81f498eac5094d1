package dev.operators.kinsta.reconcile;

import dev.operators.kinsta.client.HostingApi;
import dev.operators.kinsta.client.dto.ApplicationSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Each company's applications and static sites as their lists tell them, listed at most once per
 * interval and shared by the company's KinstaApplications, KinstaStaticSites and KinstaCompany: a
 * Ready object whose entry is unchanged needs no call of its own at a resync, so observing a
 * company costs two lists per interval however many objects it has.
 */
public final class HostingInventory {
  private record Listing(List<ApplicationSummary> entries, Instant listedAt) {}

  private final Duration interval;
  private final Clock clock;
  private final Map<String, Listing> listings = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  public HostingInventory(Duration interval, Clock clock) {
    this.interval = interval;
    this.clock = clock;
  }

  /** The company's applications, as a list at most one interval old shows them. */
  public List<ApplicationSummary> applications(HostingApi api, String companyId) {
    return listing(companyId + "/applications", interval, api, HostingApi::listApplications);
  }

  /** The company's static sites, as a list at most one interval old shows them. */
  public List<ApplicationSummary> staticSites(HostingApi api, String companyId) {
    return listing(companyId + "/static-sites", interval, api, HostingApi::listStaticSites);
  }

  /**
   * The company's static site with this unique name: from the list at most one interval old, so
   * that a reconcile refused a permit after it looked does not list again when it comes back; a
   * name the list lacks is looked for in a list taken now (a static site made in MyKinsta a moment
   * ago).
   */
  public Optional<ApplicationSummary> staticSiteNamed(
      HostingApi api, String companyId, String name) {
    Optional<ApplicationSummary> listed = named(staticSites(api, companyId), name);
    if (listed.isPresent()) {
      return listed;
    }
    return named(
        listing(companyId + "/static-sites", Duration.ZERO, api, HostingApi::listStaticSites),
        name);
  }

  /** The entry with this id in a list at most one interval old. */
  public static Optional<ApplicationSummary> withId(List<ApplicationSummary> list, String id) {
    return list.stream().filter(entry -> id.equals(entry.id())).findFirst();
  }

  private static Optional<ApplicationSummary> named(List<ApplicationSummary> list, String name) {
    return list.stream().filter(entry -> name.equals(entry.name())).findFirst();
  }

  private List<ApplicationSummary> listing(
      String key,
      Duration maxAge,
      HostingApi api,
      Function<HostingApi, List<ApplicationSummary>> list) {
    Listing known = listings.get(key);
    if (known != null && clock.instant().isBefore(known.listedAt().plus(maxAge))) {
      return known.entries();
    }
    synchronized (locks.computeIfAbsent(key, k -> new Object())) {
      known = listings.get(key);
      if (known != null && clock.instant().isBefore(known.listedAt().plus(maxAge))) {
        return known.entries();
      }
      Instant startedAt = clock.instant();
      List<ApplicationSummary> entries = List.copyOf(list.apply(api));
      listings.put(key, new Listing(entries, startedAt));
      return entries;
    }
  }
}
