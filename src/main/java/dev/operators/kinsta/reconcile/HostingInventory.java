package dev.operators.kinsta.reconcile;

import dev.operators.kinsta.client.HostingApi;
import dev.operators.kinsta.client.dto.ApplicationSummary;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Each company's applications and static sites as their lists tell them, listed at most once per
 * interval and shared by the company's KinstaApplications, KinstaStaticSites and KinstaCompany: a
 * Ready object whose entry is unchanged needs no call of its own at a resync, so observing a
 * company costs two lists per interval however many objects it has.
 */
public final class HostingInventory {
  private final Duration interval;
  private final TimedReads lists;

  public HostingInventory(Duration interval, Clock clock) {
    this.interval = interval;
    this.lists = new TimedReads(clock);
  }

  /** The company's applications, as a list at most one interval old shows them. */
  public List<ApplicationSummary> applications(HostingApi api, String companyId) {
    return lists.get(companyId + "/applications", interval, () -> api.listApplications());
  }

  /** The company's static sites, as a list at most one interval old shows them. */
  public List<ApplicationSummary> staticSites(HostingApi api, String companyId) {
    return staticSites(api, companyId, interval);
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
    return listed.isPresent() ? listed : named(staticSites(api, companyId, Duration.ZERO), name);
  }

  /** The entry with this id in a list at most one interval old. */
  public static Optional<ApplicationSummary> withId(List<ApplicationSummary> list, String id) {
    return list.stream().filter(entry -> id.equals(entry.id())).findFirst();
  }

  private List<ApplicationSummary> staticSites(HostingApi api, String companyId, Duration maxAge) {
    return lists.get(companyId + "/static-sites", maxAge, () -> api.listStaticSites());
  }

  private static Optional<ApplicationSummary> named(List<ApplicationSummary> list, String name) {
    return list.stream().filter(entry -> name.equals(entry.name())).findFirst();
  }
}
