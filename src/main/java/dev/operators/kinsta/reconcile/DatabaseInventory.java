package dev.operators.kinsta.reconcile;

import dev.operators.kinsta.client.HostingApi;
import dev.operators.kinsta.client.dto.DatabaseSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Each company's databases as its list tells them ({@code GET /databases}, paged), listed at most
 * once per interval and shared by the company's KinstaDatabases: a database Ready and unchanged in
 * the list needs no call of its own at a resync.
 */
public final class DatabaseInventory {
  private record Listing(Map<String, DatabaseSummary> byId, Instant listedAt) {}

  private final Duration interval;
  private final Clock clock;
  private final Map<String, Listing> companies = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  public DatabaseInventory(Duration interval, Clock clock) {
    this.interval = interval;
    this.clock = clock;
  }

  /** The database as the company's list, at most one interval old, shows it; empty when absent. */
  public Optional<DatabaseSummary> database(HostingApi api, String companyId, String databaseId) {
    return Optional.ofNullable(listing(api, companyId).byId().get(databaseId));
  }

  /** Every database of the company, as its list, at most one interval old, shows them. */
  public Collection<DatabaseSummary> databases(HostingApi api, String companyId) {
    return listing(api, companyId).byId().values();
  }

  private Listing listing(HostingApi api, String companyId) {
    Listing listing = fresh(companyId);
    if (listing == null) {
      synchronized (locks.computeIfAbsent(companyId, id -> new Object())) {
        listing = fresh(companyId);
        if (listing == null) {
          Instant startedAt = clock.instant();
          listing =
              new Listing(
                  api.listDatabases().stream()
                      .collect(
                          Collectors.toMap(DatabaseSummary::id, Function.identity(), (a, b) -> a)),
                  startedAt);
          companies.put(companyId, listing);
        }
      }
    }
    return listing;
  }

  private @Nullable Listing fresh(String companyId) {
    Listing listing = companies.get(companyId);
    return listing != null && clock.instant().isBefore(listing.listedAt().plus(interval))
        ? listing
        : null;
  }
}
