package dev.operators.kinsta.company;

import dev.operators.kinsta.api.v1alpha1.CredentialsReference;
import dev.operators.kinsta.api.v1alpha1.DeletionPolicy;
import dev.operators.kinsta.api.v1alpha1.EnvironmentSettings;
import dev.operators.kinsta.api.v1alpha1.KinstaApplication;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaDatabase;
import dev.operators.kinsta.api.v1alpha1.KinstaDatabaseSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaDnsRecord;
import dev.operators.kinsta.api.v1alpha1.KinstaDnsRecordSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaObjectSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaPipeline;
import dev.operators.kinsta.api.v1alpha1.KinstaPipelineSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaSite;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaStaticSite;
import dev.operators.kinsta.api.v1alpha1.KinstaStaticSiteSpec;
import dev.operators.kinsta.api.v1alpha1.ManagementPolicy;
import dev.operators.kinsta.api.v1alpha1.SiteEnvironments;
import dev.operators.kinsta.hosting.client.dto.ApplicationSummary;
import dev.operators.kinsta.hosting.client.dto.DatabaseSummary;
import dev.operators.kinsta.hosting.client.dto.Pipeline;
import dev.operators.kinsta.wordpress.client.dto.DnsRecord;
import dev.operators.kinsta.wordpress.client.dto.DnsZone;
import dev.operators.kinsta.wordpress.client.dto.Environment;
import dev.operators.kinsta.wordpress.client.dto.Site;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A company's objects that no resource manages, as manifests ready to commit and apply: each one
 * adopts its object by id under {@code managementPolicy: Observe} and {@code deletionPolicy:
 * Retain}, with the settings Kinsta reports as its spec, so that applying it changes nothing and
 * shows no drift. No secret value is written: a manifest names only the credentials Secret the
 * KinstaCompany itself uses.
 */
final class CompanyExport {
  /** What fits in a ConfigMap (1 MiB) with room for its metadata. */
  static final int SIZE_LIMIT = 900 * 1024;

  private final String credentialsSecret;
  private final Map<String, String> manifests = new TreeMap<>();
  private final Set<String> names = new HashSet<>();

  CompanyExport(String credentialsSecret) {
    this.credentialsSecret = credentialsSecret;
  }

  /** The manifests by ConfigMap key, in key order. */
  Map<String, String> manifests() {
    return manifests;
  }

  /** The manifests that fit in one ConfigMap, in key order; {@code leftOut} counts the rest. */
  record Written(Map<String, String> data, int leftOut) {}

  Written fitting() {
    Map<String, String> data = new TreeMap<>();
    int size = 0;
    int leftOut = 0;
    for (Map.Entry<String, String> entry : manifests.entrySet()) {
      int bytes =
          entry.getKey().length() + entry.getValue().getBytes(StandardCharsets.UTF_8).length;
      if (size + bytes > SIZE_LIMIT) {
        leftOut++;
      } else {
        size += bytes;
        data.put(entry.getKey(), entry.getValue());
      }
    }
    return new Written(data, leftOut);
  }

  void sites(List<Site> sites, Predicate<String> managed) {
    for (Site site : byId(sites, Site::id)) {
      if (managed.test(site.id())) {
        continue;
      }
      KinstaSite resource = new KinstaSite();
      KinstaSiteSpec spec = new KinstaSiteSpec();
      spec.siteId = site.id();
      site.environmentsOrEmpty().stream()
          .filter(env -> "live".equals(env.name()))
          .findFirst()
          .map(CompanyExport::liveSettings)
          .ifPresent(
              live -> {
                spec.environments = new SiteEnvironments();
                spec.environments.live = live;
              });
      spec.deletionPolicy = DeletionPolicy.Retain;
      add(resource, spec, site.displayName(), site.id());
    }
  }

  /** The live environment's settings that read back exactly as Kinsta reports them. */
  private static EnvironmentSettings liveSettings(Environment env) {
    EnvironmentSettings live = new EnvironmentSettings();
    live.phpVersion =
        Arrays.stream(EnvironmentSettings.PhpVersion.values())
            .filter(version -> version.version().equals(env.phpVersion()))
            .findFirst()
            .orElse(null);
    live.edgeCaching = env.edgeCachingEnabled();
    String optimization = env.imageOptimizationType() == null ? "off" : env.imageOptimizationType();
    live.cdnImageOptimization =
        Arrays.stream(EnvironmentSettings.ImageOptimization.values())
            .filter(mode -> mode.wire().equals(optimization))
            .findFirst()
            .orElse(null);
    return live;
  }

  void databases(Collection<DatabaseSummary> databases, Predicate<String> managed) {
    for (DatabaseSummary db : byId(databases, DatabaseSummary::id)) {
      if (managed.test(db.id())) {
        continue;
      }
      KinstaDatabase resource = new KinstaDatabase();
      KinstaDatabaseSpec spec = new KinstaDatabaseSpec();
      spec.adopt = new KinstaDatabaseSpec.DatabaseAdoption();
      spec.adopt.id = db.id();
      spec.displayName = db.displayName();
      spec.size = db.resourceTypeName();
      spec.deletionPolicy = DeletionPolicy.Retain;
      add(resource, spec, db.displayName(), db.id());
    }
  }

  void applications(List<ApplicationSummary> applications, Predicate<String> managed) {
    for (ApplicationSummary app : byId(applications, ApplicationSummary::id)) {
      if (managed.test(app.id())) {
        continue;
      }
      KinstaApplication resource = new KinstaApplication();
      KinstaApplicationSpec spec = new KinstaApplicationSpec();
      spec.adopt = new KinstaApplicationSpec.ApplicationAdoption();
      spec.adopt.id = app.id();
      spec.displayName = app.displayName();
      spec.deletionPolicy = DeletionPolicy.Retain;
      add(resource, spec, app.displayName(), app.id());
    }
  }

  void staticSites(List<ApplicationSummary> staticSites, Predicate<String> managed) {
    for (ApplicationSummary site : byId(staticSites, ApplicationSummary::id)) {
      if (managed.test(site.id())) {
        continue;
      }
      KinstaStaticSite resource = new KinstaStaticSite();
      KinstaStaticSiteSpec spec = new KinstaStaticSiteSpec();
      spec.adopt = new KinstaStaticSiteSpec.Adoption();
      spec.adopt.id = site.id();
      spec.displayName = site.displayName();
      spec.deletionPolicy = DeletionPolicy.Retain;
      add(resource, spec, site.displayName(), site.id());
    }
  }

  void pipelines(List<Pipeline> pipelines, Predicate<String> managed) {
    for (Pipeline pipeline : byId(pipelines, Pipeline::id)) {
      if (managed.test(pipeline.id())) {
        continue;
      }
      KinstaPipeline resource = new KinstaPipeline();
      KinstaPipelineSpec spec = new KinstaPipelineSpec();
      spec.adopt = new KinstaPipelineSpec.Adoption();
      spec.adopt.id = pipeline.id();
      spec.displayName = pipeline.displayName();
      spec.type =
          Arrays.stream(KinstaPipelineSpec.Type.values())
              .filter(type -> type.wireName().equals(pipeline.type()))
              .findFirst()
              .orElse(null);
      spec.deletionPolicy = DeletionPolicy.Retain;
      add(resource, spec, pipeline.displayName(), pipeline.id());
    }
  }

  /**
   * One manifest per record set (type and name) of the zone; types the kind does not know are left
   * out.
   */
  void dnsRecords(DnsZone zone, List<DnsRecord> records, Predicate<DnsRecordKey> managed) {
    String domain = zone.name().toLowerCase(Locale.ROOT);
    for (DnsRecord record : records) {
      Optional<KinstaDnsRecordSpec.RecordType> type = recordType(record.type());
      String fqdn = record.name().toLowerCase(Locale.ROOT);
      if (type.isEmpty() || managed.test(new DnsRecordKey(zone, type.get().name(), fqdn))) {
        continue;
      }
      KinstaDnsRecord resource = new KinstaDnsRecord();
      KinstaDnsRecordSpec spec = new KinstaDnsRecordSpec();
      spec.domain = domain;
      spec.type = type.get();
      spec.name = relativeName(fqdn, domain);
      spec.values = record.values();
      spec.ttl = record.ttl();
      spec.adopt = true;
      spec.deletionPolicy = DeletionPolicy.Retain;
      add(resource, spec, domain + "-" + type.get().name() + "-" + spec.name, zone.id() + fqdn);
    }
  }

  /** A record set of a zone, as KinstaDnsRecords point at it. */
  record DnsRecordKey(DnsZone zone, String type, String fqdn) {}

  private static Optional<KinstaDnsRecordSpec.RecordType> recordType(String type) {
    return Arrays.stream(KinstaDnsRecordSpec.RecordType.values())
        .filter(known -> known.name().equalsIgnoreCase(type))
        .findFirst();
  }

  private static String relativeName(String fqdn, String domain) {
    if (fqdn.equals(domain)) {
      return "@";
    }
    return fqdn.endsWith("." + domain)
        ? fqdn.substring(0, fqdn.length() - domain.length() - 1)
        : fqdn;
  }

  private <S extends KinstaObjectSpec> void add(
      CustomResource<S, ?> resource, S spec, String displayName, String id) {
    spec.credentialsRef = new CredentialsReference(credentialsSecret);
    spec.managementPolicy = ManagementPolicy.Observe;
    String name = uniqueName(resource.getKind(), displayName, id);
    resource.setMetadata(new ObjectMetaBuilder().withName(name).build());
    resource.setSpec(spec);
    manifests.put(
        resource.getKind().toLowerCase(Locale.ROOT) + "-" + name + ".yaml",
        Serialization.asYaml(resource));
  }

  /** A DNS-1123 name from the display name, told apart by the id when two would be the same. */
  private String uniqueName(String kind, @Nullable String displayName, String id) {
    String base = slug(displayName == null || displayName.isBlank() ? id : displayName);
    String name = base;
    if (!names.add(kind + "/" + name)) {
      String idSlug = slug(id);
      name = slug(base + "-" + idSlug.substring(0, Math.min(8, idSlug.length())));
      names.add(kind + "/" + name);
    }
    return name;
  }

  /** In a fixed order, so that names told apart by id stay the same from one export to the next. */
  private static <T> List<T> byId(Collection<T> objects, Function<T, String> id) {
    return objects.stream().sorted(Comparator.comparing(id)).toList();
  }

  static String slug(String text) {
    String lower = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    String trimmed = lower.replaceAll("^-+", "").replaceAll("-+$", "");
    if (trimmed.length() > 60) {
      trimmed = trimmed.substring(0, 60).replaceAll("-+$", "");
    }
    return trimmed.isEmpty() ? "object" : trimmed;
  }
}
