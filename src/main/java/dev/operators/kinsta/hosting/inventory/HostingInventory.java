package dev.operators.kinsta.hosting.inventory;

import dev.operators.kinsta.hosting.client.HostingApi;
import dev.operators.kinsta.hosting.client.dto.ApplicationSummary;
import dev.operators.kinsta.hosting.client.dto.Cluster;
import dev.operators.kinsta.hosting.client.dto.Pipeline;
import dev.operators.kinsta.hosting.client.dto.Project;
import dev.operators.kinsta.hosting.client.dto.ResourceType;
import dev.operators.kinsta.transport.TimedReads;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Each company's applications, static sites, pipelines and projects as their lists tell them,
 * listed at most once per interval and shared by the company's KinstaApplications,
 * KinstaStaticSites, KinstaPipelines and KinstaCompany: a Ready object whose entry is unchanged
 * needs no call of its own at a resync, so observing a company costs a few lists per interval
 * however many objects it has. Sevalla's reference data (clusters, database sizes) is read at most
 * hourly.
 */
public final class HostingInventory {
  private static final Duration REFERENCE_DATA = Duration.ofHours(1);

  private final Duration interval;
  private final TimedReads lists;

  public HostingInventory(Duration interval, Clock clock) {
    this.interval = interval;
    this.lists = new TimedReads(clock);
  }

  /** The company's applications, as a list at most one interval old shows them. */
  public List<ApplicationSummary> applications(HostingApi api, String companyId) {
    return applications(api, companyId, interval);
  }

  /** The company's applications, as a list at most {@code maxAge} old shows them. */
  public List<ApplicationSummary> applications(HostingApi api, String companyId, Duration maxAge) {
    return lists.get(
        companyId + "/applications", maxAge, () -> api.applications().listApplications());
  }

  /** The company's static sites, as a list at most {@code maxAge} old shows them. */
  public List<ApplicationSummary> staticSites(HostingApi api, String companyId, Duration maxAge) {
    return lists.get(
        companyId + "/static-sites", maxAge, () -> api.staticSites().listStaticSites());
  }

  /** The company's application with this unique name, as {@link #staticSiteNamed} finds one. */
  public Optional<ApplicationSummary> applicationNamed(
      HostingApi api, String companyId, String name) {
    Optional<ApplicationSummary> listed = named(applications(api, companyId), name);
    return listed.isPresent() ? listed : named(applications(api, companyId, Duration.ZERO), name);
  }

  /** The company's pipelines, as a list at most one interval old shows them. */
  public List<Pipeline> pipelines(HostingApi api, String companyId) {
    return lists.get(companyId + "/pipelines", interval, () -> api.pipelines().listPipelines());
  }

  /** The company's projects, from a list at most one interval old. */
  public List<Project> projects(HostingApi api, String companyId) {
    return lists.get(companyId + "/projects", interval, () -> api.references().listProjects());
  }

  /** The ids of the entries with this display name. */
  public static List<String> idsNamed(List<ApplicationSummary> list, String displayName) {
    return list.stream()
        .filter(entry -> displayName.equals(entry.displayName()))
        .map(ApplicationSummary::id)
        .toList();
  }

  /** The project with this id, name or display name. */
  public Optional<Project> project(HostingApi api, String companyId, String wanted) {
    return projects(api, companyId).stream()
        .filter(
            p ->
                wanted.equals(p.id())
                    || wanted.equalsIgnoreCase(p.name())
                    || wanted.equalsIgnoreCase(p.displayName()))
        .findFirst();
  }

  /**
   * The cluster a person names: by region code ({@code us-central1}), name or display name ({@code
   * Iowa, USA}), ignoring case.
   */
  public Optional<Cluster> cluster(HostingApi api, String companyId, String location) {
    List<Cluster> clusters =
        lists.get(companyId + "/clusters", REFERENCE_DATA, () -> api.references().listClusters());
    return clusters.stream()
        .filter(
            c ->
                location.equalsIgnoreCase(c.location())
                    || location.equalsIgnoreCase(c.name())
                    || location.equalsIgnoreCase(c.displayName()))
        .findFirst();
  }

  /** Every cluster's region code, for a message naming the choices. */
  public List<String> clusterLocations(HostingApi api, String companyId) {
    return lists
        .get(companyId + "/clusters", REFERENCE_DATA, () -> api.references().listClusters())
        .stream()
        .map(Cluster::location)
        .toList();
  }

  /** The database size with this resource type name ({@code db1}…). */
  public Optional<ResourceType> databaseSize(HostingApi api, String companyId, String name) {
    return databaseSizes(api, companyId).stream()
        .filter(type -> name.equals(type.name()))
        .findFirst();
  }

  /** Every database size Sevalla offers. */
  public List<ResourceType> databaseSizes(HostingApi api, String companyId) {
    return lists.get(
        companyId + "/database-resource-types",
        REFERENCE_DATA,
        () -> api.references().listDatabaseResourceTypes());
  }

  /** Every process size Sevalla offers ({@code hobby-1}, {@code standard-2}…). */
  public List<ResourceType> processSizes(HostingApi api, String companyId) {
    return lists.get(
        companyId + "/process-resource-types",
        REFERENCE_DATA,
        () -> api.references().listProcessResourceTypes());
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

  private static Optional<ApplicationSummary> named(List<ApplicationSummary> list, String name) {
    return list.stream().filter(entry -> name.equals(entry.name())).findFirst();
  }
}
