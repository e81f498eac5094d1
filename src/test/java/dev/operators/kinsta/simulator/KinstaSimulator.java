package dev.operators.kinsta.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.operators.kinsta.simulator.Exchange.Handler;
import dev.operators.kinsta.simulator.Exchange.Reply;
import dev.operators.kinsta.simulator.SimulatorState.AppProcess;
import dev.operators.kinsta.simulator.SimulatorState.Application;
import dev.operators.kinsta.simulator.SimulatorState.Operation;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A stateful fake of Kinsta's REST API on a real socket. It serves the Kinsta contract at {@code
 * /v2} and the Sevalla v2 contract (applications and databases) at {@code /sevalla/v2}, both over
 * the same state. Every request is authenticated, rate limited as Kinsta documents, checked against
 * the contract (unknown endpoint, missing or ill-typed field: 400 in Kinsta's error shape) and
 * journaled; every answer is checked against the contract too, and any mismatch is kept in {@link
 * #contractViolations()}. Asynchronous operations behave like Kinsta's: 404 for a grace period,
 * then 202 while running, then 200 with {@code data} or a failure.
 */
public final class KinstaSimulator implements AutoCloseable {
  private static final String LOSE_ANSWER = "simulator.loseAnswer";
  private static final String AFTER_ANSWER = "simulator.afterAnswer";
  private static final String RATE_HEADERS = "simulator.rateHeaders";

  /** A company made for a test or demo: its id, an API key and a user (restores need one). */
  public record SeededCompany(String companyId, String apiKey, String userId) {}

  public static final String KINSTA_PREFIX = "/v2";
  public static final String SEVALLA_PREFIX = "/sevalla/v3";
  private static final Set<String> CREATIONS =
      Set.of(
          "POST /sites",
          "POST /sites/plain",
          "POST /sites/clone",
          "POST /sites/{site_id}/environments",
          "POST /sites/{site_id}/environments/plain",
          "POST /sites/{site_id}/environments/clone");

  private final ObjectMapper json = JsonMapper.builder().build();
  private final Vertx vertx;
  private final HttpServer server;
  private final Clock clock;
  private final SimulatorState state = new SimulatorState();
  private final Map<String, Handler> routes = new HashMap<>();
  private final OpenApiContract kinstaContract =
      OpenApiContract.load("/kinsta-api/kinsta-v2-contract.json", json);
  private final OpenApiContract sevallaContract =
      OpenApiContract.load("/kinsta-api/sevalla-v3-contract.json", json);
  private final SlidingWindowLimiter limiter = new SlidingWindowLimiter();
  private final List<Fault> faults = new CopyOnWriteArrayList<>();
  private final List<String> violations = new CopyOnWriteArrayList<>();
  private final Journal journal = new Journal();
  private final WordPressEndpoints wordpress;
  private final SevallaEndpoints sevalla;
  private volatile int sevallaClockSpeed = 1;
  private volatile SimulatorSettings settings;

  private KinstaSimulator(SimulatorSettings settings, Clock clock, String host, int port) {
    this.settings = settings;
    this.clock = clock;
    this.vertx = Vertx.vertx();
    this.wordpress = new WordPressEndpoints(state, this::startOperation);
    this.sevalla = new SevallaEndpoints(state, () -> this.settings, this::failureFor);
    Map<String, Handler> byTemplate = new HashMap<>();
    wordpress.register(byTemplate);
    new DnsEndpoints(state, this::startOperation).register(byTemplate);
    sevalla.register(byTemplate);
    byTemplate.put("GET /operations/{operation_id}", this::operationStatus);
    // Keyed without parameter names: the two contracts name some path parameters differently.
    byTemplate.forEach((key, handler) -> routes.put(key.replaceAll("\\{[^}]+}", "{}"), handler));

    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create().setBodyLimit(1024 * 1024));
    new ControlEndpoints(this, json).register(router);
    router
        .route(SEVALLA_PREFIX + "/*")
        .handler(ctx -> handle(ctx, sevallaContract, SEVALLA_PREFIX));
    router.route(KINSTA_PREFIX + "/*").handler(ctx -> handle(ctx, kinstaContract, KINSTA_PREFIX));
    router
        .route()
        .failureHandler(
            ctx -> {
              // A bug in the simulator itself: make it loud in tests instead of a bare 500.
              String problem =
                  "simulator failed on "
                      + ctx.request().method()
                      + " "
                      + ctx.request().path()
                      + ": "
                      + ctx.failure();
              violations.add(problem);
              if (!ctx.response().ended()) {
                ctx.response()
                    .setStatusCode(500)
                    .putHeader("Content-Type", "application/json")
                    .end(
                        "{\"status\":500,\"message\":\""
                            + problem.replace("\"", "'")
                            + "\",\"data\":null}");
              }
            });
    this.server =
        await(
            vertx
                .createHttpServer()
                .requestHandler(router)
                .listen(port, host)
                .toCompletionStage()
                .toCompletableFuture());
  }

  /** Starts on a free port of 127.0.0.1. */
  public static KinstaSimulator start(SimulatorSettings settings) {
    return new KinstaSimulator(settings, Clock.systemUTC(), "127.0.0.1", 0);
  }

  public static KinstaSimulator start(SimulatorSettings settings, String host, int port) {
    return new KinstaSimulator(settings, Clock.systemUTC(), host, port);
  }

  public int port() {
    return server.actualPort();
  }

  /** Base URL of the Kinsta API, to use instead of {@code https://api.kinsta.com/v2}. */
  public URI kinstaBaseUrl() {
    return URI.create("http://127.0.0.1:" + port() + KINSTA_PREFIX);
  }

  /** Base URL of the Sevalla v3 API, to use instead of {@code https://api.sevalla.com/v3}. */
  public URI sevallaBaseUrl() {
    return URI.create("http://127.0.0.1:" + port() + SEVALLA_PREFIX);
  }

  public SimulatorSettings settings() {
    return settings;
  }

  public void updateSettings(UnaryOperator<SimulatorSettings> change) {
    settings = change.apply(settings);
  }

  /**
   * Runs Sevalla's rate-limit windows {@code speed} times faster: an hour's creation tier passes in
   * {@code 3600 / speed} seconds, as if the simulator's clock ran fast.
   */
  public void sevallaClockSpeed(int speed) {
    this.sevallaClockSpeed = Math.max(1, speed);
  }

  /**
   * Another client of the company spends {@code count} of its Sevalla read tier now (a second tool
   * on the same key): the operator sees it only in the rate-limit headers.
   */
  public void spendSevallaReads(String companyId, int count) {
    Instant now = clock.instant();
    SevallaTier reads = SevallaTier.reads(companyId);
    for (int i = 0; i < count; i++) {
      limiter.admit(reads.key(), reads.limit(), reads.window().dividedBy(sevallaClockSpeed), now);
    }
  }

  // ---- control API for tests, benchmarks and the standalone control endpoints

  /** Creates a company with one active API key and one user. */
  public SeededCompany addCompany(String name) {
    return addCompany(name, SimulatorState.newId(), null);
  }

  /**
   * Creates a company with a known id and API key (local mode matches the examples' Secret this
   * way).
   */
  public SeededCompany addCompany(String name, String companyId, String apiKey) {
    return mutate(
        s -> {
          SimulatorState.Company company = new SimulatorState.Company(companyId, name);
          SimulatorState.User user =
              new SimulatorState.User(
                  SimulatorState.newId(),
                  "ops@"
                      + name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "")
                      + ".example",
                  name + " Ops");
          company.users.add(user);
          s.companies.put(company.id, company);
          String key = apiKey == null ? addApiKey(company.id) : addApiKey(company.id, apiKey);
          return new SeededCompany(company.id, key, user.id());
        });
  }

  /** Adds another active API key to a company. */
  public String addApiKey(String companyId) {
    return addApiKey(companyId, "kinsta-sim-" + UUID.randomUUID().toString().replace("-", ""));
  }

  /** Adds a given active API key to a company. */
  public String addApiKey(String companyId, String key) {
    return mutate(
        s -> {
          SimulatorState.ApiKeyRecord record =
              new SimulatorState.ApiKeyRecord(key, companyId, "operator key");
          record.expiresAt = clock.instant().plus(Duration.ofDays(365));
          s.apiKeys.put(key, record);
          return key;
        });
  }

  /**
   * A static site of the company, made in MyKinsta, with one successful deployment of its default
   * branch; answers its id.
   */
  public String seedStaticSite(String companyId, String name) {
    return mutate(
        s -> {
          SimulatorState.StaticSite site =
              new SimulatorState.StaticSite(companyId, name, "Static " + name);
          SimulatorState.StaticDeployment first =
              new SimulatorState.StaticDeployment("main", "Initial commit", clock.instant());
          first.status = "success";
          site.deployments.add(first);
          s.staticSites.put(site.id, site);
          return site.id;
        });
  }

  /** A trunk pipeline of the company with Sevalla's two default stages; answers its id. */
  public String seedPipeline(String companyId, String displayName) {
    return mutate(
        s -> {
          SimulatorState.Pipeline pipeline =
              new SimulatorState.Pipeline(companyId, displayName, "trunk", null, clock.instant());
          s.pipelines.put(pipeline.id, pipeline);
          return pipeline.id;
        });
  }

  /** A pipeline as Sevalla keeps it, copied for a test to look at. */
  public record PipelineView(
      String displayName, String type, List<StageView> stages, @Nullable String previewRepoUrl) {}

  /** A stage of a {@link PipelineView}. */
  public record StageView(
      String displayName,
      String type,
      @Nullable String branch,
      List<String> appIds,
      boolean autoCreateApp,
      int staleAppDays) {}

  /** The pipeline, if the company still has it. */
  public Optional<PipelineView> pipeline(String pipelineId) {
    return read(
        s ->
            Optional.ofNullable(s.pipelines.get(pipelineId))
                .map(
                    p ->
                        new PipelineView(
                            p.displayName,
                            p.type,
                            p.stages.stream()
                                .map(
                                    stage ->
                                        new StageView(
                                            stage.displayName,
                                            stage.type,
                                            stage.branch,
                                            List.copyOf(stage.appIds),
                                            stage.autoCreateApp,
                                            stage.staleAppDays))
                                .toList(),
                            p.previewRepoUrl)));
  }

  /** The ids of the company's pipelines with this display name. */
  public List<String> pipelinesNamed(String companyId, String displayName) {
    return read(
        s ->
            s.pipelines.values().stream()
                .filter(p -> p.companyId.equals(companyId) && p.displayName.equals(displayName))
                .map(p -> p.id)
                .toList());
  }

  /** A plugin installed on an environment, with the update Kinsta offers for it, if any. */
  public void seedPlugin(
      String environmentId, String name, String version, @Nullable String updateVersion) {
    mutate(
        s -> {
          s.environment(environmentId)
              .orElseThrow()
              .plugins
              .add(new SimulatorState.Component(name, name, version, updateVersion));
        });
  }

  /** A backup of an environment made at {@code createdAt}; answers its id. */
  public long seedBackup(String environmentId, String type, String note, Instant createdAt) {
    return mutate(
        s -> {
          SimulatorState.Backup backup =
              new SimulatorState.Backup(s.nextBackupId(), type + " backup", note, type, createdAt);
          s.environment(environmentId).orElseThrow().backups.add(backup);
          return backup.id;
        });
  }

  /** A site that already exists (made in MyKinsta), with a live environment; answers its id. */
  public String seedSite(String companyId, String displayName) {
    return seedSite(companyId, displayName, SimulatorState.newId(), SimulatorState.newId());
  }

  /** A site with known ids for the site and its live environment. */
  public String seedSite(
      String companyId, String displayName, String siteId, String liveEnvironmentId) {
    return mutate(
        s -> {
          SimulatorState.Site site = wordpress.newSite(siteId, companyId, displayName);
          wordpress.newEnvironment(site, liveEnvironmentId, "live", "Live", false);
          site.status = "live";
          return site.id;
        });
  }

  /**
   * A Kinsta DNS zone of the company with the records Kinsta makes for a site's domain (the apex A
   * record and a {@code www} CNAME); answers its id.
   */
  public String seedDnsZone(String companyId, String domainName) {
    return seedDnsZone(companyId, domainName, null);
  }

  /** A zone as Kinsta makes it for a site's domain ({@code site_id} set), when siteId is given. */
  public String seedDnsZone(String companyId, String domainName, @Nullable String siteId) {
    return mutate(
        s -> {
          SimulatorState.DnsZone zone =
              new SimulatorState.DnsZone(SimulatorState.newId(), companyId, domainName);
          zone.siteId = siteId;
          zone.records.add(
              new SimulatorState.DnsRecord("A", domainName, 3600, List.of("34.120.0.10")));
          zone.records.add(
              new SimulatorState.DnsRecord(
                  "CNAME", "www." + domainName, 3600, List.of(domainName)));
          s.dnsZones.put(zone.id, zone);
          return zone.id;
        });
  }

  /**
   * An application that already exists (the API cannot create one), with a web process; answers its
   * id.
   */
  public String seedApplication(String companyId, String displayName) {
    return seedApplication(
        companyId, displayName, SimulatorState.newId(), SimulatorState.internalName(displayName));
  }

  /** An application with a given id and unique name, e.g. the one an example adopts. */
  public String seedApplication(String companyId, String displayName, String id, String name) {
    return mutate(
        s -> {
          Instant now = clock.instant();
          Application app = new Application(id, companyId, name, displayName, now);
          AppProcess web =
              new AppProcess(
                  SimulatorState.newId(),
                  app.id,
                  "web",
                  "Web process",
                  app.name + "-web." + app.name + ".svc.cluster.local",
                  8080,
                  now);
          web.entrypoint = "npm start";
          web.scalingStrategy =
              json.createObjectNode()
                  .put("type", "manual")
                  .set("config", json.createObjectNode().put("instanceCount", 1));
          app.processes.add(web);
          SimulatorState.Deployment first =
              new SimulatorState.Deployment(
                  SimulatorState.newId(),
                  app.id,
                  "main",
                  null,
                  "0a1b2c3d4e5f",
                  "Initial deployment",
                  now.minusSeconds(127));
          first.status = "success";
          first.finishesAt = now;
          app.deployments.add(first);
          s.applications.put(app.id, app);
          return app.id;
        });
  }

  /** A project of the company; answers its id. */
  public String seedProject(String companyId, String displayName) {
    return mutate(
        s -> {
          SimulatorState.Project project =
              new SimulatorState.Project(
                  SimulatorState.newId(),
                  companyId,
                  SimulatorState.internalName(displayName),
                  displayName);
          s.projects.put(project.id(), project);
          return project.id();
        });
  }

  /** A ready database that already exists; answers its id. */
  public String seedDatabase(String companyId, String displayName, String type) {
    return mutate(
        s -> {
          SimulatorState.Database db =
              new SimulatorState.Database(
                  SimulatorState.newId(),
                  companyId,
                  SimulatorState.internalName(displayName),
                  displayName,
                  type,
                  "16",
                  "us-central1",
                  "db1",
                  "app",
                  "redis".equals(type) ? null : "app",
                  UUID.randomUUID().toString(),
                  clock.instant(),
                  s.nextExternalPort());
          db.status = "ready";
          s.databases.put(db.id, db);
          return db.id;
        });
  }

  /**
   * Reads or changes the state under the simulator's lock, e.g. an out-of-band change made in
   * MyKinsta.
   */
  public <T> T mutate(Function<SimulatorState, T> change) {
    synchronized (state) {
      return change.apply(state);
    }
  }

  /** Reads the state under the simulator's lock. */
  public <T> T read(Function<SimulatorState, T> query) {
    return mutate(query);
  }

  public void mutate(Consumer<SimulatorState> change) {
    synchronized (state) {
      change.accept(state);
    }
  }

  /** Finishes every running operation, database change and deployment now. */
  public void completeAll() {
    mutate(
        s -> {
          Instant now = clock.instant();
          s.operations.values().stream()
              .filter(op -> !op.finished)
              .forEach(
                  op -> {
                    op.visibleAt = now;
                    op.doneAt = now;
                  });
          s.databases.values().stream()
              .filter(db -> db.settlesAt != null)
              .forEach(db -> db.settlesAt = now);
          s.applications
              .values()
              .forEach(
                  app -> {
                    app.deployments.stream()
                        .filter(d -> d.finishesAt != null)
                        .forEach(d -> d.finishesAt = now);
                    if (app.deletedAt != null) {
                      app.deletedAt = now;
                    }
                  });
          advance(now);
        });
  }

  public void addFault(Fault fault) {
    faults.add(fault);
  }

  public void clearFaults() {
    faults.clear();
  }

  public Journal journal() {
    return journal;
  }

  /** Answers the simulator gave that do not match the contract; empty when it is faithful. */
  public List<String> contractViolations() {
    return List.copyOf(violations);
  }

  /**
   * Every endpoint the simulator serves, as {@code "METHOD /path/{}"} (parameter names left out).
   */
  public java.util.Set<String> implementedEndpoints() {
    return java.util.Set.copyOf(routes.keySet());
  }

  /** Forgets the rate-limit history, e.g. between benchmark phases. */
  public void resetRateLimits() {
    limiter.reset();
  }

  @Override
  public void close() {
    await(server.close().toCompletionStage().toCompletableFuture());
    await(vertx.close().toCompletionStage().toCompletableFuture());
  }

  // ---- request handling

  private void handle(RoutingContext ctx, OpenApiContract contract, String prefix) {
    String method = ctx.request().method().name();
    String path = ctx.request().path().substring(prefix.length());
    String methodAndPath = method + " " + path;
    Instant now = clock.instant();

    String company = authenticate(ctx.request().getHeader("Authorization"), now);
    if (company == null) {
      reply(
          ctx,
          Journal.rejectedKey(ctx.request().getHeader("Authorization")),
          methodAndPath,
          null,
          null,
          Reply.error(401, "No or invalid API key provided to the request"),
          Map.of());
      return;
    }
    Optional<Fault> fault =
        faults.stream()
            .filter(f -> f.kind() != Fault.Kind.FAIL_OPERATION && f.take(methodAndPath, company))
            .findFirst();
    if (fault.isPresent()) {
      switch (fault.get().kind()) {
        case DROP -> {
          journal.add(new Journal.Entry(now, company, method, path, null, 0));
          ctx.request().connection().close();
          return;
        }
        case STATUS -> {
          reply(
              ctx,
              company,
              methodAndPath,
              null,
              null,
              Reply.error(fault.get().status(), fault.get().message()),
              Map.of());
          return;
        }
        case ECHO -> {
          String sent =
              ctx.body() == null || ctx.body().buffer() == null ? "" : ctx.body().asString();
          reply(
              ctx,
              company,
              methodAndPath,
              null,
              null,
              Reply.error(
                  fault.get().status(),
                  "Rejected request "
                      + sent
                      + " sent with "
                      + ctx.request().getHeader("Authorization")),
              Map.of());
          return;
        }
        case RATE_LIMIT -> {
          tooManyRequests(ctx, company, methodAndPath, fault.get().duration());
          return;
        }
        case LOSE_ANSWER -> ctx.put(LOSE_ANSWER, true);
        case ON_ARRIVAL -> fault.get().action().run();
        case ON_ARRIVAL_DROP -> {
          fault.get().action().run();
          journal.add(new Journal.Entry(now, company, method, path, null, 0));
          ctx.request().connection().close();
          return;
        }
        case AFTER_ANSWER -> ctx.put(AFTER_ANSWER, fault.get().action());
        case LATENCY -> {
          vertx.setTimer(
              Math.max(1, fault.get().duration().toMillis()),
              id -> serve(ctx, contract, company, method, path, clock.instant()));
          return;
        }
        default -> {}
      }
    }
    serve(ctx, contract, company, method, path, now);
  }

  private void serve(
      RoutingContext ctx,
      OpenApiContract contract,
      String company,
      String method,
      String path,
      Instant now) {
    String methodAndPath = method + " " + path;
    Optional<OpenApiContract.Match> match = contract.match(method, path);
    if (match.isEmpty()) {
      reply(
          ctx,
          company,
          methodAndPath,
          null,
          null,
          Reply.badRequest(
              "Bad request format: no " + methodAndPath + " in the " + contractName(contract)),
          Map.of());
      return;
    }
    OpenApiContract.Route route = match.get().route();
    String endpoint = route.key();
    SimulatorSettings limits = settings;
    String ip =
        ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().host();
    if (contract == sevallaContract) {
      SevallaTier tier =
          SevallaTier.of(
              route, match.get().pathParameters(), company, limits.perCompanyLimit() >= 10_000);
      Duration window = tier.window().dividedBy(sevallaClockSpeed);
      Optional<Duration> refused = limiter.admit(tier.key(), tier.limit(), window, now);
      Map<String, String> headers =
          Map.of(
              "x-ratelimit-limit",
              String.valueOf(tier.limit()),
              "x-ratelimit-remaining",
              String.valueOf(limiter.remaining(tier.key(), tier.limit(), window, now)),
              "x-ratelimit-reset",
              String.valueOf(limiter.resetSeconds(tier.key(), window, now)),
              "x-request-id",
              java.util.UUID.randomUUID().toString());
      ctx.put(RATE_HEADERS, headers);
      if (refused.isPresent()) {
        tooManyRequests(ctx, company, methodAndPath, refused.get());
        return;
      }
    }
    Optional<Duration> limited =
        limiter
            .admit("ip:" + ip, limits.perIpLimit(), limits.rateWindow(), now)
            .or(
                () ->
                    contract == sevallaContract
                        ? Optional.empty()
                        : limiter.admit(
                            "company:" + company,
                            limits.perCompanyLimit(),
                            limits.rateWindow(),
                            now))
            .or(
                () ->
                    CREATIONS.contains(endpoint)
                        ? limiter.admit(
                            "create:" + company, limits.creationLimit(), limits.rateWindow(), now)
                        : Optional.empty());
    if (limited.isPresent()) {
      tooManyRequests(ctx, company, methodAndPath, limited.get());
      return;
    }
    Map<String, String> query = new LinkedHashMap<>();
    ctx.queryParams().forEach(entry -> query.put(entry.getKey(), entry.getValue()));
    JsonNode body;
    try {
      body =
          ctx.body() == null || ctx.body().buffer() == null || ctx.body().length() <= 0
              ? null
              : json.readTree(ctx.body().buffer().getBytes());
    } catch (IOException notJson) {
      reply(
          ctx,
          company,
          methodAndPath,
          route,
          contract,
          Reply.badRequest("Bad request format: body is not JSON"),
          Map.of());
      return;
    }
    List<String> problems = contract.validateRequest(match.get(), query, body);
    if (!problems.isEmpty()) {
      reply(
          ctx,
          company,
          methodAndPath,
          route,
          contract,
          Reply.badRequest("Bad request format: " + String.join("; ", problems)),
          Map.of());
      return;
    }
    Handler handler =
        routes.get(route.method() + " " + route.template().replaceAll("\\{[^}]+}", "{}"));
    if (handler == null) {
      reply(
          ctx,
          company,
          methodAndPath,
          route,
          contract,
          Reply.error(501, "The simulator does not implement " + endpoint),
          Map.of());
      return;
    }
    Exchange exchange =
        new Exchange(company, methodAndPath, match.get().pathParameters(), query, body, now);
    Reply answer;
    synchronized (state) {
      advance(now);
      answer = handler.handle(exchange);
      if (!"GET".equals(method) && answer.status() / 100 == 2) {
        logApiActivity(exchange, route.template(), ctx.request().getHeader("Authorization"));
      }
    }
    reply(ctx, company, methodAndPath, route, contract, answer, Map.of());
  }

  /**
   * Every write Kinsta accepted goes into the company's activity log, as Kinsta logs what an API
   * key did: the site it concerns, a type named after the endpoint, and the key.
   */
  private void logApiActivity(Exchange exchange, String template, String authorization) {
    String siteId = exchange.pathParameters.get("site_id");
    String environmentId =
        exchange.pathParameters.getOrDefault(
            "env_id",
            exchange.pathParameters.getOrDefault(
                "target_env_id", exchange.body.path("environment_id").asText(null)));
    if (siteId == null && environmentId != null) {
      siteId = state.environment(environmentId).map(env -> env.siteId).orElse(null);
    }
    String[] segments = template.split("/");
    String last = segments[segments.length - 1];
    for (int i = segments.length - 1; i > 0 && last.startsWith("{"); i--) {
      last = segments[i - 1];
    }
    StringBuilder type = new StringBuilder(exchange.methodAndPath.split(" ")[0].toLowerCase());
    for (String word : last.split("-")) {
      type.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    SimulatorState.ActivityEntry entry =
        state.logActivity(
            exchange.company,
            siteId,
            exchange.now,
            type.toString(),
            "API request " + exchange.methodAndPath.split(" ")[0] + " " + template);
    entry.apiKey = state.apiKeys.get(authorization.substring("Bearer ".length()).strip());
  }

  /**
   * Something a user of the company did in MyKinsta (not through the API), as the activity log
   * shows it; answers the entry's id.
   */
  public long recordMyKinstaActivity(
      String companyId, @Nullable String siteId, String type, String description) {
    return mutate(
        s -> {
          SimulatorState.ActivityEntry entry =
              s.logActivity(companyId, siteId, clock.instant(), type, description);
          entry.user = s.companies.get(companyId).users.get(0);
          return entry.id;
        });
  }

  private String authenticate(String authorization, Instant now) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return null;
    }
    synchronized (state) {
      SimulatorState.ApiKeyRecord key =
          state.apiKeys.get(authorization.substring("Bearer ".length()).strip());
      if (key == null
          || !"active".equals(key.status)
          || (key.expiresAt != null && now.isAfter(key.expiresAt))) {
        return null;
      }
      return key.companyId;
    }
  }

  private void tooManyRequests(
      RoutingContext ctx, String company, String methodAndPath, Duration wait) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    reply(
        ctx,
        company,
        methodAndPath,
        null,
        null,
        Reply.error(429, "Too many requests, please try again later."),
        Map.of("Retry-After", String.valueOf(seconds)));
  }

  private void reply(
      RoutingContext ctx,
      String company,
      String methodAndPath,
      OpenApiContract.Route route,
      OpenApiContract contract,
      Reply answer,
      Map<String, String> headers) {
    if (ctx.request().path().startsWith(SEVALLA_PREFIX)) {
      answer = SevallaTier.sevallaShape(answer);
      Map<String, String> rate = ctx.get(RATE_HEADERS);
      if (rate != null) {
        Map<String, String> all = new java.util.HashMap<>(rate);
        all.putAll(headers);
        headers = all;
      }
    }
    if (route != null && contract != null) {
      violations.addAll(contract.validateResponse(route, answer.status(), answer.body()));
    }
    int space = methodAndPath.indexOf(' ');
    boolean lost = Boolean.TRUE.equals(ctx.get(LOSE_ANSWER));
    journal.add(
        new Journal.Entry(
            clock.instant(),
            company,
            methodAndPath.substring(0, space),
            methodAndPath.substring(space + 1),
            route == null ? null : route.template(),
            lost ? 0 : answer.status()));
    if (lost) {
      ctx.request().connection().close();
      return;
    }
    var response =
        ctx.response().setStatusCode(answer.status()).putHeader("Content-Type", "application/json");
    headers.forEach(response::putHeader);
    if (answer.status() == 204) {
      response.end();
      return;
    }
    try {
      response.end(io.vertx.core.buffer.Buffer.buffer(json.writeValueAsBytes(answer.body())));
    } catch (IOException unserialisable) {
      response.setStatusCode(500).end();
    }
    Runnable afterAnswer = ctx.get(AFTER_ANSWER);
    if (afterAnswer != null) {
      afterAnswer.run();
    }
  }

  // ---- operations

  private Reply startOperation(
      Exchange exchange,
      String kind,
      String message,
      Supplier<JsonNode> effect,
      Runnable onFailure) {
    SimulatorSettings timing = settings;
    Instant visible = exchange.now.plus(timing.operationGrace());
    Operation operation =
        new Operation(
            kind + "-" + UUID.randomUUID(),
            exchange.company,
            visible,
            visible.plus(timing.operationDuration()),
            effect,
            onFailure);
    failureFor(exchange).ifPresent(failure -> operation.failureMessage = failure);
    state.operations.put(operation.id, operation);
    ObjectNode body = Exchange.object();
    body.put("operation_id", operation.id).put("message", message).put("status", 202);
    return new Reply(202, body);
  }

  private Optional<String> failureFor(Exchange exchange) {
    return faults.stream()
        .filter(
            f ->
                f.kind() == Fault.Kind.FAIL_OPERATION
                    && f.take(exchange.methodAndPath, exchange.company))
        .findFirst()
        .map(Fault::message);
  }

  private Reply operationStatus(Exchange x) {
    Operation operation = state.operations.get(x.path("operation_id"));
    if (operation == null
        || !operation.companyId.equals(x.company)
        || x.now.isBefore(operation.visibleAt)) {
      return Reply.notFound();
    }
    ObjectNode body = Exchange.object();
    if (!operation.finished) {
      body.put("status", 202).put("message", "Operation in progress").putNull("data");
      return new Reply(202, body);
    }
    if (operation.failed()) {
      body.put("message", operation.failureMessage).put("status", 500).putNull("data");
      return new Reply(settings.failedOperationsAnswer200() ? 200 : 500, body);
    }
    body.put("message", "Successfully finished request").put("status", 200);
    body.set("data", operation.data == null ? body.nullNode() : operation.data);
    return new Reply(200, body);
  }

  private void advance(Instant now) {
    for (Operation operation : new ArrayList<>(state.operations.values())) {
      if (!operation.finished && !now.isBefore(operation.doneAt)) {
        operation.finished = true;
        if (operation.failureMessage == null) {
          operation.data = operation.effect.get();
        } else if (operation.onFailure != null) {
          operation.onFailure.run();
        }
      }
    }
    sevalla.advance(now);
  }

  private String contractName(OpenApiContract contract) {
    return contract == kinstaContract ? "Kinsta API contract" : "Sevalla v3 API contract";
  }

  private static <T> T await(java.util.concurrent.CompletableFuture<T> future) {
    try {
      return future.get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("simulator could not start or stop: " + e.getMessage(), e);
    }
  }
}
