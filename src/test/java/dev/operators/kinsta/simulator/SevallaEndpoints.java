package dev.operators.kinsta.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.operators.kinsta.simulator.Exchange.Handler;
import dev.operators.kinsta.simulator.Exchange.Reply;
import dev.operators.kinsta.simulator.SimulatorState.AppProcess;
import dev.operators.kinsta.simulator.SimulatorState.Application;
import dev.operators.kinsta.simulator.SimulatorState.Connection;
import dev.operators.kinsta.simulator.SimulatorState.Database;
import dev.operators.kinsta.simulator.SimulatorState.Deployment;
import dev.operators.kinsta.simulator.SimulatorState.StaticDeployment;
import dev.operators.kinsta.simulator.SimulatorState.StaticSite;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Sevalla's v3 endpoints the operator uses: applications (created from Git or an image, deployed,
 * their processes), databases (created with the password the caller gives, never returned),
 * internal connections under a database, static sites, projects and the reference lists. Objects
 * move on over time: a database {@code creating} → {@code ready} after {@link
 * SimulatorSettings#provisioningDelay()}, a deployment {@code waiting} → {@code success} or {@code
 * failed} after {@link SimulatorSettings#deploymentDuration()}.
 */
final class SevallaEndpoints {
  private static final List<String> DATABASE_SIZES =
      List.of("db1", "db2", "db3", "db4", "db5", "db6", "db7", "db8", "db9");

  private final SimulatorState state;
  private final Supplier<SimulatorSettings> settings;
  private final Faults faults;

  /** Lets a request be marked to fail later (a failed deployment), as fault injection asks. */
  interface Faults {
    Optional<String> failureFor(Exchange exchange);
  }

  SevallaEndpoints(SimulatorState state, Supplier<SimulatorSettings> settings, Faults faults) {
    this.state = state;
    this.settings = settings;
    this.faults = faults;
  }

  void register(Map<String, Handler> routes) {
    routes.put("GET /resources/clusters", x -> Reply.ok(clusters()));
    routes.put("GET /resources/database-resource-types", x -> Reply.ok(databaseSizes()));
    routes.put(
        "GET /projects",
        x ->
            page(
                x,
                state.projects.values().stream().filter(p -> p.companyId().equals(x.company)),
                (items, p) ->
                    items
                        .addObject()
                        .put("id", p.id())
                        .put("name", p.name())
                        .put("display_name", p.displayName())
                        .put("created_at", "2026-01-05T09:00:00.000Z")
                        .put("updated_at", "2026-01-05T09:00:00.000Z")));
    registerRegistryCredentials(routes);
    registerDatabases(routes);
    registerApplications(routes);
    registerStaticSites(routes);
    new SevallaServiceEndpoints(this, settings).register(routes);
    new SevallaPipelineEndpoints(state).register(routes);
  }

  // ---- registry credentials

  private void registerRegistryCredentials(Map<String, Handler> routes) {
    routes.put(
        "GET /docker-registries",
        x ->
            page(
                x,
                state.registryCredentials.values().stream()
                    .filter(c -> c.companyId.equals(x.company)),
                (items, c) -> items.add(credential(c))));
    routes.put(
        "POST /docker-registries",
        x -> {
          SimulatorState.RegistryCredential credential =
              new SimulatorState.RegistryCredential(
                  x.company,
                  x.text("name"),
                  x.text("registry") == null ? "dockerHub" : x.text("registry"),
                  x.text("username"),
                  x.text("secret"),
                  x.now);
          state.registryCredentials.put(credential.id, credential);
          return created(201, credential(credential));
        });
    routes.put(
        "PATCH /docker-registries/{id}",
        x ->
            withCredential(
                x,
                c -> {
                  if (x.text("username") != null) {
                    c.username = x.text("username");
                  }
                  if (x.text("secret") != null) {
                    c.secret = x.text("secret");
                  }
                  return Reply.ok(credential(c));
                }));
    routes.put(
        "DELETE /docker-registries/{id}",
        x ->
            withCredential(
                x,
                c -> {
                  state.registryCredentials.remove(c.id);
                  return message("Docker registry credential deleted");
                }));
  }

  private static ObjectNode credential(SimulatorState.RegistryCredential c) {
    return Exchange.object()
        .put("id", c.id)
        .put("company_id", c.companyId)
        .put("name", c.name)
        .put("registry", c.registry)
        .put("username", c.username)
        .put("created_at", iso(c.createdAt))
        .put("updated_at", iso(c.createdAt));
  }

  private Reply withCredential(
      Exchange x, Function<SimulatorState.RegistryCredential, Reply> action) {
    return Optional.ofNullable(state.registryCredentials.get(x.path("id")))
        .filter(c -> c.companyId.equals(x.company))
        .map(action)
        .orElse(Reply.notFound());
  }

  // ---- databases

  private void registerDatabases(Map<String, Handler> routes) {
    routes.put(
        "GET /databases",
        x ->
            page(
                x,
                state.databases.values().stream().filter(db -> db.companyId.equals(x.company)),
                (items, db) -> {
                  ObjectNode item = items.addObject();
                  item.put("id", db.id)
                      .put("name", db.name)
                      .put("display_name", db.displayName)
                      .put("status", db.status)
                      .put("type", db.type)
                      .put("version", db.version)
                      .put("resource_type_name", db.resourceType)
                      .put("is_suspended", false)
                      .put("created_at", iso(db.createdAt))
                      .put("updated_at", iso(db.createdAt));
                }));
    routes.put("GET /databases/{id}", x -> withDatabase(x, db -> Reply.ok(database(db))));
    routes.put("POST /databases", this::createDatabase);
    routes.put(
        "PATCH /databases/{id}",
        x ->
            withDatabase(
                x,
                db -> {
                  if (x.text("display_name") != null) {
                    db.displayName = x.text("display_name");
                  }
                  if (x.text("resource_type_id") != null) {
                    Optional<String> size =
                        DATABASE_SIZES.stream()
                            .filter(
                                name ->
                                    SimulatorState.databaseSizeId(name)
                                        .equals(x.text("resource_type_id")))
                            .findFirst();
                    if (size.isEmpty()) {
                      return invalid("resource_type_id", "Unknown resource type");
                    }
                    db.resourceType = size.get();
                    settle(db, "updating", "ready", x.now);
                  }
                  return created(200, summary(db));
                }));
    routes.put(
        "POST /databases/{id}/reset-password",
        x ->
            withDatabase(
                x,
                db -> {
                  db.dbPassword = x.text("new_password");
                  settle(db, "passwordChange", "ready", x.now);
                  return message("Database password reset started");
                }));
    routes.put(
        "DELETE /databases/{id}",
        x ->
            withDatabase(
                x,
                db -> {
                  if ("creating".equals(db.status) || "updating".equals(db.status)) {
                    return Reply.badRequest("The database cannot be deleted while " + db.status);
                  }
                  settle(db, "deleting", "deleted", x.now);
                  state.connections.removeIf(
                      c -> c.sourceId().equals(db.id) || c.targetId().equals(db.id));
                  return message("Database deletion started");
                }));
    routes.put(
        "GET /databases/{id}/internal-connections",
        x ->
            withDatabase(
                x,
                db -> {
                  ArrayNode list = JsonNodeFactory.instance.arrayNode();
                  state.connections.stream()
                      .filter(c -> c.sourceId().equals(db.id) || c.targetId().equals(db.id))
                      .forEach(c -> connection(list.addObject(), c));
                  return Reply.ok(list);
                }));
    routes.put(
        "POST /databases/{id}/internal-connections",
        x ->
            withDatabase(
                x,
                db -> {
                  String targetId = x.text("target_id");
                  boolean toApp = "app".equals(x.text("target_type"));
                  boolean exists =
                      toApp
                          ? ownApplication(x, targetId).isPresent()
                          : Optional.ofNullable(state.databases.get(targetId))
                              .filter(other -> other.companyId.equals(x.company))
                              .isPresent();
                  if (!exists) {
                    return Reply.notFound();
                  }
                  Connection connection =
                      new Connection(
                          SimulatorState.newId(),
                          db.id,
                          "dbResource",
                          targetId,
                          toApp ? "appResource" : "dbResource");
                  state.connections.add(connection);
                  return created(201, Exchange.object().put("id", connection.id()));
                }));
    routes.put(
        "DELETE /databases/{id}/internal-connections/{connection_id}",
        x ->
            withDatabase(
                x,
                db ->
                    state.connections.removeIf(
                            c ->
                                c.id().equals(x.path("connection_id"))
                                    && (c.sourceId().equals(db.id) || c.targetId().equals(db.id)))
                        ? message("Internal connection deleted")
                        : Reply.notFound()));
  }

  private Reply createDatabase(Exchange x) {
    Optional<SimulatorState.Cluster> cluster = cluster(x.text("cluster_id"));
    if (cluster.isEmpty()) {
      return invalid("cluster_id", "Unknown cluster");
    }
    Optional<String> size =
        DATABASE_SIZES.stream()
            .filter(name -> SimulatorState.databaseSizeId(name).equals(x.text("resource_type_id")))
            .findFirst();
    if (size.isEmpty()) {
      return invalid("resource_type_id", "Unknown resource type");
    }
    Database db =
        new Database(
            SimulatorState.newId(),
            x.company,
            SimulatorState.internalName(x.text("display_name")),
            x.text("display_name"),
            x.text("type"),
            x.text("version"),
            cluster.get().location(),
            size.get(),
            x.text("db_name"),
            x.text("db_user"),
            x.text("db_password"),
            x.now,
            state.nextExternalPort());
    state.databases.put(db.id, db);
    settle(db, "creating", faults.failureFor(x).isPresent() ? "error" : "ready", x.now);
    return created(201, summary(db));
  }

  private ObjectNode summary(Database db) {
    ObjectNode json = Exchange.object();
    json.put("id", db.id).put("company_id", db.companyId).putNull("project_id");
    json.put("name", db.name)
        .put("display_name", db.displayName)
        .put("type", db.type)
        .put("version", db.version)
        .put("status", db.status)
        .put("is_suspended", db.suspended)
        .put("resource_type_name", db.resourceType)
        .put("created_at", iso(db.createdAt))
        .put("updated_at", iso(db.createdAt));
    return json;
  }

  private ObjectNode database(Database db) {
    SimulatorState.Cluster cluster =
        SimulatorState.CLUSTERS.stream()
            .filter(c -> c.location().equals(db.location))
            .findFirst()
            .orElse(SimulatorState.CLUSTERS.get(0));
    ObjectNode json = summary(db);
    json.remove("resource_type_name");
    json.put("cluster_id", cluster.id())
        .put("cluster_display_name", cluster.displayName())
        .put("cluster_location", cluster.location())
        .put("resource_type_id", SimulatorState.databaseSizeId(db.resourceType))
        .put("resource_type_name", db.resourceType)
        .put("cpu_limit", 250)
        .put("memory_limit", 250)
        .put("storage_size", 1000)
        .put("db_name", "redis".equals(db.type) || "valkey".equals(db.type) ? "0" : db.dbName)
        .put("internal_hostname", db.internalHostname())
        .put("internal_port", String.valueOf(db.internalPort()))
        .put("external_hostname", db.externalConnection ? db.externalHostname() : null)
        .put("external_port", db.externalConnection ? String.valueOf(db.externalPort) : null);
    return json;
  }

  private void connection(ObjectNode json, Connection c) {
    json.put("id", c.id())
        .put("source_id", c.sourceId())
        .put("source_type", c.sourceType())
        .put("source_name", nameOf(c.sourceId()))
        .put("source_display_name", nameOf(c.sourceId()))
        .put("target_id", c.targetId())
        .put("target_type", c.targetType())
        .put("target_name", nameOf(c.targetId()))
        .put("target_display_name", nameOf(c.targetId()));
  }

  private @Nullable String nameOf(String id) {
    Database db = state.databases.get(id);
    if (db != null) {
      return db.name;
    }
    Application app = state.applications.get(id);
    return app == null ? null : app.name;
  }

  // ---- applications

  private void registerApplications(Map<String, Handler> routes) {
    routes.put(
        "GET /applications",
        x ->
            page(
                x,
                state.applications.values().stream()
                    .filter(app -> app.companyId.equals(x.company) && app.deletedAt == null),
                (items, app) ->
                    items
                        .addObject()
                        .put("id", app.id)
                        .put("name", app.name)
                        .put("display_name", app.displayName)
                        .put("status", app.status)
                        .put("type", "app")
                        .put("source", app.source)
                        .put("is_suspended", app.suspended)
                        .put("created_at", iso(app.createdAt))
                        .put("updated_at", iso(app.updatedAt))));
    routes.put(
        "GET /applications/{id}",
        x -> withApplication(x, app -> Reply.ok(withReadOnlyFields(application(app), app))));
    routes.put("POST /applications", this::createApplication);
    routes.put(
        "PATCH /applications/{id}",
        x -> withApplication(x, app -> Reply.ok(updateApplication(x, app))));
    routes.put(
        "DELETE /applications/{id}",
        x ->
            withApplication(
                x,
                app -> {
                  if ("deploymentInProgress".equals(app.status)) {
                    return Reply.badRequest(
                        "The application cannot be deleted while a deployment is in progress");
                  }
                  app.deletedAt = x.now.plus(settings.get().provisioningDelay());
                  app.status = "deleting";
                  state.connections.removeIf(
                      c -> c.sourceId().equals(app.id) || c.targetId().equals(app.id));
                  state.pipelines.values().stream()
                      .flatMap(pipeline -> pipeline.stages.stream())
                      .forEach(stage -> stage.appIds.remove(app.id));
                  return message("Application deletion started");
                }));
    routes.put(
        "GET /applications/{id}/processes",
        x -> withApplication(x, app -> page(x, app.processes.stream(), this::process)));
    routes.put(
        "PATCH /applications/{id}/processes/{process_id}",
        x ->
            withApplication(
                x,
                app -> {
                  Optional<AppProcess> process =
                      app.processes.stream()
                          .filter(p -> p.id.equals(x.path("process_id")))
                          .findFirst();
                  if (process.isEmpty()) {
                    return Reply.notFound();
                  }
                  if (x.body.has("scaling_strategy")) {
                    process.get().scalingStrategy = x.body.get("scaling_strategy");
                  }
                  if (x.text("entrypoint") != null) {
                    process.get().entrypoint = x.text("entrypoint");
                  }
                  if (x.text("resource_type_id") != null) {
                    Optional<String> size =
                        SevallaServiceEndpoints.processSize(x.text("resource_type_id"));
                    if (size.isEmpty()) {
                      return invalid("resource_type_id", "Unknown process resource type");
                    }
                    process.get().resourceType = size.get();
                  }
                  if (x.text("schedule") != null) {
                    process.get().schedule = x.text("schedule");
                  }
                  if (x.text("time_zone") != null) {
                    process.get().timeZone = x.text("time_zone");
                  }
                  if (x.body.path("port").isInt()) {
                    process.get().port = x.body.path("port").asInt();
                  }
                  SevallaServiceEndpoints.probesAndJob(x, process.get());
                  app.updatedAt = x.now;
                  process.get().updatedAt = x.now;
                  ArrayNode one = JsonNodeFactory.instance.arrayNode();
                  process(one, process.get());
                  return Reply.ok(one.get(0));
                }));
    routes.put(
        "POST /applications/{id}/deployments",
        x -> withApplication(x, app -> Reply.ok(deployment(deploy(x, app, null)))));
    routes.put(
        "GET /applications/{id}/deployments",
        x ->
            withApplication(
                x,
                app -> page(x, app.deployments.stream(), (items, d) -> items.add(deployment(d)))));
    routes.put(
        "GET /applications/{id}/deployments/{deployment_id}",
        x ->
            withApplication(
                x,
                app ->
                    app.deployments.stream()
                        .filter(d -> d.id.equals(x.path("deployment_id")))
                        .findFirst()
                        .map(d -> Reply.ok(deployment(d)))
                        .orElse(Reply.notFound())));
    routes.put(
        "POST /applications/{id}/cdn/toggle",
        x ->
            withApplication(
                x,
                app -> {
                  app.cdnEnabled = !app.cdnEnabled;
                  return Reply.ok(Exchange.object().put("is_turned_on", app.cdnEnabled));
                }));
    routes.put(
        "POST /applications/{id}/purge-cache",
        x -> withApplication(x, app -> message("Cache purge started")));
    routes.put("POST /pipelines/{id}/promote", this::promote);
    routes.put(
        "GET /applications/{id}/metrics/requests-per-minute",
        x ->
            withApplication(
                x,
                app -> {
                  ArrayNode points = JsonNodeFactory.instance.arrayNode();
                  points
                      .addObject()
                      .put("time", iso(x.now.minusSeconds(120)))
                      .put("value", app.httpRequestsPerHour / 60.0 - 1);
                  points
                      .addObject()
                      .put("time", iso(x.now.minusSeconds(60)))
                      .put("value", app.httpRequestsPerHour / 60.0);
                  return Reply.ok(points);
                }));
    routes.put(
        "GET /applications/{id}/metrics/response-time-avg",
        x ->
            withApplication(
                x,
                app ->
                    Reply.ok(
                        Exchange.object().put("average_response_time_ms", app.responseTimeMs))));
  }

  private Reply createApplication(Exchange x) {
    if (cluster(x.text("cluster_id")).isEmpty()) {
      return invalid("cluster_id", "Unknown cluster");
    }
    String source = x.text("source");
    if (!"dockerImage".equals(source) && x.text("repo_url") == null) {
      return invalid("repo_url", "repo_url is required for Git sources");
    }
    if ("dockerImage".equals(source) && x.text("docker_image") == null) {
      return invalid("docker_image", "docker_image is required for Docker image sources");
    }
    String displayName = x.text("display_name");
    Application app =
        new Application(
            SimulatorState.newId(),
            x.company,
            SimulatorState.internalName(displayName),
            displayName,
            x.now);
    app.status = null;
    app.source = source;
    app.clusterId = x.text("cluster_id");
    app.projectId = x.text("project_id");
    app.gitType = "dockerImage".equals(source) ? null : x.text("git_type");
    app.repoUrl = x.text("repo_url");
    app.dockerImage = x.text("docker_image");
    app.dockerRegistryCredentialId = x.text("docker_registry_credential_id");
    app.defaultBranch = x.text("default_branch") == null ? "main" : x.text("default_branch");
    app.autoDeploy = false;
    AppProcess web =
        new AppProcess(
            SimulatorState.newId(),
            app.id,
            "web",
            "Web process",
            app.name + "-web." + app.name + ".svc.cluster.local",
            8080,
            x.now);
    web.entrypoint = "";
    web.scalingStrategy =
        Exchange.object()
            .put("type", "manual")
            .set("config", Exchange.object().put("instanceCount", 1));
    app.processes.add(web);
    state.applications.put(app.id, app);
    return created(201, application(app));
  }

  private ObjectNode updateApplication(Exchange x, Application app) {
    if (x.text("display_name") != null) {
      app.displayName = x.text("display_name");
    }
    if (x.text("build_type") != null) {
      app.buildType = x.text("build_type");
    }
    if (x.text("build_path") != null) {
      app.buildPath = x.text("build_path");
    }
    if (x.text("dockerfile_path") != null) {
      app.dockerFilePath = x.text("dockerfile_path");
    }
    if (x.text("docker_context") != null) {
      app.dockerContext = x.text("docker_context");
    }
    if (x.text("default_branch") != null) {
      app.defaultBranch = x.text("default_branch");
    }
    app.autoDeploy = x.flag("auto_deploy", app.autoDeploy);
    app.hibernationEnabled = x.flag("hibernation_enabled", app.hibernationEnabled);
    if (x.body.path("hibernate_after_seconds").isNumber()) {
      app.hibernateAfterSeconds = x.body.path("hibernate_after_seconds").asLong();
    }
    app.updatedAt = x.now;
    return application(app);
  }

  private ObjectNode application(Application app) {
    ObjectNode json = Exchange.object();
    json.put("id", app.id).put("company_id", app.companyId);
    putNullable(json, "project_id", app.projectId);
    json.put("name", app.name)
        .put("namespace", app.name + "-ns")
        .put("display_name", app.displayName)
        .put("source", app.source)
        .put("type", "app");
    putNullable(json, "status", app.status);
    json.put("build_cache_enabled", true).put("hibernation_enabled", app.hibernationEnabled);
    if (app.hibernateAfterSeconds == null) {
      json.putNull("hibernate_after_seconds");
    } else {
      json.put("hibernate_after_seconds", app.hibernateAfterSeconds);
    }
    json.put("auto_deploy", app.autoDeploy).put("is_suspended", app.suspended);
    putNullable(json, "git_type", app.gitType);
    putNullable(json, "repo_url", app.repoUrl);
    putNullable(json, "default_branch", app.defaultBranch);
    putNullable(json, "docker_image", app.dockerImage);
    json.put("build_type", app.buildType)
        .put("build_path", app.buildPath)
        .putNull("pack_builder")
        .putNull("nixpacks_version")
        .put("dockerfile_path", app.dockerFilePath)
        .put("docker_context", app.dockerContext);
    json.putArray("allow_deploy_paths");
    json.putArray("ignore_deploy_paths");
    json.putNull("created_by")
        .put("created_at", iso(app.createdAt))
        .put("updated_at", iso(app.updatedAt));
    return json;
  }

  /** What only {@code GET /applications/{id}} answers, beyond the create and update answers. */
  private static ObjectNode withReadOnlyFields(ObjectNode json, Application app) {
    json.putArray("buildpacks");
    json.put("cluster_id", app.clusterId);
    putNullable(json, "docker_registry_credential_id", app.dockerRegistryCredentialId);
    return json;
  }

  void process(ArrayNode items, AppProcess process) {
    ObjectNode json = items.addObject();
    json.put("id", process.id)
        .put("app_id", process.appId)
        .put("key", process.type)
        .put(
            "type",
            process.kind != null ? process.kind : "web".equals(process.type) ? "web" : "worker")
        .put("display_name", process.displayName)
        .put("entrypoint", process.entrypoint == null ? "" : process.entrypoint)
        .put("port", process.port != null ? process.port : process.internalPort)
        .put(
            "is_ingress_enabled",
            process.ingressEnabled != null ? process.ingressEnabled : "web".equals(process.type))
        .put("ingress_protocol", process.ingressProtocol);
    json.set("scaling_strategy", process.scalingStrategy);
    json.set("liveness_probe", probeOrNull(process.livenessProbe));
    json.set("readiness_probe", probeOrNull(process.readinessProbe));
    json.put("resource_type_id", SimulatorState.databaseSizeId("process-" + process.resourceType))
        .put("resource_type_name", process.resourceType)
        .put("cpu_limit", 500)
        .put("memory_limit", 512)
        .put("schedule", process.schedule)
        .put("time_zone", process.timeZone)
        .put("job_start_policy", process.jobStartPolicy)
        .put("internal_hostname", process.internalHostname)
        .put("created_at", iso(process.createdAt))
        .put("updated_at", iso(process.updatedAt));
  }

  private static JsonNode probeOrNull(@Nullable JsonNode probe) {
    return probe == null ? JsonNodeFactory.instance.nullNode() : probe;
  }

  /** A new deployment of the application: the given branch or image, else the app's own. */
  Deployment deploy(Exchange x, Application app, @Nullable String commitMessage) {
    String branch =
        "dockerImage".equals(app.source)
            ? null
            : x.text("branch") == null ? app.defaultBranch : x.text("branch");
    String image =
        "dockerImage".equals(app.source)
            ? (x.text("docker_image") == null ? app.dockerImage : x.text("docker_image"))
            : null;
    Deployment deployment =
        new Deployment(
            SimulatorState.newId(),
            app.id,
            branch,
            image,
            SimulatorState.newId().replace("-", "").substring(0, 12),
            commitMessage != null
                ? commitMessage
                : branch != null ? "Deploy " + branch : "Deploy " + image,
            x.now);
    deployment.status = "waiting";
    deployment.finishesAt = x.now.plus(settings.get().deploymentDuration());
    deployment.willFail = faults.failureFor(x).isPresent();
    app.deployments.add(0, deployment);
    app.status = "deploymentInProgress";
    app.updatedAt = x.now;
    return deployment;
  }

  ObjectNode deployment(Deployment d) {
    ObjectNode json = Exchange.object();
    json.put("id", d.id).put("app_id", d.appId).put("status", d.status).put("type", "manual");
    json.put("trigger", "MANUAL_DEPLOY");
    json.putArray("steps").add("checkout").add("build").add("rollout");
    putNullable(json, "docker_image_url", d.dockerImage);
    json.putNull("git_type");
    json.putNull("repo_url");
    putNullable(json, "branch", d.branch);
    json.put("commit_sha", d.commitSha).put("commit_message", d.commitMessage);
    json.putNull("author_login").putNull("author_img");
    boolean started = !"waiting".equals(d.status);
    boolean finished = "success".equals(d.status) || "failed".equals(d.status);
    if (started) {
      json.put("started_at", iso(d.createdAt));
    } else {
      json.putNull("started_at");
    }
    if (finished) {
      json.put("finished_at", iso(d.finishesAt == null ? d.createdAt : d.finishesAt));
    } else {
      json.putNull("finished_at");
    }
    json.put("created_at", iso(d.createdAt)).put("updated_at", iso(d.createdAt));
    return json;
  }

  /** Deploys the source's newest build onto each target, one new deployment each. */
  private Reply promote(Exchange x) {
    boolean pipeline =
        Optional.ofNullable(state.pipelines.get(x.path("id")))
            .filter(p -> p.companyId.equals(x.company))
            .isPresent();
    if (!pipeline) {
      return Reply.notFound();
    }
    Optional<Application> source = ownApplication(x, x.text("source_app_id"));
    if (source.isEmpty() || source.get().deployments.isEmpty()) {
      return Reply.notFound();
    }
    ArrayNode promoted = JsonNodeFactory.instance.arrayNode();
    for (JsonNode id : x.body.path("target_app_ids")) {
      Optional<Application> target = ownApplication(x, id.asText());
      if (target.isEmpty()) {
        return Reply.notFound();
      }
      Deployment deployment = deploy(x, target.get(), "Promoted from " + source.get().displayName);
      promoted
          .addObject()
          .put("target_app_id", target.get().id)
          .put("deployment_id", deployment.id);
    }
    return Reply.ok(promoted);
  }

  // ---- static sites

  private void registerStaticSites(Map<String, Handler> routes) {
    routes.put(
        "GET /static-sites",
        x ->
            page(
                x,
                state.staticSites.values().stream()
                    .filter(site -> site.companyId.equals(x.company) && !site.deleted),
                (items, site) -> {
                  ObjectNode item = items.addObject();
                  item.put("id", site.id)
                      .put("name", site.name)
                      .put("display_name", site.displayName);
                  putNullable(item, "status", site.status);
                }));
    routes.put("GET /static-sites/{id}", x -> withSite(x, site -> Reply.ok(staticSite(site))));
    routes.put("POST /static-sites", this::createStaticSite);
    routes.put("PATCH /static-sites/{id}", x -> withSite(x, site -> Reply.ok(updateSite(x, site))));
    routes.put(
        "DELETE /static-sites/{id}",
        x ->
            withSite(
                x,
                site -> {
                  site.deleted = true;
                  site.status = "deleting";
                  return message("Static site deletion started");
                }));
    routes.put(
        "POST /static-sites/{id}/deployments",
        x ->
            withSite(
                x,
                site -> {
                  String redeploy = x.text("deployment_id");
                  String branch =
                      redeploy != null
                          ? site.deployments.stream()
                              .filter(d -> d.id.equals(redeploy))
                              .map(d -> d.branch)
                              .findFirst()
                              .orElse(site.defaultBranch)
                          : x.text("branch") == null ? site.defaultBranch : x.text("branch");
                  StaticDeployment deployment =
                      deploySite(x, site, branch, redeploy != null ? "Redeploy" : "Deploy");
                  return created(201, staticDeployment(site, deployment));
                }));
    routes.put(
        "GET /static-sites/{id}/deployments",
        x ->
            withSite(
                x,
                site ->
                    page(
                        x,
                        site.deployments.stream(),
                        (items, d) -> items.add(staticDeployment(site, d)))));
    routes.put(
        "GET /static-sites/{id}/deployments/{deployment_id}",
        x ->
            withSite(
                x,
                site ->
                    site.deployments.stream()
                        .filter(d -> d.id.equals(x.path("deployment_id")))
                        .findFirst()
                        .map(d -> Reply.ok(withoutBuildFields(staticDeployment(site, d))))
                        .orElse(Reply.notFound())));
    routes.put(
        "GET /static-sites/{id}/metrics/requests-per-minute",
        x ->
            withSite(
                x,
                site -> {
                  ArrayNode points = JsonNodeFactory.instance.arrayNode();
                  points.addObject().put("time", iso(x.now.minusSeconds(60))).put("value", 12.0);
                  return Reply.ok(points);
                }));
    routes.put(
        "GET /static-sites/{id}/metrics/response-time-avg",
        x ->
            withSite(x, site -> Reply.ok(Exchange.object().put("average_response_time_ms", 35.0))));
    routes.put(
        "POST /static-sites/{id}/pretty-url/toggle",
        x ->
            withSite(
                x,
                site -> {
                  site.prettyUrls = !site.prettyUrls;
                  return Reply.ok(Exchange.object().put("is_turned_on", site.prettyUrls));
                }));
  }

  private Reply createStaticSite(Exchange x) {
    String displayName = x.text("display_name");
    StaticSite site =
        new StaticSite(x.company, SimulatorState.internalName(displayName), displayName);
    site.repoUrl = x.text("repo_url");
    site.defaultBranch = x.text("default_branch");
    site.source = x.text("source") == null ? "privateGit" : x.text("source");
    site.autoDeploy = x.flag("auto_deploy", false);
    site.installCommand = x.text("install_command");
    site.buildCommand = x.text("build_command");
    site.publishedDirectory = x.text("published_directory");
    site.rootDirectory = x.text("root_directory");
    site.nodeVersion = x.text("node_version");
    site.indexFile = x.text("index_file");
    site.errorFile = x.text("error_file");
    site.projectId = x.text("project_id");
    state.staticSites.put(site.id, site);
    deploySite(x, site, site.defaultBranch, "Initial deployment of");
    return created(201, staticSite(site));
  }

  private ObjectNode updateSite(Exchange x, StaticSite site) {
    if (x.text("display_name") != null) {
      site.displayName = x.text("display_name");
    }
    if (x.text("default_branch") != null) {
      site.defaultBranch = x.text("default_branch");
    }
    site.autoDeploy = x.flag("auto_deploy", site.autoDeploy);
    for (String field :
        List.of(
            "install_command",
            "build_command",
            "node_version",
            "published_directory",
            "root_directory",
            "index_file",
            "error_file")) {
      if (x.body.has(field)) {
        String value = x.text(field);
        switch (field) {
          case "install_command" -> site.installCommand = value;
          case "build_command" -> site.buildCommand = value;
          case "node_version" -> site.nodeVersion = value;
          case "published_directory" -> site.publishedDirectory = value;
          case "root_directory" -> site.rootDirectory = value;
          case "index_file" -> site.indexFile = value;
          default -> site.errorFile = value;
        }
      }
    }
    site.updatedAt = x.now;
    ObjectNode full = staticSite(site);
    ObjectNode json = Exchange.object();
    for (String field :
        List.of(
            "id",
            "display_name",
            "auto_deploy",
            "default_branch",
            "build_command",
            "node_version",
            "published_directory",
            "is_preview_enabled",
            "install_command",
            "root_directory",
            "index_file",
            "error_file",
            "source",
            "git_type",
            "repo_url",
            "updated_at",
            "status")) {
      json.set(field, full.get(field));
    }
    return json;
  }

  private ObjectNode staticSite(StaticSite site) {
    ObjectNode json = Exchange.object();
    json.put("id", site.id).put("company_id", site.companyId);
    putNullable(json, "project_id", site.projectId);
    json.put("name", site.name).put("display_name", site.displayName);
    putNullable(json, "status", site.status);
    json.put("source", site.source)
        .put("repo_url", site.repoUrl)
        .put("default_branch", site.defaultBranch)
        .put("auto_deploy", site.autoDeploy)
        .put("is_preview_enabled", false)
        .put("git_type", "github")
        .put("hostname", site.name + ".sevalla.page");
    putNullable(json, "install_command", site.installCommand);
    putNullable(json, "build_command", site.buildCommand);
    putNullable(json, "published_directory", site.publishedDirectory);
    putNullable(json, "root_directory", site.rootDirectory);
    putNullable(json, "node_version", site.nodeVersion);
    putNullable(json, "index_file", site.indexFile);
    putNullable(json, "error_file", site.errorFile);
    json.put("created_at", iso(site.createdAt)).put("updated_at", iso(site.updatedAt));
    return json;
  }

  /** The deployment as reads answer it: the build's id and error come only with the deploy. */
  private static ObjectNode withoutBuildFields(ObjectNode json) {
    json.remove("cloud_build_id");
    json.remove("build_error");
    return json;
  }

  private StaticDeployment deploySite(Exchange x, StaticSite site, String branch, String verb) {
    StaticDeployment deployment = new StaticDeployment(branch, verb + " " + branch, x.now);
    deployment.status = "waiting";
    deployment.finishesAt = x.now.plus(settings.get().deploymentDuration());
    deployment.willFail = faults.failureFor(x).isPresent();
    site.deployments.add(0, deployment);
    site.status = "deploymentInProgress";
    site.updatedAt = x.now;
    return deployment;
  }

  private ObjectNode staticDeployment(StaticSite site, StaticDeployment d) {
    ObjectNode json = Exchange.object();
    json.put("id", d.id)
        .put("static_site_id", site.id)
        .put("status", d.status)
        .put("type", "manual")
        .put("repo_url", site.repoUrl)
        .put("branch", d.branch)
        .put("is_preview", false)
        .putNull("author_login")
        .putNull("author_img")
        .put("commit_sha", d.id.replace("-", "").substring(0, 12))
        .put("commit_message", d.commitMessage)
        .putNull("cloud_build_id");
    putNullable(json, "build_error", d.buildError);
    json.put("created_at", iso(d.createdAt)).put("updated_at", iso(d.createdAt));
    boolean finished = !"waiting".equals(d.status) && !"inProgress".equals(d.status);
    if (finished) {
      json.put("finished_at", iso(d.finishesAt));
    } else {
      json.putNull("finished_at");
    }
    if ("waiting".equals(d.status)) {
      json.putNull("started_at");
    } else {
      json.put("started_at", iso(d.createdAt));
    }
    return json;
  }

  // ---- time

  /**
   * Moves databases, deployments, deleted applications and static sites on to their next state once
   * their time has come.
   */
  void advance(Instant now) {
    state
        .databases
        .values()
        .removeIf(
            db -> {
              if (db.settlesAt != null && !now.isBefore(db.settlesAt)) {
                db.status = db.statusAfterSettling;
                db.settlesAt = null;
              }
              return "deleted".equals(db.status);
            });
    state
        .applications
        .values()
        .removeIf(
            app -> {
              for (Deployment deployment : app.deployments) {
                if ("waiting".equals(deployment.status)) {
                  deployment.status = "inProgress";
                }
                if ("inProgress".equals(deployment.status)
                    && !now.isBefore(deployment.finishesAt)) {
                  deployment.status = deployment.willFail ? "failed" : "success";
                  app.status = deployment.willFail ? "deploymentFailed" : "deploymentSuccess";
                  app.updatedAt = now;
                }
              }
              return app.deletedAt != null && !now.isBefore(app.deletedAt);
            });
    for (StaticSite site : state.staticSites.values()) {
      for (StaticDeployment deployment : site.deployments) {
        if ("waiting".equals(deployment.status)) {
          deployment.status = "inProgress";
        }
        if ("inProgress".equals(deployment.status) && !now.isBefore(deployment.finishesAt)) {
          deployment.status = deployment.willFail ? "failed" : "success";
          if (deployment.willFail) {
            deployment.buildError = "npm run build exited with code 1";
          }
          site.status = deployment.willFail ? "deploymentFailed" : "deploymentSuccess";
          site.updatedAt = now;
        }
      }
    }
    state.staticSites.values().removeIf(site -> site.deleted);
    for (Application app : state.applications.values()) {
      SevallaServiceEndpoints.settle(app.domains, now);
      app.privatePorts.forEach(p -> p.status = "ready");
      app.tcpProxies.forEach(p -> p.status = "ready");
    }
    state.staticSites.values().forEach(site -> SevallaServiceEndpoints.settle(site.domains, now));
  }

  void settle(Database db, String during, String after, Instant now) {
    db.status = during;
    db.statusAfterSettling = after;
    db.settlesAt = now.plus(settings.get().provisioningDelay());
  }

  // ---- shared shapes

  private static ArrayNode clusters() {
    ArrayNode list = JsonNodeFactory.instance.arrayNode();
    SimulatorState.CLUSTERS.forEach(
        c ->
            list.addObject()
                .put("id", c.id())
                .put("name", c.name())
                .put("display_name", c.displayName())
                .put("location", c.location()));
    return list;
  }

  private static ArrayNode databaseSizes() {
    ArrayNode list = JsonNodeFactory.instance.arrayNode();
    for (int i = 0; i < DATABASE_SIZES.size(); i++) {
      list.addObject()
          .put("id", SimulatorState.databaseSizeId(DATABASE_SIZES.get(i)))
          .put("name", DATABASE_SIZES.get(i))
          .put("cpu_limit", 250 * (i + 1))
          .put("memory_limit", 256 * (i + 1))
          .put("storage_limit", 1000 * (i + 1));
    }
    return list;
  }

  private static Optional<SimulatorState.Cluster> cluster(@Nullable String id) {
    return SimulatorState.CLUSTERS.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  /** A page of {@code {data, total, offset, limit}}, as every v3 list answers. */
  static <T> Reply page(Exchange x, Stream<T> all, BiConsumer<ArrayNode, T> render) {
    List<T> items = all.toList();
    int limit = Integer.parseInt(x.query.getOrDefault("limit", "25"));
    int offset = Integer.parseInt(x.query.getOrDefault("offset", "0"));
    ObjectNode body = Exchange.object();
    ArrayNode data = body.putArray("data");
    items.stream().skip(offset).limit(limit).forEach(item -> render.accept(data, item));
    body.put("total", Math.min(items.size(), 10_000)).put("offset", offset).put("limit", limit);
    return Reply.ok(body);
  }

  static Reply created(int status, JsonNode body) {
    return new Reply(status, body);
  }

  static Reply message(String text) {
    return Reply.ok(Exchange.object().put("message", text));
  }

  /**
   * Sevalla's refusal of a field: the message names it (400, the status v3's contract documents for
   * these operations).
   */
  static Reply invalid(String field, String text) {
    return Reply.badRequest("Validation failed: " + field + ": " + text);
  }

  static void putNullable(ObjectNode json, String field, @Nullable String value) {
    if (value == null) {
      json.putNull(field);
    } else {
      json.put(field, value);
    }
  }

  static String iso(Instant instant) {
    return instant.toString();
  }

  private Optional<Application> ownApplication(Exchange x, @Nullable String id) {
    return Optional.ofNullable(id == null ? null : state.applications.get(id))
        .filter(app -> app.companyId.equals(x.company) && app.deletedAt == null);
  }

  Reply withApplication(Exchange x, Function<Application, Reply> action) {
    return ownApplication(x, x.path("id")).map(action).orElse(Reply.notFound());
  }

  Reply withDatabase(Exchange x, Function<Database, Reply> action) {
    return Optional.ofNullable(state.databases.get(x.path("id")))
        .filter(db -> db.companyId.equals(x.company) && !"deleted".equals(db.status))
        .map(action)
        .orElse(Reply.notFound());
  }

  Reply withSite(Exchange x, Function<StaticSite, Reply> action) {
    return Optional.ofNullable(state.staticSites.get(x.path("id")))
        .filter(site -> site.companyId.equals(x.company) && !site.deleted)
        .map(action)
        .orElse(Reply.notFound());
  }
}
