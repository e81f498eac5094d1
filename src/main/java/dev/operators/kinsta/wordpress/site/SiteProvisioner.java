package dev.operators.kinsta.wordpress.site;

import static java.util.Objects.requireNonNull;

import dev.operators.kinsta.api.v1alpha1.CreationIntent;
import dev.operators.kinsta.api.v1alpha1.KinstaSite;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteStatus;
import dev.operators.kinsta.api.v1alpha1.SecretKeyReference;
import dev.operators.kinsta.api.v1alpha1.WordPressSource;
import dev.operators.kinsta.reconcile.Attempt;
import dev.operators.kinsta.reconcile.CreationClaims;
import dev.operators.kinsta.reconcile.LostCreation;
import dev.operators.kinsta.reconcile.Outcome;
import dev.operators.kinsta.reconcile.Reasons;
import dev.operators.kinsta.reconcile.SecretLookup;
import dev.operators.kinsta.transport.KinstaApiException;
import dev.operators.kinsta.transport.budget.RateBudgets;
import dev.operators.kinsta.wordpress.client.KinstaApi;
import dev.operators.kinsta.wordpress.client.dto.CloneSiteRequest;
import dev.operators.kinsta.wordpress.client.dto.CreatePlainSiteRequest;
import dev.operators.kinsta.wordpress.client.dto.CreateSiteRequest;
import dev.operators.kinsta.wordpress.client.dto.OperationRef;
import dev.operators.kinsta.wordpress.client.dto.Site;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Gives a KinstaSite its Kinsta site: adopts the one named by {@code spec.siteId} (or, when the
 * spec says so, the one with its display name), finds the one its own interrupted creation made, or
 * creates one. A site that merely shares the display name is never taken over.
 */
final class SiteProvisioner {
  private SiteProvisioner() {}

  /**
   * Sets {@code status.siteId} and returns empty, or returns the outcome to report (a creation
   * started, a stall).
   */
  @SuppressWarnings("try") // the hold is used by the creation call inside, not by name
  static Optional<Outcome> establish(Attempt<KinstaSite, KinstaSiteStatus> attempt) {
    KinstaSite resource = attempt.resource();
    KinstaSiteSpec spec = resource.getSpec();
    KinstaSiteStatus status = attempt.status();
    KinstaApi api = attempt.kinsta();
    if (spec.siteId != null) {
      try {
        // From the company's list: adopting a thousand sites costs one call, not a thousand.
        manage(status, attempt.sites().site(api, attempt.companyId(), spec.siteId).site());
        status.adopted = true;
        return Optional.empty();
      } catch (KinstaApiException.NotFound missing) {
        return Optional.of(
            Outcome.stalled(
                SiteReasons.SITE_NOT_FOUND,
                "Kinsta has no site "
                    + spec.siteId
                    + " in company "
                    + attempt.companyId()
                    + " (spec.siteId)"));
      }
    }
    String displayName = spec.displayNameOr(resource.getMetadata().getName());
    // A creation whose answer was lost is looked for in the company's inventory list, and in a
    // fresh one when its window ends; a site made in MyKinsta a moment ago must stop a creation
    // under its name, so the name check before creating takes a fresh list.
    if (status.creation != null) {
      CreationIntent intent = status.creation;
      String name = LostCreation.displayNameOf(intent);
      Optional<Outcome> unresolved =
          resolveCreation(
              attempt,
              intent,
              LostCreation.lastLook(attempt, intent)
                  ? sitesNamed(attempt, name)
                  : listedSitesNamed(attempt, name));
      if (unresolved.isPresent() || status.siteId != null) {
        return unresolved;
      }
    }
    // The creation permit first: while the company is at Kinsta's creation limit, a waiting
    // creation costs no list.
    try (RateBudgets.CreationHold permit = api.holdCreation()) {
      List<Site> sameName = sitesNamed(attempt, displayName);
      if (sameName.isEmpty()) {
        return Optional.of(create(attempt, displayName));
      }
      return adopt(attempt, displayName, sameName);
    }
  }

  private static Optional<Outcome> adopt(
      Attempt<KinstaSite, KinstaSiteStatus> attempt, String displayName, List<Site> sameName) {
    KinstaSite resource = attempt.resource();
    KinstaSiteSpec spec = resource.getSpec();
    KinstaSiteStatus status = attempt.status();
    if (!Boolean.TRUE.equals(spec.adoptByDisplayName)) {
      return Optional.of(
          Outcome.stalled(
              Reasons.NAME_IN_USE,
              "Kinsta already has a site named \""
                  + displayName
                  + "\" ("
                  + ids(sameName)
                  + "), which this resource did not create; set spec.displayName to another name,"
                  + " or spec.adoptByDisplayName (or spec.siteId) to manage that site"));
    }
    if (sameName.size() > 1) {
      return Optional.of(
          Outcome.stalled(
              Reasons.AMBIGUOUS_ADOPTION,
              sameName.size()
                  + " sites are named \""
                  + displayName
                  + "\" in Kinsta ("
                  + ids(sameName)
                  + "); set spec.siteId to the one to manage"));
    }
    Site site = sameName.get(0);
    manage(status, site);
    status.adopted = true;
    attempt
        .events()
        .normal(
            resource,
            Reasons.ADOPTED,
            "Adopted site " + site.id() + " by its display name \"" + displayName + "\"");
    return Optional.empty();
  }

  /**
   * A creation was sent but its answer not seen (a crash, a timeout, an operation that finished
   * without the site's id): the site it made, if any, carries the intent's display name. Empty when
   * it was found ({@code status.siteId} set) or is known not to have been made (the intent
   * cleared).
   */
  private static Optional<Outcome> resolveCreation(
      Attempt<KinstaSite, KinstaSiteStatus> attempt, CreationIntent intent, List<Site> sameName) {
    KinstaSiteStatus status = attempt.status();
    LostCreation.Resolution resolution =
        LostCreation.resolve(
            attempt, intent, "site", sameName.stream().map(Site::id).toList(), claims(attempt));
    if (resolution instanceof LostCreation.Resolution.Created created) {
      manage(
          status,
          sameName.stream().filter(s -> s.id().equals(created.id())).findFirst().orElseThrow());
      status.creation = null;
      return Optional.empty();
    }
    if (resolution instanceof LostCreation.Resolution.Unresolved unresolved) {
      return Optional.of(unresolved.outcome());
    }
    // Not created: the creation starts over, with the name check of any new creation.
    status.creation = null;
    return Optional.empty();
  }

  /** The company's sites with this display name, from a list taken now. */
  static List<Site> sitesNamed(Attempt<KinstaSite, KinstaSiteStatus> attempt, String displayName) {
    return attempt.sites().freshSites(attempt.kinsta(), attempt.companyId()).stream()
        .filter(s -> displayName.equals(s.displayName()))
        .toList();
  }

  /**
   * The company's sites with this display name, from its inventory list (at most one interval old):
   * what a lost creation is looked for in, at no cost of its own.
   */
  static List<Site> listedSitesNamed(
      Attempt<KinstaSite, KinstaSiteStatus> attempt, String displayName) {
    return attempt.sites().sites(attempt.kinsta(), attempt.companyId()).stream()
        .filter(s -> displayName.equals(s.displayName()))
        .toList();
  }

  /** What the other KinstaSites record (a site id in status or spec) and intend to create. */
  static CreationClaims<KinstaSite> claims(Attempt<KinstaSite, KinstaSiteStatus> attempt) {
    return CreationClaims.of(
        attempt,
        KinstaSite.class,
        SiteReconciler::recordedId,
        site -> site.getStatus() == null ? null : site.getStatus().creation);
  }

  private static void manage(KinstaSiteStatus status, Site site) {
    status.siteId = site.id();
    status.siteName = site.name();
  }

  private static String ids(List<Site> sites) {
    return String.join(", ", sites.stream().map(Site::id).toList());
  }

  private static Outcome create(Attempt<KinstaSite, KinstaSiteStatus> attempt, String displayName) {
    if (attempt.observing()) {
      return attempt.nothingToObserve("the site \"" + displayName + "\"");
    }
    try {
      return send(attempt, displayName);
    } catch (KinstaApiException.RateLimited
        | KinstaApiException.Unauthorized
        | KinstaApiException.Forbidden
        | KinstaApiException.InvalidRequest refused) {
      // Kinsta refused the call outright: nothing was created, so nothing is left to look for.
      attempt.status().creation = null;
      throw refused;
    }
  }

  private static Outcome send(Attempt<KinstaSite, KinstaSiteStatus> attempt, String displayName) {
    KinstaSiteSpec spec = attempt.resource().getSpec();
    KinstaApi api = attempt.kinsta();
    String company = attempt.companyId();
    KinstaSiteStatus status = attempt.status();
    OperationRef ref;
    if (spec.wordpress != null) {
      WordPressSource wp = spec.wordpress;
      SecretKeyReference passwordRef =
          requireNonNull(wp.adminPasswordSecretRef, "spec.wordpress.adminPasswordSecretRef");
      Optional<String> password = adminPassword(attempt, passwordRef);
      if (password.isEmpty()) {
        return Outcome.stalled(
            Reasons.SECRET_NOT_FOUND,
            "The admin password Secret "
                + passwordRef.name
                + " (key "
                + passwordRef.key
                + ") does not exist or is "
                + "empty (spec.wordpress.adminPasswordSecretRef)");
      }
      WordPressSource.Multisite network = wp.multisite;
      boolean multisite = network != null && Boolean.TRUE.equals(network.enabled);
      recordIntent(attempt, displayName);
      ref =
          api.sites()
              .createSite(
                  new CreateSiteRequest(
                      company,
                      displayName,
                      region(spec),
                      "new",
                      requireNonNull(wp.adminEmail, "spec.wordpress.adminEmail"),
                      password.get(),
                      requireNonNull(wp.adminUser, "spec.wordpress.adminUser"),
                      requireNonNull(wp.siteTitle, "spec.wordpress.siteTitle"),
                      Objects.requireNonNullElse(wp.language, "en_US"),
                      multisite,
                      network != null
                          && Boolean.TRUE.equals(network.enabled)
                          && Boolean.TRUE.equals(network.subdomains),
                      wp.plugins != null && Boolean.TRUE.equals(wp.plugins.woocommerce),
                      wp.plugins != null && Boolean.TRUE.equals(wp.plugins.yoastSeo)));
    } else if (spec.clone != null) {
      recordIntent(attempt, displayName);
      ref =
          api.sites()
              .cloneSite(
                  new CloneSiteRequest(
                      company,
                      displayName,
                      requireNonNull(
                          spec.clone.sourceEnvironmentId, "spec.clone.sourceEnvironmentId")));
    } else {
      recordIntent(attempt, displayName);
      ref =
          api.sites()
              .createPlainSite(new CreatePlainSiteRequest(company, displayName, region(spec)));
    }
    status.createdWith = createOnlyFields(spec);
    return attempt.started(ref, SiteOperation.CREATE_SITE, null, displayName);
  }

  /**
   * Puts the intent on record before the create call: from here on, a lost answer is resolved by
   * looking for the site, never by sending the call again blindly.
   */
  private static void recordIntent(Attempt<KinstaSite, KinstaSiteStatus> attempt, String name) {
    attempt.status().creation = LostCreation.intent(attempt, name);
    attempt.writeStatusNow(Reasons.CREATING, "Creating site \"" + name + "\" in Kinsta");
  }

  // The schema's rules require a region for WordPress and plain sites.
  private static String region(KinstaSiteSpec spec) {
    return requireNonNull(spec.region, "spec.region");
  }

  private static Optional<String> adminPassword(
      Attempt<KinstaSite, KinstaSiteStatus> attempt, SecretKeyReference ref) {
    String key = Objects.requireNonNullElse(ref.key, "password");
    Optional<Secret> secret = attempt.secret(ref.secretName());
    return secret.flatMap(s -> SecretLookup.value(s, key)).filter(p -> !p.isBlank());
  }

  /** The fields Kinsta cannot report back, as they were at creation (Secret references only). */
  static Map<String, String> createOnlyFields(KinstaSiteSpec spec) {
    Map<String, String> fields = new LinkedHashMap<>();
    put(fields, "region", spec.region);
    if (spec.clone != null) {
      put(fields, "clone.sourceEnvironmentId", spec.clone.sourceEnvironmentId);
    }
    WordPressSource wp = spec.wordpress;
    if (wp != null) {
      put(fields, "wordpress.siteTitle", wp.siteTitle);
      put(fields, "wordpress.language", wp.language);
      put(fields, "wordpress.adminUser", wp.adminUser);
      put(fields, "wordpress.adminEmail", wp.adminEmail);
      if (wp.adminPasswordSecretRef != null) {
        put(
            fields,
            "wordpress.adminPasswordSecretRef",
            wp.adminPasswordSecretRef.name + "/" + wp.adminPasswordSecretRef.key);
      }
      if (wp.multisite != null) {
        put(fields, "wordpress.multisite.enabled", String.valueOf(wp.multisite.enabled));
        put(fields, "wordpress.multisite.subdomains", String.valueOf(wp.multisite.subdomains));
      }
      if (wp.plugins != null) {
        put(fields, "wordpress.plugins.woocommerce", String.valueOf(wp.plugins.woocommerce));
        put(fields, "wordpress.plugins.yoastSeo", String.valueOf(wp.plugins.yoastSeo));
      }
    }
    return fields;
  }

  /** The create-only fields whose value changed since creation. */
  static List<String> changedCreateOnlyFields(
      KinstaSiteSpec spec, @Nullable Map<String, String> createdWith) {
    if (createdWith == null) {
      return List.of();
    }
    Map<String, String> now = createOnlyFields(spec);
    java.util.Set<String> keys = new java.util.TreeSet<>(now.keySet());
    keys.addAll(createdWith.keySet());
    return keys.stream()
        .filter(k -> !Objects.equals(now.get(k), createdWith.get(k)))
        .map(k -> "spec." + k)
        .toList();
  }

  private static void put(Map<String, String> fields, String name, @Nullable String value) {
    if (value != null) {
      fields.put(name, value);
    }
  }

  /** The one site that carries the display name of the creation intent, if exactly one does. */
  static Optional<String> siteOfIntent(Attempt<KinstaSite, KinstaSiteStatus> attempt) {
    CreationIntent intent = attempt.status().creation;
    if (intent == null) {
      return Optional.empty();
    }
    // As for a lost answer: never a site another resource records, or one it may be creating.
    CreationClaims<KinstaSite> claims = claims(attempt);
    String name = LostCreation.displayNameOf(intent);
    if (!claims.intending(name).isEmpty()) {
      return Optional.empty();
    }
    List<String> named =
        sitesNamed(attempt, name).stream()
            .map(Site::id)
            .filter(id -> claims.recorder(id).isEmpty())
            .toList();
    return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
  }
}
