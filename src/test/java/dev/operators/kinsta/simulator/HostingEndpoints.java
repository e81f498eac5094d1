package dev.operators.kinsta.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.operators.kinsta.simulator.Exchange.Handler;
import dev.operators.kinsta.simulator.Exchange.Reply;
import dev.operators.kinsta.simulator.SimulatorState.AppProcess;
import dev.operators.kinsta.simulator.SimulatorState.Application;
import dev.operators.kinsta.simulator.SimulatorState.Database;
import dev.operators.kinsta.simulator.SimulatorState.Deployment;
import dev.operators.kinsta.simulator.SimulatorState.InternalConnection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The application and database endpoints. These are synchronous in Kinsta's API: progress shows in
 * the objects' {@code status}, which moves on when {@link SimulatorSettings#provisioningDelay()} or
 * the deployment time has passed.
 */
final class HostingEndpoints {
  private final SimulatorState state;
  private final Supplier<SimulatorSettings> settings;
  private final Faults faults;

  /** Lets a request be marked to fail later (a failed deployment), as fault injection asks. */
  interface Faults {
    Optional<String> failureFor(Exchange exchange);
  }

  HostingEndpoints(SimulatorState state, Supplier<SimulatorSettings> settings, Faults faults) {
    this.state = state;
    this.settings = settings;
    this.faults = faults;
  }

  void register(Map<String, Handler> routes) {
    routes.put(
        "GET /databases",
        x ->
            page(
                x,
                state.databases.values().stream()
                    .filter(db -> db.companyId.equals(x.company))
                    .toList(),
                (items, db) ->
                    items
                        .addObject()
                        .put("id", db.id)
                        .put("name", db.name)
                        .put("display_name", db.displayName)
                        .put("status", db.status)
                        .put("updated_at", db.createdAt.toEpochMilli())
                        .put("type", db.type)
                        .put("version", db.version)
                        .put("resource_type_name", db.resourceType),
                body -> body.putObject("databases")));
    routes.put("GET /databases/{id}", x -> withDatabase(x, db -> Reply.ok(databaseDetails(db, x))));
    routes.put("POST /databases", this::createDatabase);
    routes.put(
        "PUT /databases/{id}",
        x ->
            withDatabase(
                x,
                db -> {
                  if (x.text("resource_type") != null
                      && !x.text("resource_type").equals(db.resourceType)) {
                    db.resourceType = x.text("resource_type");
                    settle(db, "updating", "ready", x.now);
                  }
                  if (x.text("display_name") != null) {
                    db.displayName = x.text("display_name");
                  }
                  ObjectNode body = Exchange.object();
                  body.putObject("database")
                      .put("id", db.id)
                      .put("display_name", db.displayName)
                      .put("status", db.status);
                  return Reply.ok(body);
                }));
    routes.put(
        "DELETE /databases/{id}",
        x ->
            withDatabase(
                x,
                db -> {
                  settle(db, "deleting", "deleted", x.now);
                  ObjectNode body = Exchange.object();
                  body.put("message", "Database \"" + db.id + "\" is being deleted");
                  return Reply.ok(body);
                }));

    routes.put(
        "GET /applications",
        x ->
            page(
                x,
                state.applications.values().stream()
                    .filter(app -> app.companyId.equals(x.company))
                    .toList(),
                (items, app) ->
                    items
                        .addObject()
                        .put("id", app.id)
                        .put("name", app.name)
                        .put("display_name", app.displayName)
                        .put("status", app.status),
                body -> body.putObject("company").putObject("apps")));
    routes.put(
        "GET /applications/{id}",
        x -> withApplication(x, app -> Reply.ok(applicationDetails(app))));
    routes.put("PUT /applications/{id}", x -> withApplication(x, app -> updateApplication(x, app)));
    routes.put(
        "DELETE /applications/{id}",
        x ->
            withApplication(
                x,
                app -> {
                  app.status = "deleting";
                  app.deletedAt = x.now.plus(settings.get().provisioningDelay());
                  ObjectNode body = Exchange.object();
                  body.put("message", "Application \"" + app.id + "\" is being deleted");
                  return Reply.ok(body);
                }));
    for (String metric :
        List.of(
            "cpu-usage",
            "memory-usage",
            "http-requests",
            "response-time",
            "bandwidth",
            "build-time")) {
      routes.put(
          "GET /applications/{id}/metrics/" + metric,
          x -> withApplication(x, app -> metrics(x, app, metric)));
    }
    routes.put("POST /applications/deployments", this::createDeployment);
    routes.put("POST /applications/promote", this::promote);
    routes.put(
        "GET /pipelines",
        x ->
            page(
                x,
                state.pipelines.values().stream()
                    .filter(pipeline -> pipeline.companyId.equals(x.company))
                    .toList(),
                (items, pipeline) -> {
                  ObjectNode json =
                      items
                          .addObject()
                          .put("id", pipeline.id)
                          .put("display_name", pipeline.displayName);
                  ArrayNode stages = json.putArray("stages");
                  for (int i = 0; i < pipeline.stages.size(); i++) {
                    stages
                        .addObject()
                        .put("id", pipeline.id + "-" + i)
                        .put("display_name", pipeline.stages.get(i))
                        .put("type", i == 0 ? "preview" : "standard");
                  }
                },
                body -> body.putObject("company").putObject("pipelines")));
    routes.put("POST /pipelines/{id}/create-preview-app", this::createPreviewApp);
    routes.put(
        "GET /applications/deployments/{deployment_id}",
        x -> {
          Optional<Deployment> found =
              ownApplications(x)
                  .flatMap(app -> app.deployments.stream())
                  .filter(d -> d.id.equals(x.path("deployment_id")))
                  .findFirst();
          if (found.isEmpty()) {
            return Reply.notFound();
          }
          Deployment deployment = found.get();
          Application app = state.applications.get(deployment.appId);
          ObjectNode body = Exchange.object();
          body.putObject("deployment")
              .put("id", deployment.id)
              .put("app_id", deployment.appId)
              .put("repo_url", app.repoUrl)
              .put("branch", deployment.branch)
              .put("commit_sha", deployment.commitSha)
              .putNull("author_login")
              .putNull("author_img")
              .put("commit_message", deployment.commitMessage)
              .put("status", deployment.status)
              .put("created_at", deployment.createdAt.toEpochMilli());
          return Reply.ok(body);
        });
    routes.put(
        "GET /applications/processes/{id}",
        x ->
            withProcess(
                x,
                process -> {
                  ObjectNode body = Exchange.object();
                  ObjectNode json =
                      body.putObject("process")
                          .put("id", process.id)
                          .put("type", process.type)
                          .put("display_name", process.displayName)
                          .put(
                              "instance_count",
                              process
                                  .scalingStrategy
                                  .path("config")
                                  .path("instanceCount")
                                  .asInt(1));
                  json.set("scaling_strategy", process.scalingStrategy.deepCopy());
                  json.put("resource_type_name", process.resourceType)
                      .put("entrypoint", process.entrypoint)
                      .put("internal_hostname", process.internalHostname)
                      .put("internal_port", process.internalPort);
                  return Reply.ok(body);
                }));
    routes.put(
        "PUT /applications/processes/{id}",
        x ->
            withProcess(
                x,
                process -> {
                  JsonNode strategy = x.body.path("scaling_strategy");
                  if (!strategy.isMissingNode()) {
                    String problem = scalingProblem(strategy);
                    if (problem != null) {
                      return Reply.badRequest(problem);
                    }
                    process.scalingStrategy = strategy.deepCopy();
                  }
                  if (x.text("entrypoint") != null) {
                    process.entrypoint = x.text("entrypoint");
                  }
                  process.updatedAt = x.now;
                  ObjectNode body = Exchange.object();
                  ObjectNode json =
                      body.putObject("process")
                          .put("id", process.id)
                          .put("app_id", process.appId)
                          .put("display_name", process.displayName)
                          .put("entrypoint", process.entrypoint);
                  json.set("scaling_strategy", process.scalingStrategy.deepCopy());
                  json.put("updated_at", process.updatedAt.toEpochMilli())
                      .put("created_at", process.createdAt.toEpochMilli());
                  return Reply.ok(body);
                }));
    routes.put(
        "POST /applications/{id}/cdn/toggle-status",
        x ->
            withApplication(
                x,
                app -> {
                  app.cdnEnabled = !app.cdnEnabled;
                  ObjectNode body = Exchange.object();
                  return Reply.ok(body.put("isTurnedOn", app.cdnEnabled));
                }));
    routes.put(
        "POST /applications/{id}/edge-cache/toggle-status",
        x ->
            withApplication(
                x,
                app -> {
                  app.edgeCacheEnabled = !app.edgeCacheEnabled;
                  ObjectNode body = Exchange.object();
                  return Reply.ok(body.put("isTurnedOn", app.edgeCacheEnabled));
                }));
    routes.put(
        "POST /applications/{id}/clear-cache",
        x -> withApplication(x, app -> Reply.ok(Exchange.object().put("isSuccess", true))));
    routes.put(
        "POST /applications/{id}/internal-connections",
        x ->
            withApplication(
                x,
                app -> {
                  String type = x.text("target_type");
                  String target = x.text("target_id");
                  boolean exists =
                      switch (type) {
                        case "dbResource" ->
                            Optional.ofNullable(state.databases.get(target))
                                .filter(db -> db.companyId.equals(x.company))
                                .isPresent();
                        case "appResource" ->
                            Optional.ofNullable(state.applications.get(target))
                                .filter(other -> other.companyId.equals(x.company))
                                .isPresent();
                        default -> state.environment(target).isPresent();
                      };
                  if (!exists) {
                    return Reply.notFound();
                  }
                  // Kinsta does not document duplicate handling; the simulator keeps duplicates so
                  // tests can count them.
                  app.internalConnections.add(
                      new InternalConnection(SimulatorState.newId(), type, target));
                  if ("dbResource".equals(type)) {
                    state.databases.get(target).connectedApplicationIds.add(app.id);
                  }
                  return Reply.ok(Exchange.object().put("result", "success"));
                }));
  }

  private Reply createDatabase(Exchange x) {
    if (!x.company.equals(x.text("company_id"))) {
      return Reply.notFound();
    }
    String type = x.text("type");
    if (!"redis".equals(type) && x.text("db_user") == null) {
      return Reply.badRequest("db_user is required for " + type);
    }
    Database db =
        new Database(
            SimulatorState.newId(),
            x.company,
            SimulatorState.internalName(x.text("display_name")),
            x.text("display_name"),
            type,
            x.text("version"),
            x.text("location"),
            x.text("resource_type"),
            x.text("db_name"),
            x.text("db_user"),
            x.text("db_password"),
            x.now,
            state.nextExternalPort());
    state.databases.put(db.id, db);
    settle(db, "creating", faults.failureFor(x).isPresent() ? "error" : "ready", x.now);
    ObjectNode body = Exchange.object();
    body.putObject("database").put("id", db.id);
    return Reply.ok(body);
  }

  private Reply updateApplication(Exchange x, Application app) {
    if (x.text("display_name") != null) {
      app.displayName = x.text("display_name");
    }
    if (x.text("build_type") != null) {
      app.buildType = x.text("build_type");
    }
    if (x.text("build_path") != null) {
      app.buildPath = x.text("build_path");
    }
    if (x.text("docker_file_path") != null) {
      app.dockerFilePath = x.text("docker_file_path");
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
    ObjectNode body = Exchange.object();
    ObjectNode json =
        body.putObject("app")
            .put("id", app.id)
            .put("name", app.name)
            .put("status", app.status)
            .put("updated_at", app.updatedAt.toEpochMilli())
            .put("build_path", app.buildPath)
            .put("build_type", app.buildType)
            .put("docker_file_path", app.dockerFilePath)
            .put("docker_context", app.dockerContext)
            .put("display_name", app.displayName)
            .put("auto_deploy", app.autoDeploy)
            .put("default_branch", app.defaultBranch)
            .put("hibernation_enabled", app.hibernationEnabled);
    if (app.hibernateAfterSeconds == null) {
      json.putNull("hibernate_after_seconds");
    } else {
      json.put("hibernate_after_seconds", app.hibernateAfterSeconds);
    }
    return Reply.ok(body);
  }

  /** Deploys the source's newest deployment onto each target, one new deployment each. */
  private Reply promote(Exchange x) {
    Application source = state.applications.get(x.text("source_app_id"));
    if (source == null || !source.companyId.equals(x.company) || source.deployments.isEmpty()) {
      return Reply.notFound();
    }
    List<Application> targets = new java.util.ArrayList<>();
    for (JsonNode id : x.body.path("target_app_ids")) {
      Application target = state.applications.get(id.asText());
      if (target == null || !target.companyId.equals(x.company)) {
        return Reply.notFound();
      }
      targets.add(target);
    }
    Deployment newest = source.deployments.get(0);
    ObjectNode body = Exchange.object();
    ArrayNode promoted = body.putArray("promote");
    for (Application target : targets) {
      Deployment deployment =
          new Deployment(
              SimulatorState.newId(),
              target.id,
              newest.branch,
              newest.dockerImage,
              newest.commitSha,
              "Promoted from " + source.displayName,
              x.now);
      deployment.finishesAt = x.now.plus(settings.get().deploymentDuration());
      deployment.willFail = faults.failureFor(x).isPresent();
      target.deployments.add(0, deployment);
      target.status = "deploymentInProgress";
      promoted.addObject().put("target_app_id", target.id).put("deployment_id", deployment.id);
    }
    return Reply.ok(body);
  }

  /** A new application made from the pipeline's template, named after the branch. */
  private Reply createPreviewApp(Exchange x) {
    SimulatorState.Pipeline pipeline = state.pipelines.get(x.path("id"));
    if (pipeline == null || !pipeline.companyId.equals(x.company)) {
      return Reply.notFound();
    }
    String branch = x.text("branch");
    String displayName =
        "Preview "
            + branch
            + (x.body.has("pull_request_number")
                ? " #" + x.body.path("pull_request_number").asLong()
                : "");
    Application app =
        new Application(
            SimulatorState.newId(),
            x.company,
            SimulatorState.internalName(displayName),
            displayName,
            x.now);
    app.defaultBranch = branch;
    state.applications.put(app.id, app);
    ObjectNode body = Exchange.object();
    body.putObject("app")
        .put("id", app.id)
        .put("name", app.name)
        .put("displayName", app.displayName);
    return Reply.ok(body);
  }

  private Reply createDeployment(Exchange x) {
    Application app = state.applications.get(x.text("app_id"));
    if (app == null || !app.companyId.equals(x.company) || app.deletedAt != null) {
      return Reply.notFound();
    }
    String branch = x.text("branch") == null ? app.defaultBranch : x.text("branch");
    Deployment deployment =
        new Deployment(
            SimulatorState.newId(),
            app.id,
            branch,
            x.text("docker_image"),
            SimulatorState.newId().replace("-", "").substring(0, 12),
            x.flag("is_restart", false) ? "Restart" : "Deploy " + branch,
            x.now);
    deployment.finishesAt = x.now.plus(settings.get().deploymentDuration());
    deployment.willFail = faults.failureFor(x).isPresent();
    app.deployments.add(0, deployment);
    app.status = "deploymentInProgress";
    ObjectNode body = Exchange.object();
    body.putObject("deployment").put("id", deployment.id);
    return Reply.ok(body);
  }

  /**
   * Moves databases, deployments and deleted applications on to their next state once their time
   * has come.
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
                if ("inProgress".equals(deployment.status)
                    && !now.isBefore(deployment.finishesAt)) {
                  deployment.status = deployment.willFail ? "failed" : "success";
                  app.status = deployment.willFail ? "deploymentFailed" : "deploymentSuccess";
                }
              }
              return app.deletedAt != null && !now.isBefore(app.deletedAt);
            });
  }

  private void settle(Database db, String during, String after, Instant now) {
    db.status = during;
    db.statusAfterSettling = after;
    db.settlesAt = now.plus(settings.get().provisioningDelay());
  }

  private ObjectNode databaseDetails(Database db, Exchange x) {
    boolean internal = !"false".equals(x.query.get("internal"));
    boolean external = !"false".equals(x.query.get("external"));
    ObjectNode body = Exchange.object();
    ObjectNode json =
        body.putObject("database")
            .put("id", db.id)
            .put("name", db.name)
            .put("display_name", db.displayName)
            .put("status", db.status)
            .put("created_at", db.createdAt.toEpochMilli())
            .put("memory_limit", 250)
            .put("cpu_limit", 250)
            .put("storage_size", 1000)
            .put("type", db.type)
            .put("version", db.version);
    json.putObject("cluster")
        .put("id", "cluster-" + db.location)
        .put("location", db.location)
        .put("display_name", db.location);
    json.put("resource_type_name", db.resourceType);
    boolean ready = "ready".equals(db.status) || "updating".equals(db.status);
    if (internal && ready) {
      json.put("internal_hostname", db.internalHostname())
          .put("internal_port", String.valueOf(db.internalPort()));
    } else {
      json.putNull("internal_hostname").putNull("internal_port");
    }
    ArrayNode connections = json.putArray("internal_connections");
    db.connectedApplicationIds.forEach(
        app -> connections.addObject().put("id", app).put("type", "appResource"));
    ObjectNode data =
        json.putObject("data")
            .put("db_name", db.dbName)
            .put("db_password", db.dbPassword)
            .put("db_root_password", db.dbRootPassword);
    if (db.dbUser == null) {
      data.putNull("db_user");
    } else {
      data.put("db_user", db.dbUser);
    }
    if (external && ready) {
      String user = db.dbUser == null ? "default" : db.dbUser;
      json.put(
              "external_connection_string",
              db.type
                  + "://"
                  + user
                  + ":"
                  + db.dbPassword
                  + "@"
                  + db.externalHostname()
                  + ":"
                  + db.externalPort
                  + "/"
                  + db.dbName)
          .put("external_hostname", db.externalHostname())
          .put("external_port", String.valueOf(db.externalPort));
    } else {
      json.putNull("external_hostname").putNull("external_port");
    }
    return body;
  }

  private ObjectNode applicationDetails(Application app) {
    ObjectNode body = Exchange.object();
    ObjectNode json =
        body.putObject("app")
            .put("id", app.id)
            .put("name", app.name)
            .put("display_name", app.displayName)
            .put("hibernation_enabled", app.hibernationEnabled);
    if (app.hibernateAfterSeconds == null) {
      json.putNull("hibernate_after_seconds");
    } else {
      json.put("hibernate_after_seconds", app.hibernateAfterSeconds);
    }
    json.put("status", app.status);
    ArrayNode deployments = json.putArray("deployments");
    app.deployments.forEach(
        d ->
            deployments
                .addObject()
                .put("id", d.id)
                .put("branch", d.branch)
                .put("repo_url", app.repoUrl)
                .put("commit_message", d.commitMessage)
                .put("created_at", d.createdAt.toEpochMilli()));
    ArrayNode processes = json.putArray("processes");
    app.processes.forEach(p -> processes.addObject().put("id", p.id).put("key", p.type));
    ArrayNode connections = json.putArray("internal_connections");
    for (InternalConnection connection : app.internalConnections) {
      ObjectNode item = connections.addObject().put("id", connection.id());
      Database db =
          "dbResource".equals(connection.targetType())
              ? state.databases.get(connection.targetId())
              : null;
      Application other =
          "appResource".equals(connection.targetType())
              ? state.applications.get(connection.targetId())
              : null;
      if (other == null) {
        item.putNull("app");
      } else {
        item.putObject("app").put("id", other.id).put("name", other.name);
      }
      if (db == null) {
        item.putNull("database");
      } else {
        item.putObject("database").put("id", db.id).put("name", db.name);
      }
    }
    return body;
  }

  private static String scalingProblem(JsonNode strategy) {
    JsonNode config = strategy.path("config");
    if ("manual".equals(strategy.path("type").asText())) {
      int count = config.path("instanceCount").asInt(-1);
      return count < 0 || count > 50 ? "instanceCount must be between 0 and 50" : null;
    }
    int min = config.path("minInstanceCount").asInt(-1);
    int max = config.path("maxInstanceCount").asInt(-1);
    if (min < 1 || max > 50 || min > max) {
      return "minInstanceCount and maxInstanceCount must satisfy 1 <= min <= max <= 50";
    }
    return null;
  }

  private <T> Reply page(
      Exchange x,
      List<T> all,
      java.util.function.BiConsumer<ArrayNode, T> render,
      Function<ObjectNode, ObjectNode> container) {
    if (!x.company.equals(x.query.get("company"))) {
      return Reply.notFound();
    }
    int limit = Integer.parseInt(x.query.getOrDefault("limit", "10"));
    int offset = Integer.parseInt(x.query.getOrDefault("offset", "0"));
    ObjectNode body = Exchange.object();
    ArrayNode items = container.apply(body).putArray("items");
    all.stream().skip(offset).limit(limit).forEach(item -> render.accept(items, item));
    return Reply.ok(body);
  }

  private java.util.stream.Stream<Application> ownApplications(Exchange x) {
    return state.applications.values().stream().filter(app -> app.companyId.equals(x.company));
  }

  private Reply withDatabase(Exchange x, Function<Database, Reply> action) {
    String key = x.path("id");
    Optional<Database> db =
        state.databases.values().stream()
            .filter(candidate -> candidate.companyId.equals(x.company))
            .filter(candidate -> candidate.id.equals(key) || candidate.name.equals(key))
            .findFirst();
    return db.isEmpty() ? Reply.notFound() : action.apply(db.get());
  }

  /**
   * A metric's points over the asked window, one per interval: per process for CPU and memory, one
   * series else; values are strings, times epoch millis, as Kinsta answers them.
   */
  private static Reply metrics(Exchange x, Application app, String metric) {
    Instant start = Instant.parse(x.query.get("timeframe_start"));
    Instant end = Instant.parse(x.query.get("timeframe_end"));
    long step = Math.max(60, Long.parseLong(x.query.get("interval_in_seconds")));
    ObjectNode body = Exchange.object();
    ObjectNode json = body.putObject("app").put("id", app.id);
    String series = metric.replace('-', '_');
    if (metric.equals("build-time")) {
      json.put("display_name", app.displayName);
      ObjectNode metrics = json.putObject("metrics");
      metrics
          .putObject("timeframe")
          .put("start", Long.toString(start.toEpochMilli()))
          .put("end", Long.toString(end.toEpochMilli()));
      ObjectNode standard = metrics.putArray("build_time").addObject();
      standard.put("resource_type", "standard");
      standard
          .putArray("data")
          .addObject()
          .put("time", Long.toString(end.minusSeconds(600).toEpochMilli()))
          .put("value", app.buildTimeSeconds);
    } else if (metric.equals("cpu-usage") || metric.equals("memory-usage")) {
      json.put("app_name", app.name);
      ArrayNode processes = json.putArray("processes");
      for (var process : app.processes) {
        ObjectNode entry =
            processes.addObject().put("id", process.id).put("process_name", process.type);
        entry.put(metric.equals("cpu-usage") ? "cpu_limit" : "memory_limit", 1);
        String value =
            metric.equals("cpu-usage")
                ? Double.toString(app.cpuUsagePerProcess)
                : Long.toString(app.memoryUsagePerProcess);
        points(entry.putObject("metrics"), series, start, end, step, value);
      }
    } else {
      json.put("display_name", app.displayName);
      String value =
          switch (metric) {
            case "http-requests" -> Long.toString(app.httpRequestsPerHour * step / 3600);
            case "response-time" -> Long.toString(app.responseTimeMs);
            default -> Long.toString(app.bandwidthPerHour * step / 3600);
          };
      points(json.putObject("metrics"), series, start, end, step, value);
    }
    return Reply.ok(body);
  }

  private static void points(
      ObjectNode metrics, String series, Instant start, Instant end, long step, String value) {
    metrics
        .putObject("timeframe")
        .put("start", Long.toString(start.toEpochMilli()))
        .put("end", Long.toString(end.toEpochMilli()));
    ArrayNode points = metrics.putArray(series);
    for (Instant at = start.plusSeconds(step); !at.isAfter(end); at = at.plusSeconds(step)) {
      points.addObject().put("time", Long.toString(at.toEpochMilli())).put("value", value);
    }
  }

  private Reply withApplication(Exchange x, Function<Application, Reply> action) {
    String key = x.path("id");
    Optional<Application> app =
        ownApplications(x)
            .filter(candidate -> candidate.id.equals(key) || candidate.name.equals(key))
            .findFirst();
    return app.isEmpty() ? Reply.notFound() : action.apply(app.get());
  }

  private Reply withProcess(Exchange x, Function<AppProcess, Reply> action) {
    Optional<AppProcess> process =
        ownApplications(x)
            .flatMap(app -> app.processes.stream())
            .filter(p -> p.id.equals(x.path("id")))
            .findFirst();
    return process.isEmpty() ? Reply.notFound() : action.apply(process.get());
  }
}
