package dev.operators.kinsta.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Everything the simulated Kinsta knows. Plain mutable objects: the simulator changes them only
 * while holding its lock, and tests change them out of band through {@link KinstaSimulator#mutate}.
 */
public final class SimulatorState {
  /**
   * Whether {@code GET /sites} leaves out sites still being created, as some of Kinsta's answers
   * do; the operator must not count on seeing a new site before its creation finished.
   */
  public volatile boolean listSitesOnlyWhenCreated;

  /** Whether a finished site creation leaves out {@code data.idSite}, as some of Kinsta's do. */
  public volatile boolean createdSitesWithoutId;

  public static final class Company {
    public final String id;
    public final String name;
    public final List<User> users = new ArrayList<>();
    public final List<String> regions =
        new ArrayList<>(
            List.of("us-central1", "us-east1", "europe-west1", "europe-west3", "asia-east1"));

    Company(String id, String name) {
      this.id = id;
      this.name = name;
    }
  }

  public record User(String id, String email, String fullName) {}

  public static final class ApiKeyRecord {
    public final String id = newId();
    public final String key;
    public final String companyId;
    public final String name;
    public String status = "active";
    public Instant expiresAt;

    ApiKeyRecord(String key, String companyId, String name) {
      this.key = key;
      this.companyId = companyId;
      this.name = name;
    }
  }

  /** An entry of the company's activity log, as MyKinsta's activity page shows it. */
  public static final class ActivityEntry {
    public final long id;
    public final String companyId;
    public final @Nullable String siteId;
    public final Instant createdAt;
    public final String type;
    public final List<String> descriptions;

    /** The user who did it in MyKinsta; null when it came through an API key. */
    public @Nullable User user;

    public @Nullable ApiKeyRecord apiKey;
    public boolean failed;
    public @Nullable String publicError;

    ActivityEntry(
        long id,
        String companyId,
        @Nullable String siteId,
        Instant createdAt,
        String type,
        List<String> descriptions) {
      this.id = id;
      this.companyId = companyId;
      this.siteId = siteId;
      this.createdAt = createdAt;
      this.type = type;
      this.descriptions = descriptions;
    }
  }

  public static final class Site {
    public final String id;
    public final String companyId;
    public String name;
    public String displayName;
    public String status = "live";
    public final List<Environment> environments = new ArrayList<>();

    /** How often the site was reset, and the admin password of the last reset. */
    public int resets;

    public @Nullable String adminPassword;

    /** This month's usage, as the usage endpoints report it. */
    public long visitsThisMonth = 1200;

    public long bandwidthThisMonth = 3_500_000_000L;
    public long cdnBandwidthThisMonth = 900_000_000L;

    Site(String id, String companyId, String name, String displayName) {
      this.id = id;
      this.companyId = companyId;
      this.name = name;
      this.displayName = displayName;
    }

    public Optional<Environment> environment(String name) {
      return environments.stream().filter(env -> env.name.equals(name)).findFirst();
    }
  }

  public static final class Domain {
    public final String id;
    public final String name;
    public final String type;

    Domain(String id, String name, String type) {
      this.id = id;
      this.name = name;
      this.type = type;
    }
  }

  public static final class Environment {
    public final String id;
    public final String siteId;
    public String name;
    public String displayName;
    public boolean premium;
    public boolean wordpress = true;
    public String phpVersion = "8.2";
    public boolean edgeCaching = true;

    /** The disk space the diskspace analytics report, newest day. */
    public long diskSpace = 850_000_000L;

    public String edgeCacheId = UUID.randomUUID().toString();
    public final String cdnCacheId = UUID.randomUUID().toString();
    public String imageOptimization = "off";
    public String webRoot = "";
    public String wordpressVersion = "6.6.2";
    public final List<Domain> domains = new ArrayList<>();
    public String primaryDomainId;
    public List<String> deniedIps = new ArrayList<>();
    public boolean sshEnabled = true;
    public boolean sshPasswordAuthentication = true;
    public List<String> sshAllowedIps = new ArrayList<>();
    public String sshExpiration = "never";
    public final List<Redirect> redirects = new ArrayList<>();
    public boolean sftpAccountsEnabled;
    public final List<SftpAccount> sftpAccounts = new ArrayList<>();
    public final int sftpAccountsPort = 30_000 + (int) (Math.random() * 10_000);
    public final int sshPort = 20_000 + (int) (Math.random() * 10_000);
    public int threadCount = 4;
    public int threadMemory = 256;
    public final List<Backup> backups = new ArrayList<>();

    /** How many downloadable backups the environment has (each a zip Kinsta made on request). */
    public int downloadableBackups;

    public final List<Component> plugins = new ArrayList<>();
    public final List<Component> themes = new ArrayList<>();
    public final String containerId = UUID.randomUUID().toString();

    Environment(String id, String siteId, String name, String displayName) {
      this.id = id;
      this.siteId = siteId;
      this.name = name;
      this.displayName = displayName;
    }

    public Optional<Domain> primaryDomain() {
      return domains.stream().filter(domain -> domain.id.equals(primaryDomainId)).findFirst();
    }
  }

  /** An additional SFTP account of an environment; Kinsta keeps its password and never shows it. */
  public static final class SftpAccount {
    public final String id = UUID.randomUUID().toString();
    public final String username;
    public final String password;
    public final String rootDirectory;
    public final String permission;

    public SftpAccount(String username, String password, String rootDirectory, String permission) {
      this.username = username;
      this.password = password;
      this.rootDirectory = rootDirectory;
      this.permission = permission;
    }
  }

  public static final class Backup {
    public final long id;
    public final String name;
    public final String note;
    public final String type;
    public final Instant createdAt;

    Backup(long id, String name, String note, String type, Instant createdAt) {
      this.id = id;
      this.name = name;
      this.note = note;
      this.type = type;
      this.createdAt = createdAt;
    }
  }

  public static final class Component {
    public final String name;
    public final String title;
    public String status = "active";
    public String version;
    public String updateVersion;

    Component(String name, String title, String version, String updateVersion) {
      this.name = name;
      this.title = title;
      this.version = version;
      this.updateVersion = updateVersion;
    }
  }

  /**
   * An asynchronous operation: 404 until {@code visibleAt}, running until {@code doneAt}, then its
   * outcome.
   */
  public static final class Operation {
    public final String id;
    public final String companyId;
    public Instant visibleAt;
    public Instant doneAt;
    public String failureMessage;
    final Supplier<JsonNode> effect;
    final Runnable onFailure;
    public boolean finished;
    public JsonNode data;

    Operation(
        String id,
        String companyId,
        Instant visibleAt,
        Instant doneAt,
        Supplier<JsonNode> effect,
        Runnable onFailure) {
      this.id = id;
      this.companyId = companyId;
      this.visibleAt = visibleAt;
      this.doneAt = doneAt;
      this.effect = effect;
      this.onFailure = onFailure;
    }

    public boolean failed() {
      return finished && failureMessage != null;
    }
  }

  public static final class Database {
    public final String id;
    public final String companyId;
    public final String name;
    public String displayName;
    public final String type;
    public final String version;
    public final String location;
    public String resourceType;
    public final String dbName;
    public final String dbUser;
    public String dbPassword;
    public final String dbRootPassword = UUID.randomUUID().toString().replace("-", "");
    public String status = "creating";
    public Instant settlesAt;
    public String statusAfterSettling = "ready";
    public final Instant createdAt;
    public final int externalPort;
    public final List<String> connectedApplicationIds = new ArrayList<>();
    public final IpRule ipRestriction = new IpRule();
    public boolean externalConnection = true;
    public boolean suspended;

    Database(
        String id,
        String companyId,
        String name,
        String displayName,
        String type,
        String version,
        String location,
        String resourceType,
        String dbName,
        String dbUser,
        String dbPassword,
        Instant createdAt,
        int externalPort) {
      this.id = id;
      this.companyId = companyId;
      this.name = name;
      this.displayName = displayName;
      this.type = type;
      this.version = version;
      this.location = location;
      this.resourceType = resourceType;
      this.dbName = dbName;
      this.dbUser = dbUser;
      this.dbPassword = dbPassword;
      this.createdAt = createdAt;
      this.externalPort = externalPort;
    }

    public int internalPort() {
      return switch (type) {
        case "postgresql" -> 5432;
        case "redis", "valkey" -> 6379;
        default -> 3306;
      };
    }

    public String internalHostname() {
      return name + "-" + type + "." + name + ".svc.cluster.local";
    }

    public String externalHostname() {
      return name + "-" + type + ".external.kinsta.app";
    }
  }

  public static final class Application {
    /** The deployment hook's URL, while there is one. */
    public @Nullable String deploymentHook;

    public final String id;
    public final String companyId;
    public final String name;
    public String displayName;
    public String status = "deploymentSuccess";

    /** What the metrics endpoints report: per process for CPU and memory, per hour else. */
    public double cpuUsagePerProcess = 0.25;

    public long memoryUsagePerProcess = 268_435_456L;
    public long httpRequestsPerHour = 4200;
    public long responseTimeMs = 180;
    public long bandwidthPerHour = 52_000_000L;
    public long buildTimeSeconds = 127;
    public String buildType = "dockerfile";
    public String buildPath = "";
    public String dockerFilePath = "Dockerfile";
    public String dockerContext = ".";
    public boolean autoDeploy = true;
    public String defaultBranch = "main";
    public boolean hibernationEnabled;
    public Long hibernateAfterSeconds;
    public boolean cdnEnabled;
    public boolean edgeCacheEnabled;
    public String repoUrl = "https://github.com/example/app";
    public String source = "publicGit";
    public @Nullable String gitType = "github";
    public @Nullable String dockerImage;
    public @Nullable String dockerRegistryCredentialId;
    public String clusterId = CLUSTERS.get(0).id();
    public @Nullable String projectId;
    public boolean suspended;
    public final List<AppProcess> processes = new ArrayList<>();
    public final List<Deployment> deployments = new ArrayList<>();
    public final List<InternalConnection> internalConnections = new ArrayList<>();
    public final List<EnvVarState> envVars = new ArrayList<>();
    public final List<DomainState> domains = new ArrayList<>();
    public final IpRule ipRestriction = new IpRule();
    public final List<PortState> privatePorts = new ArrayList<>();
    public final List<PortState> tcpProxies = new ArrayList<>();
    public Instant deletedAt;
    public final Instant createdAt;
    public Instant updatedAt;

    Application(String id, String companyId, String name, String displayName, Instant createdAt) {
      this.id = id;
      this.companyId = companyId;
      this.name = name;
      this.displayName = displayName;
      this.createdAt = createdAt;
      this.updatedAt = createdAt;
    }
  }

  /** An environment variable of an application (runtime, buildtime) or static site. */
  public static final class EnvVarState {
    public final String id = newId();
    public String key;
    public String value;
    public @Nullable Boolean runtime;
    public @Nullable Boolean buildtime;
    public @Nullable Boolean production;
    public @Nullable Boolean preview;
    public @Nullable String branch;
    public final Instant createdAt;
    public Instant updatedAt;

    public EnvVarState(String key, String value, Instant createdAt) {
      this.key = key;
      this.value = value;
      this.createdAt = createdAt;
      this.updatedAt = createdAt;
    }
  }

  /** A domain: Sevalla's own (SYSTEM) or a custom one, verified some time after it is added. */
  public static final class DomainState {
    public final String id = newId();
    public final String name;
    public final String type;
    public String status;
    public boolean wildcard;
    public boolean primary;
    public @Nullable Instant activatesAt;
    public final Instant createdAt;

    public DomainState(String name, String type, String status, Instant createdAt) {
      this.name = name;
      this.type = type;
      this.status = status;
      this.createdAt = createdAt;
    }
  }

  /** An IP allow or deny list. */
  public static final class IpRule {
    public String type = "allow";
    public boolean enabled;
    public List<String> ips = new ArrayList<>();
  }

  /** A private port or TCP proxy. */
  public static final class PortState {
    public final String id = newId();
    public final String processId;
    public final int port;
    public final int externalPort;
    public String status = "creating";
    public final Instant createdAt;

    public PortState(String processId, int port, int externalPort, Instant createdAt) {
      this.processId = processId;
      this.port = port;
      this.externalPort = externalPort;
      this.createdAt = createdAt;
    }
  }

  public static final class AppProcess {
    public final String id;
    public final String appId;
    public final String type;
    public @Nullable String kind;
    public @Nullable String jobStartPolicy;
    public @Nullable Boolean ingressEnabled;
    public String ingressProtocol = "http";
    public @Nullable JsonNode livenessProbe;
    public @Nullable JsonNode readinessProbe;
    public @Nullable String schedule;
    public @Nullable String timeZone;
    public @Nullable Integer port;
    public String displayName;
    public String entrypoint;
    public JsonNode scalingStrategy;
    public String resourceType = "s1";
    public final String internalHostname;
    public final int internalPort;
    public final Instant createdAt;
    public Instant updatedAt;

    AppProcess(
        String id,
        String appId,
        String type,
        String displayName,
        String internalHostname,
        int internalPort,
        Instant createdAt) {
      this.id = id;
      this.appId = appId;
      this.type = type;
      this.displayName = displayName;
      this.internalHostname = internalHostname;
      this.internalPort = internalPort;
      this.createdAt = createdAt;
      this.updatedAt = createdAt;
    }
  }

  /** A static site of the company (made in MyKinsta: the API cannot create one). */
  public static final class StaticSite {
    public final String id = newId();
    public final String companyId;
    public final String name;
    public String displayName;
    public String status = "deploymentSuccess";
    public String repoUrl = "https://github.com/acme/docs";
    public String defaultBranch = "main";
    public boolean autoDeploy = true;
    public @Nullable String buildCommand = "npm run build";
    public @Nullable String nodeVersion = "18";
    public @Nullable String publishedDirectory = "dist";
    public @Nullable String installCommand = "npm ci";
    public @Nullable String rootDirectory;
    public @Nullable String indexFile = "index.html";
    public @Nullable String errorFile;
    public String source = "privateGit";
    public boolean prettyUrls;
    public @Nullable String projectId;
    public final Instant createdAt = Instant.now();
    public Instant updatedAt = createdAt;
    public final List<StaticDeployment> deployments = new ArrayList<>();
    public final List<EnvVarState> envVars = new ArrayList<>();
    public final List<DomainState> domains = new ArrayList<>();
    public boolean deleted;

    public StaticSite(String companyId, String name, String displayName) {
      this.companyId = companyId;
      this.name = name;
      this.displayName = displayName;
    }
  }

  /** A deployment of a static site; in progress until {@code finishesAt}. */
  public static final class StaticDeployment {
    public final String id = newId();
    public final String branch;
    public final String commitMessage;
    public final Instant createdAt;
    public String status = "inProgress";
    public Instant finishesAt;
    public boolean willFail;
    public @Nullable String buildError;

    public StaticDeployment(String branch, String commitMessage, Instant createdAt) {
      this.branch = branch;
      this.commitMessage = commitMessage;
      this.createdAt = createdAt;
      this.finishesAt = createdAt;
    }
  }

  /**
   * A pipeline of the company: its stages in order (a preview stage first while previews are on,
   * the production stage last) and the preview settings.
   */
  public static final class Pipeline {
    public final String id = newId();
    public final String companyId;
    public String displayName;
    public String type;
    public @Nullable String projectId;
    public final Instant createdAt;
    public Instant updatedAt;
    public final List<PipelineStage> stages = new ArrayList<>();
    public @Nullable String previewRepoUrl;

    public Pipeline(
        String companyId,
        String displayName,
        String type,
        @Nullable String projectId,
        Instant createdAt) {
      this.companyId = companyId;
      this.displayName = displayName;
      this.type = type;
      this.projectId = projectId;
      this.createdAt = createdAt;
      this.updatedAt = createdAt;
      stages.add(new PipelineStage("Dev", "standard", null, createdAt));
      stages.add(new PipelineStage("Production", "prod", null, createdAt));
    }
  }

  /** A stage of a pipeline: its branch, the applications in it, and a preview stage's settings. */
  public static final class PipelineStage {
    public final String id = newId();
    public final String displayName;
    public final String type;
    public final @Nullable String branch;
    public final Instant createdAt;
    public Instant updatedAt;
    public final Set<String> appIds = new LinkedHashSet<>();
    public boolean autoCreateApp;
    public boolean deleteStaleApps;
    public int staleAppDays = 5;

    public PipelineStage(
        String displayName, String type, @Nullable String branch, Instant createdAt) {
      this.displayName = displayName;
      this.type = type;
      this.branch = branch;
      this.createdAt = createdAt;
      this.updatedAt = createdAt;
    }
  }

  public static final class Deployment {
    public final String id;
    public final String appId;
    public final String branch;
    public final String dockerImage;
    public final String commitSha;
    public final String commitMessage;
    public String status = "inProgress";
    public final Instant createdAt;
    public Instant finishesAt;
    public boolean willFail;

    Deployment(
        String id,
        String appId,
        String branch,
        String dockerImage,
        String commitSha,
        String commitMessage,
        Instant createdAt) {
      this.id = id;
      this.appId = appId;
      this.branch = branch;
      this.dockerImage = dockerImage;
      this.commitSha = commitSha;
      this.commitMessage = commitMessage;
      this.createdAt = createdAt;
    }
  }

  /**
   * A link from an application to a database or application ({@code targetType} in Kinsta's
   * spelling).
   */
  public record InternalConnection(String id, String targetType, String targetId) {}

  /**
   * A v3 internal connection: made under a database (the source) to an application or a database;
   * types as Sevalla lists them ({@code appResource}, {@code dbResource}).
   */
  public record Connection(
      String id, String sourceId, String sourceType, String targetId, String targetType) {}

  /** A data centre of {@code GET /resources/clusters}. */
  public record Cluster(String id, String name, String displayName, String location) {}

  /** The clusters every company sees. */
  public static final List<Cluster> CLUSTERS =
      List.of(
          new Cluster(
              "5d0c9a3e-1f0b-4c55-8f39-1d7a3c6e2b01", "us-central1", "Iowa, USA", "us-central1"),
          new Cluster(
              "7a2e4b61-3c9d-4e8f-9a10-2b3c4d5e6f02",
              "europe-west3",
              "Frankfurt, Germany",
              "europe-west3"),
          new Cluster(
              "9c4f6d83-5e1b-4a2c-8b34-4d5e6f708103",
              "asia-east1",
              "Changhua, Taiwan",
              "asia-east1"));

  /** A company's project. */
  public record Project(String id, String companyId, String name, String displayName) {}

  /** The database sizes of {@code GET /resources/database-resource-types}, by name. */
  public static String databaseSizeId(String name) {
    return UUID.nameUUIDFromBytes(
            ("size-" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .toString();
  }

  public final List<Connection> connections = new ArrayList<>();

  /** A Docker registry login of a company; the secret is kept to check what was sent. */
  public static final class RegistryCredential {
    public final String id = newId();
    public final String companyId;
    public final String name;
    public final String registry;
    public String username;
    public String secret;
    public final Instant createdAt;

    RegistryCredential(
        String companyId,
        String name,
        String registry,
        String username,
        String secret,
        Instant at) {
      this.companyId = companyId;
      this.name = name;
      this.registry = registry;
      this.username = username;
      this.secret = secret;
      this.createdAt = at;
    }
  }

  public final Map<String, RegistryCredential> registryCredentials = new LinkedHashMap<>();
  public final Map<String, Project> projects = new java.util.LinkedHashMap<>();

  /** A redirect rule of an environment; Kinsta gives it no id. */
  public record Redirect(@Nullable String domain, String from, String to, String type) {}

  /** A DNS zone in Kinsta DNS ({@code /domains}), with its records. */
  public static final class DnsZone {
    public final String id;
    public final String companyId;
    public final String name;
    public @Nullable String siteId;
    public boolean active = true;
    public final List<DnsRecord> records = new ArrayList<>();

    public DnsZone(String id, String companyId, String name) {
      this.id = id;
      this.companyId = companyId;
      this.name = name;
    }

    public Optional<DnsRecord> record(String type, String name) {
      return records.stream().filter(r -> r.type.equals(type) && r.name.equals(name)).findFirst();
    }
  }

  /** One record set of a zone: Kinsta keys it by type and name. */
  public static final class DnsRecord {
    public final String type;
    public final String name;
    public int ttl;
    public final List<String> values = new ArrayList<>();

    public DnsRecord(String type, String name, int ttl, List<String> values) {
      this.type = type;
      this.name = name;
      this.ttl = ttl;
      this.values.addAll(values);
    }
  }

  public final Map<String, DnsZone> dnsZones = new LinkedHashMap<>();
  public final Map<String, Company> companies = new LinkedHashMap<>();
  public final Map<String, ApiKeyRecord> apiKeys = new LinkedHashMap<>();
  public final List<ActivityEntry> activity = new ArrayList<>();
  private long nextActivityId = 34_181_968L;
  public final Map<String, Site> sites = new LinkedHashMap<>();
  public final Map<String, Operation> operations = new LinkedHashMap<>();
  public final Map<String, Database> databases = new LinkedHashMap<>();
  public final Map<String, Application> applications = new LinkedHashMap<>();
  public final Map<String, Pipeline> pipelines = new LinkedHashMap<>();
  public final Map<String, StaticSite> staticSites = new LinkedHashMap<>();
  private long nextBackupId = 100_000_000L;
  private int nextExternalPort = 30_000;

  public List<Site> sitesOf(String companyId) {
    return sites.values().stream().filter(site -> site.companyId.equals(companyId)).toList();
  }

  /** Every environment of the company's sites. */
  public Stream<Environment> environmentsOf(String companyId) {
    return sitesOf(companyId).stream().flatMap(site -> site.environments.stream());
  }

  public Optional<Environment> environment(String environmentId) {
    return sites.values().stream()
        .flatMap(site -> site.environments.stream())
        .filter(env -> env.id.equals(environmentId))
        .findFirst();
  }

  /** Adds an entry to the company's activity log and answers it. */
  public ActivityEntry logActivity(
      String companyId, @Nullable String siteId, Instant at, String type, String description) {
    ActivityEntry entry =
        new ActivityEntry(nextActivityId++, companyId, siteId, at, type, List.of(description));
    activity.add(entry);
    return entry;
  }

  long nextBackupId() {
    return nextBackupId++;
  }

  int nextExternalPort() {
    return nextExternalPort++;
  }

  static String newId() {
    return UUID.randomUUID().toString();
  }

  /** Kinsta's internal names: a slug of the display name plus a short random suffix. */
  static String internalName(String displayName) {
    String slug =
        displayName
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("(^-|-$)", "");
    if (slug.isEmpty()) {
      slug = "site";
    }
    return slug + "-" + UUID.randomUUID().toString().substring(0, 5);
  }
}
