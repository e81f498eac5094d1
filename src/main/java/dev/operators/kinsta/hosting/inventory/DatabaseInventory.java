package dev.operators.kinsta.hosting.inventory;

import dev.operators.kinsta.hosting.client.HostingApi;
import dev.operators.kinsta.hosting.client.dto.DatabaseSummary;
import dev.operators.kinsta.transport.TimedReads;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Each company's databases as its list tells them ({@code GET /databases}, paged), listed at most
 * once per interval and shared by the company's KinstaDatabases: a database Ready and unchanged in
 * the list needs no call of its own at a resync.
 */
public final class DatabaseInventory {
  private final Duration interval;
  private final TimedReads lists;

  public DatabaseInventory(Duration interval, Clock clock) {
    this.interval = interval;
    this.lists = new TimedReads(clock);
  }

  /** The database as the company's list, at most one interval old, shows it; empty when absent. */
  public Optional<DatabaseSummary> database(HostingApi api, String companyId, String databaseId) {
    return Optional.ofNullable(byId(api, companyId).get(databaseId));
  }

  /** Every database of the company, as its list, at most one interval old, shows them. */
  public Collection<DatabaseSummary> databases(HostingApi api, String companyId) {
    return byId(api, companyId).values();
  }

  private Map<String, DatabaseSummary> byId(HostingApi api, String companyId) {
    return lists.get(
        companyId,
        interval,
        () ->
            api.databases().listDatabases().stream()
                .collect(Collectors.toMap(DatabaseSummary::id, Function.identity(), (a, b) -> a)));
  }
}
