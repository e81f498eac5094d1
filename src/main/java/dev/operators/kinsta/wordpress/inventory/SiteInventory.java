package dev.operators.kinsta.wordpress.inventory;

import dev.operators.kinsta.transport.KinstaApiException;
import dev.operators.kinsta.wordpress.client.KinstaApi;
import dev.operators.kinsta.wordpress.client.dto.Environment;
import dev.operators.kinsta.wordpress.client.dto.Site;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What each company has in Kinsta, as one list call tells it: its sites with their environments
 * ({@code GET /sites?include_environments=true}), kept for an interval and shared by every resource
 * of the company. Observing a company then costs one call per interval, however many resources it
 * has. A site the operator has just changed is read on its own until the next list, so a reconcile
 * always sees the effect of its own writes; a site the list does not hold yet (just created) is
 * read on its own too. Each new list is compared with the last, and the sites whose slice changed
 * (drift made in MyKinsta) are announced, so that exactly their resources reconcile.
 */
public final class SiteInventory {
  /** A site and its environments as last read. */
  public record SiteView(Site site, List<Environment> environments, Instant readAt) {}

  private final Duration interval;
  private final Clock clock;
  private final Map<String, Company> companies = new ConcurrentHashMap<>();
  private final List<Consumer<Set<String>>> listeners = new CopyOnWriteArrayList<>();
  private final Map<String, EnvironmentReport> reports = new ConcurrentHashMap<>();

  public SiteInventory(Duration interval, Clock clock) {
    this.interval = interval;
    this.clock = clock;
  }

  /** Told, after each list, which of a company's sites changed since the one before. */
  public void onChange(Consumer<Set<String>> listener) {
    listeners.add(listener);
  }

  /**
   * The site and its environments, from the company's list when it is younger than the interval,
   * else after listing the company again; a site changed by the operator since the list, or not in
   * it, is read on its own. Throws {@link KinstaApiException.NotFound} when the site is gone.
   */
  public SiteView site(KinstaApi api, String companyId, String siteId) {
    Company company = company(companyId, api);
    company.listIfOlderThan(api, interval);
    SiteView view = company.view(siteId);
    if (view != null) {
      return view;
    }
    List<Environment> environments = api.environments().listEnvironments(siteId);
    Site listed = company.sites.get(siteId);
    if (listed == null) {
      listed = company.unlisted.get(siteId);
    }
    Site site = listed != null ? listed : api.sites().getSite(siteId);
    SiteView fresh = new SiteView(site, environments, clock.instant());
    company.own.put(siteId, fresh);
    return fresh;
  }

  /**
   * The company's sites as a list taken now tells them (a name check must not miss a site made a
   * moment ago), with the sites read on their own since; the list serves the company's other
   * resources too.
   */
  public List<Site> freshSites(KinstaApi api, String companyId) {
    return listed(api, companyId, Duration.ZERO);
  }

  /**
   * The company's sites as its list, at most one interval old, tells them, with the sites read on
   * their own since: for reports, where a list an interval old is good enough.
   */
  public List<Site> sites(KinstaApi api, String companyId) {
    return listed(api, companyId, interval);
  }

  private List<Site> listed(KinstaApi api, String companyId, Duration maxAge) {
    Company company = company(companyId, api);
    company.listIfOlderThan(api, maxAge);
    Map<String, Site> all = new HashMap<>(company.sites);
    company.own.forEach((id, view) -> all.put(id, view.site()));
    return List.copyOf(all.values());
  }

  /**
   * Keeps what the usage reports read of a site's environment; when it differs from the last
   * report, the site is announced as changed, so that its resource shows it.
   */
  public void reported(String siteId, String environmentId, EnvironmentReport report) {
    EnvironmentReport before = reports.put(environmentId, report);
    if (before == null || !before.sameAs(report)) {
      listeners.forEach(listener -> listener.accept(Set.of(siteId)));
    }
  }

  /** What the usage reports last read of the environment, if they have. */
  public @Nullable EnvironmentReport report(String environmentId) {
    return reports.get(environmentId);
  }

  /**
   * The operator changed the site: the next look reads it and its environments again, on its own,
   * until a company list started after the change shows it.
   */
  public void changed(String companyId, String siteId) {
    Company company = companies.get(companyId);
    if (company == null) {
      return;
    }
    SiteView own = company.own.remove(siteId);
    if (own != null) {
      // A site the list does not hold yet keeps its own record; its environments are read again.
      company.unlisted.put(siteId, own.site());
    }
    company.dirty.put(siteId, clock.instant());
  }

  /**
   * How often {@link #refreshDue} should run: a twentieth of the interval (at least a second), so
   * that each company is listed once per interval, give or take a twentieth.
   */
  public Duration tick() {
    Duration twentieth = interval.dividedBy(20);
    return twentieth.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : twentieth;
  }

  /**
   * Lists every company whose list is older than the interval, with the client its last reconcile
   * used; a list the budget cannot serve now is left for the next round.
   */
  public void refreshDue() {
    Instant forgottenBefore = clock.instant().minus(interval.multipliedBy(3));
    companies.values().removeIf(company -> company.usedAt.isBefore(forgottenBefore));
    for (Company company : companies.values()) {
      KinstaApi api = company.api;
      try {
        // Due a tick early, so that a list is never more than one interval old.
        company.listIfOlderThan(api, interval.minus(tick()));
      } catch (KinstaApiException notNow) {
        // Kinsta unavailable, a key revoked, the budget spent: the resources' own reconciles
        // report it; the next round lists again.
      }
    }
  }

  private Company company(String companyId, KinstaApi api) {
    Company company = companies.computeIfAbsent(companyId, id -> new Company(api));
    company.api = api;
    company.usedAt = clock.instant();
    return company;
  }

  private final class Company {
    private volatile KinstaApi api;

    /** When a reconcile last asked; a company nobody asks about for three intervals is dropped. */
    private volatile Instant usedAt = clock.instant();

    private volatile Map<String, Site> sites = new ConcurrentHashMap<>();
    private volatile @Nullable Instant listedAt;

    /** Sites read on their own since the list (just created, or changed by the operator). */
    private final Map<String, SiteView> own = new ConcurrentHashMap<>();

    /**
     * Sites the list does not hold yet (just created) as last read on their own: their record
     * (name, display name) is kept across the operator's changes, which only need their
     * environments read again.
     */
    private final Map<String, Site> unlisted = new ConcurrentHashMap<>();

    /**
     * Sites the operator changed, and when: the list must not answer for them until one started
     * after the change.
     */
    private final Map<String, Instant> dirty = new ConcurrentHashMap<>();

    Company(KinstaApi api) {
      this.api = api;
    }

    @Nullable SiteView view(String siteId) {
      SiteView own = this.own.get(siteId);
      if (own != null) {
        return own;
      }
      Site listed = sites.get(siteId);
      Instant at = listedAt;
      if (listed == null || at == null || dirty.containsKey(siteId)) {
        return null;
      }
      return new SiteView(listed, listed.environmentsOrEmpty(), at);
    }

    void listIfOlderThan(KinstaApi api, Duration maxAge) {
      Instant at = listedAt;
      if (at != null && clock.instant().isBefore(at.plus(maxAge))) {
        return;
      }
      synchronized (this) {
        at = listedAt;
        if (at != null && clock.instant().isBefore(at.plus(maxAge))) {
          return;
        }
        Instant startedAt = clock.instant();
        Map<String, Site> fresh = new HashMap<>();
        for (Site site : api.sites().listSites(true)) {
          fresh.put(site.id(), site);
        }
        Map<String, Site> before = sites;
        sites = new ConcurrentHashMap<>(fresh);
        listedAt = startedAt;
        own.values().removeIf(view -> view.readAt().isBefore(startedAt));
        unlisted.keySet().removeIf(fresh::containsKey);
        // A change marked while this list was under way may be missing from it: its mark stays.
        dirty.values().removeIf(markedAt -> markedAt.isBefore(startedAt));
        if (at != null) {
          Set<String> differ =
              fresh.keySet().stream()
                  .filter(siteId -> !Objects.equals(fresh.get(siteId), before.get(siteId)))
                  .collect(Collectors.toSet());
          before.keySet().stream()
              .filter(siteId -> !fresh.containsKey(siteId))
              .forEach(differ::add);
          if (!differ.isEmpty()) {
            listeners.forEach(listener -> listener.accept(differ));
          }
        }
      }
    }
  }
}
