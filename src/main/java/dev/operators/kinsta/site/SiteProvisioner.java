package dev.operators.kinsta.site;

import dev.operators.kinsta.api.v1alpha1.KinstaSite;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteStatus;
import dev.operators.kinsta.api.v1alpha1.WordPressSource;
import dev.operators.kinsta.client.KinstaApi;
import dev.operators.kinsta.client.KinstaApiException;
import dev.operators.kinsta.client.dto.CloneSiteRequest;
import dev.operators.kinsta.client.dto.CreatePlainSiteRequest;
import dev.operators.kinsta.client.dto.CreateSiteRequest;
import dev.operators.kinsta.client.dto.OperationRef;
import dev.operators.kinsta.client.dto.Site;
import dev.operators.kinsta.reconcile.Attempt;
import dev.operators.kinsta.reconcile.Outcome;
import dev.operators.kinsta.reconcile.Reasons;
import dev.operators.kinsta.reconcile.SecretLookup;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Gives a KinstaSite its Kinsta site: adopts the one named by {@code spec.siteId}, or the one with
 * its display name (which is how a site created just before a crash is found again), or creates
 * one.
 */
final class SiteProvisioner {

  private SiteProvisioner() {}

  /**
   * Sets {@code status.siteId} and returns empty, or returns the outcome to report (a creation
   * started, a stall).
   */
  static Optional<Outcome> establish(Attempt<KinstaSite, KinstaSiteStatus> attempt) {
    KinstaSite resource = attempt.resource();
    KinstaSiteSpec spec = resource.getSpec();
    KinstaSiteStatus status = attempt.status();
    KinstaApi api = attempt.kinsta();
    if (spec.siteId != null) {
      try {
        Site site = api.getSite(spec.siteId);
        status.siteId = site.id();
        status.siteName = site.name();
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
    List<Site> sameName =
        api.listSites(false).stream().filter(s -> displayName.equals(s.displayName())).toList();
    if (sameName.size() > 1) {
      return Optional.of(
          Outcome.stalled(
              Reasons.AMBIGUOUS_ADOPTION,
              sameName.size()
                  + " sites are named \""
                  + displayName
                  + "\" in Kinsta; set spec.siteId to the one to manage, or rename the others"));
    }
    if (sameName.size() == 1) {
      Site site = sameName.get(0);
      status.siteId = site.id();
      status.siteName = site.name();
      if (status.createdWith == null) {
        status.createdWith = createOnlyFields(spec);
      }
      attempt
          .events()
          .normal(
              resource,
              Reasons.ADOPTED,
              "Adopted site " + site.id() + " found by its display name \"" + displayName + "\"");
      return Optional.empty();
    }
    return Optional.of(create(attempt, displayName));
  }

  private static Outcome create(Attempt<KinstaSite, KinstaSiteStatus> attempt, String displayName) {
    KinstaSiteSpec spec = attempt.resource().getSpec();
    KinstaApi api = attempt.kinsta();
    String company = attempt.companyId();
    OperationRef ref;
    if (spec.wordpress != null) {
      WordPressSource wp = spec.wordpress;
      Optional<String> password = adminPassword(attempt, wp);
      if (password.isEmpty()) {
        return Outcome.stalled(
            Reasons.SECRET_NOT_FOUND,
            "The admin password Secret "
                + wp.adminPasswordSecretRef.name
                + " (key "
                + wp.adminPasswordSecretRef.key
                + ") does not exist or is "
                + "empty (spec.wordpress.adminPasswordSecretRef)");
      }
      boolean multisite = wp.multisite != null && Boolean.TRUE.equals(wp.multisite.enabled);
      ref =
          api.createSite(
              new CreateSiteRequest(
                  company,
                  displayName,
                  spec.region,
                  "new",
                  wp.adminEmail,
                  password.get(),
                  wp.adminUser,
                  wp.siteTitle,
                  Objects.requireNonNullElse(wp.language, "en_US"),
                  multisite,
                  multisite && wp.multisite.subdomains != null && wp.multisite.subdomains,
                  wp.plugins != null && Boolean.TRUE.equals(wp.plugins.woocommerce),
                  wp.plugins != null && Boolean.TRUE.equals(wp.plugins.yoastSeo)));
    } else if (spec.clone != null) {
      ref =
          api.cloneSite(new CloneSiteRequest(company, displayName, spec.clone.sourceEnvironmentId));
    } else {
      ref = api.createPlainSite(new CreatePlainSiteRequest(company, displayName, spec.region));
    }
    attempt.status().createdWith = createOnlyFields(spec);
    return attempt.started(ref, SiteOperation.CREATE_SITE, null, displayName);
  }

  private static Optional<String> adminPassword(
      Attempt<KinstaSite, KinstaSiteStatus> attempt, WordPressSource wp) {
    String key = Objects.requireNonNullElse(wp.adminPasswordSecretRef.key, "password");
    Optional<Secret> secret = attempt.secret(wp.adminPasswordSecretRef.name);
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
      KinstaSiteSpec spec, Map<String, String> createdWith) {
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

  private static void put(Map<String, String> fields, String name, String value) {
    if (value != null) {
      fields.put(name, value);
    }
  }
}
