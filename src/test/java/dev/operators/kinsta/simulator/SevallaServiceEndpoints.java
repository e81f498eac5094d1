package dev.operators.kinsta.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.operators.kinsta.simulator.Exchange.Handler;
import dev.operators.kinsta.simulator.Exchange.Reply;
import dev.operators.kinsta.simulator.SimulatorState.AppProcess;
import dev.operators.kinsta.simulator.SimulatorState.Application;
import dev.operators.kinsta.simulator.SimulatorState.Deployment;
import dev.operators.kinsta.simulator.SimulatorState.DomainState;
import dev.operators.kinsta.simulator.SimulatorState.EnvVarState;
import dev.operators.kinsta.simulator.SimulatorState.IpRule;
import dev.operators.kinsta.simulator.SimulatorState.PortState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What Sevalla v3 keeps under a service: environment variables, domains, IP restrictions,
 * suspension, processes created and removed, private ports, TCP proxies, rollbacks, cancellations,
 * deployment logs and a database's external connection. Each change to an application moves its
 * {@code updated_at}, which the company's list shows.
 */
final class SevallaServiceEndpoints {
  static final List<String> PROCESS_SIZES = List.of("s1", "s2", "s4", "s8");

  private final SevallaEndpoints services;
  private final Supplier<SimulatorSettings> settings;

  SevallaServiceEndpoints(SevallaEndpoints services, Supplier<SimulatorSettings> settings) {
    this.services = services;
    this.settings = settings;
  }

  void register(Map<String, Handler> routes) {
    routes.put(
        "GET /resources/process-resource-types",
        x -> {
          ArrayNode list = JsonNodeFactory.instance.arrayNode();
          for (int i = 0; i < PROCESS_SIZES.size(); i++) {
            list.addObject()
                .put("id", processSizeId(PROCESS_SIZES.get(i)))
                .put("name", PROCESS_SIZES.get(i))
                .put("cpu_limit", 250 << i)
                .put("memory_limit", 512 << i)
                .put("category", "standard");
          }
          return Reply.ok(list);
        });
    registerEnvVars(routes, "/applications", this::onApplication, true);
    registerEnvVars(routes, "/static-sites", this::onSite, false);
    registerDomains(routes, "/applications", this::onApplication);
    registerDomains(routes, "/static-sites", this::onSite);
    registerApplicationAccess(routes);
    registerProcesses(routes);
    registerPorts(routes, "private-ports", "private_port_id", app -> app.privatePorts, false);
    registerPorts(routes, "tcp-proxies", "tcp_proxy_id", app -> app.tcpProxies, true);
    registerDeployments(routes);
    registerDatabaseAccess(routes);
    registerDeploymentHook(routes);
  }

  /** An application's deployment hook: one URL, issued anew on PUT, gone on DELETE (204). */
  private void registerDeploymentHook(Map<String, Handler> routes) {
    routes.put(
        "GET /applications/{id}/deployment-hook",
        x ->
            services.withApplication(
                x,
                app ->
                    app.deploymentHook == null
                        ? Reply.notFound()
                        : Reply.ok(Exchange.object().put("url", app.deploymentHook))));
    routes.put(
        "POST /applications/{id}/deployment-hook",
        x ->
            services.withApplication(
                x,
                app -> {
                  if (app.deploymentHook == null) {
                    app.deploymentHook = hookUrl(app);
                  }
                  return new Reply(201, Exchange.object().put("url", app.deploymentHook));
                }));
    routes.put(
        "PUT /applications/{id}/deployment-hook",
        x ->
            services.withApplication(
                x,
                app -> {
                  app.deploymentHook = hookUrl(app);
                  return Reply.ok(Exchange.object().put("url", app.deploymentHook));
                }));
    routes.put(
        "DELETE /applications/{id}/deployment-hook",
        x ->
            services.withApplication(
                x,
                app -> {
                  if (app.deploymentHook == null) {
                    return Reply.notFound();
                  }
                  app.deploymentHook = null;
                  return new Reply(
                      204, com.fasterxml.jackson.databind.node.MissingNode.getInstance());
                }));
  }

  private static String hookUrl(Application app) {
    return "https://hooks.sevalla.example/deploy/"
        + app.id
        + "/"
        + java.util.UUID.randomUUID().toString().replace("-", "");
  }

  /** The parts of an application or static site the sub-resources live in. */
  private record Owner(
      String id,
      String name,
      List<EnvVarState> envVars,
      List<DomainState> domains,
      Runnable touched) {}

  private Reply onApplication(Exchange x, Function<Owner, Reply> action) {
    return services.withApplication(
        x,
        app ->
            action.apply(
                new Owner(
                    app.id, app.name, app.envVars, app.domains, () -> app.updatedAt = x.now)));
  }

  private Reply onSite(Exchange x, Function<Owner, Reply> action) {
    return services.withSite(
        x,
        site ->
            action.apply(
                new Owner(
                    site.id, site.name, site.envVars, site.domains, () -> site.updatedAt = x.now)));
  }

  @FunctionalInterface
  private interface OwnerLookup {
    Reply with(Exchange x, Function<Owner, Reply> action);
  }

  // ---- environment variables

  private void registerEnvVars(
      Map<String, Handler> routes, String base, OwnerLookup owner, boolean application) {
    routes.put(
        "GET " + base + "/{id}/env-vars",
        x ->
            owner.with(
                x,
                o ->
                    SevallaEndpoints.page(
                        x,
                        o.envVars().stream(),
                        (items, v) -> items.add(envVar(o, v, application)))));
    routes.put(
        "POST " + base + "/{id}/env-vars",
        x ->
            owner.with(
                x,
                o -> {
                  String key = x.text("key");
                  if (o.envVars().stream()
                      .anyMatch(
                          v ->
                              v.key.equals(key)
                                  && java.util.Objects.equals(v.branch, x.text("branch")))) {
                    return SevallaEndpoints.invalid(
                        "key", "An environment variable " + key + " exists");
                  }
                  EnvVarState variable = new EnvVarState(key, x.text("value"), x.now);
                  write(x, variable, application);
                  o.envVars().add(variable);
                  o.touched().run();
                  return SevallaEndpoints.created(201, envVar(o, variable, application));
                }));
    routes.put(
        "PUT " + base + "/{id}/env-vars/{env_var_id}",
        x ->
            owner.with(
                x,
                o ->
                    find(o.envVars(), v -> v.id, x.path("env_var_id"))
                        .map(
                            variable -> {
                              if (x.text("key") != null) {
                                variable.key = x.text("key");
                              }
                              if (x.text("value") != null) {
                                variable.value = x.text("value");
                              }
                              write(x, variable, application);
                              variable.updatedAt = x.now;
                              o.touched().run();
                              return Reply.ok(envVar(o, variable, application));
                            })
                        .orElse(Reply.notFound())));
    routes.put(
        "DELETE " + base + "/{id}/env-vars/{env_var_id}",
        x ->
            owner.with(
                x,
                o ->
                    find(o.envVars(), v -> v.id, x.path("env_var_id"))
                        .map(
                            variable -> {
                              o.envVars().remove(variable);
                              o.touched().run();
                              return SevallaEndpoints.message("Environment variable deleted");
                            })
                        .orElse(Reply.notFound())));
  }

  private static void write(Exchange x, EnvVarState variable, boolean application) {
    if (application) {
      variable.runtime = x.flag("is_runtime", variable.runtime == null || variable.runtime);
      variable.buildtime = x.flag("is_buildtime", variable.buildtime == null || variable.buildtime);
    } else {
      variable.production =
          x.flag("is_production", variable.production == null || variable.production);
      variable.preview = x.flag("is_preview", variable.preview != null && variable.preview);
      if (x.body.has("branch")) {
        variable.branch = x.text("branch");
      }
    }
  }

  private static ObjectNode envVar(Owner owner, EnvVarState v, boolean application) {
    ObjectNode json = Exchange.object();
    json.put("id", v.id).put(application ? "app_id" : "static_site_id", owner.id());
    json.put("key", v.key).put("value", v.value);
    if (application) {
      json.put("is_runtime", v.runtime).put("is_buildtime", v.buildtime);
    } else {
      json.put("is_production", v.production).put("is_preview", v.preview);
      SevallaEndpoints.putNullable(json, "branch", v.branch);
    }
    json.put("created_at", SevallaEndpoints.iso(v.createdAt))
        .put("updated_at", SevallaEndpoints.iso(v.updatedAt));
    return json;
  }

  // ---- domains

  private void registerDomains(Map<String, Handler> routes, String base, OwnerLookup owner) {
    routes.put(
        "GET " + base + "/{id}/domains",
        x ->
            owner.with(
                x,
                o -> {
                  withSystemDomain(o, x.now);
                  return SevallaEndpoints.page(
                      x, o.domains().stream(), (items, d) -> items.add(domain(d, o)));
                }));
    routes.put(
        "POST " + base + "/{id}/domains",
        x ->
            owner.with(
                x,
                o -> {
                  withSystemDomain(o, x.now);
                  String name = x.text("domain_name");
                  if (o.domains().stream().anyMatch(d -> d.name.equalsIgnoreCase(name))) {
                    return SevallaEndpoints.invalid("domain_name", "The domain is already added");
                  }
                  DomainState domain = new DomainState(name, "CUSTOM", "VERIFICATION", x.now);
                  domain.wildcard = x.flag("is_wildcard", false);
                  domain.activatesAt = x.now.plus(settings.get().provisioningDelay());
                  o.domains().add(domain);
                  o.touched().run();
                  return SevallaEndpoints.created(201, domain(domain, o));
                }));
    routes.put(
        "DELETE " + base + "/{id}/domains/{domain_id}",
        x ->
            owner.with(
                x,
                o ->
                    find(o.domains(), d -> d.id, x.path("domain_id"))
                        .map(
                            domain -> {
                              if ("SYSTEM".equals(domain.type)) {
                                return Reply.badRequest("System domains cannot be deleted");
                              }
                              o.domains().remove(domain);
                              if (domain.primary) {
                                o.domains().get(0).primary = true;
                              }
                              o.touched().run();
                              return SevallaEndpoints.message("Domain deleted");
                            })
                        .orElse(Reply.notFound())));
    routes.put(
        "POST " + base + "/{id}/domains/{domain_id}/set-primary",
        x ->
            owner.with(
                x,
                o ->
                    find(o.domains(), d -> d.id, x.path("domain_id"))
                        .map(
                            domain -> {
                              o.domains().forEach(d -> d.primary = d == domain);
                              o.touched().run();
                              return SevallaEndpoints.message("Primary domain set");
                            })
                        .orElse(Reply.notFound())));
  }

  private static void withSystemDomain(Owner owner, Instant now) {
    if (owner.domains().stream().noneMatch(d -> "SYSTEM".equals(d.type))) {
      DomainState system = new DomainState(owner.name() + ".sevalla.app", "SYSTEM", "ACTIVE", now);
      system.primary = owner.domains().stream().noneMatch(d -> d.primary);
      owner.domains().add(0, system);
    }
  }

  private static ObjectNode domain(DomainState d, Owner owner) {
    ObjectNode json = Exchange.object();
    json.put("id", d.id)
        .put("name", d.name)
        .put("status", d.status.toLowerCase(Locale.ROOT))
        .put("type", d.type)
        .put("is_enabled", true)
        .put("is_wildcard", d.wildcard)
        .put("is_primary", d.primary);
    if ("ACTIVE".equals(d.status)) {
      json.putNull("dns_records");
    } else {
      ArrayNode records = json.putArray("dns_records");
      records
          .addObject()
          .put("type", "CNAME")
          .put("name", d.name)
          .put("value", owner.name() + ".sevalla.app");
      records
          .addObject()
          .put("type", "TXT")
          .put("name", "_sevalla-challenge." + d.name)
          .put("value", "sevalla-verification=" + d.id.substring(0, 8));
    }
    json.putNull("errors");
    json.put("created_at", SevallaEndpoints.iso(d.createdAt))
        .put("updated_at", SevallaEndpoints.iso(d.createdAt));
    return json;
  }

  /** Custom domains become active once their time has come (DNS pointed at them). */
  static void settle(List<DomainState> domains, Instant now) {
    for (DomainState domain : domains) {
      if (domain.activatesAt != null && !now.isBefore(domain.activatesAt)) {
        domain.status = "ACTIVE";
        domain.activatesAt = null;
      }
    }
  }

  // ---- an application's access and suspension

  private void registerApplicationAccess(Map<String, Handler> routes) {
    routes.put(
        "GET /applications/{id}/ip-restriction",
        x -> services.withApplication(x, app -> Reply.ok(ipRule(app.ipRestriction))));
    routes.put(
        "PUT /applications/{id}/ip-restriction",
        x ->
            services.withApplication(
                x,
                app -> {
                  putIpRule(x, app.ipRestriction);
                  app.updatedAt = x.now;
                  return Reply.ok(ipRule(app.ipRestriction));
                }));
    routes.put(
        "POST /applications/{id}/suspend",
        x ->
            services.withApplication(
                x,
                app -> {
                  app.suspended = true;
                  app.updatedAt = x.now;
                  return SevallaEndpoints.message("Application suspension started");
                }));
    routes.put(
        "POST /applications/{id}/activate",
        x ->
            services.withApplication(
                x,
                app -> {
                  app.suspended = false;
                  app.updatedAt = x.now;
                  return SevallaEndpoints.message("Application activation started");
                }));
  }

  private static ObjectNode ipRule(IpRule rule) {
    ObjectNode json = Exchange.object().put("type", rule.type).put("is_enabled", rule.enabled);
    ArrayNode list = json.putArray("ip_list");
    rule.ips.forEach(list::add);
    return json;
  }

  private static void putIpRule(Exchange x, IpRule rule) {
    rule.type = x.text("type");
    rule.enabled = x.flag("is_enabled", false);
    rule.ips = new ArrayList<>();
    x.body.path("ip_list").forEach(ip -> rule.ips.add(ip.asText()));
  }

  // ---- processes created and removed

  private void registerProcesses(Map<String, Handler> routes) {
    routes.put(
        "POST /applications/{id}/processes",
        x ->
            services.withApplication(
                x,
                app -> {
                  Optional<String> size = processSize(x.text("resource_type_id"));
                  if (size.isEmpty()) {
                    return SevallaEndpoints.invalid(
                        "resource_type_id", "Unknown process resource type");
                  }
                  String type = x.text("type");
                  if ("web".equals(type)
                      && app.processes.stream().anyMatch(p -> "web".equals(p.type))) {
                    return Reply.badRequest("An application has at most one web process");
                  }
                  if ("cron".equals(type) && x.text("schedule") == null) {
                    return SevallaEndpoints.invalid("schedule", "A cron process needs a schedule");
                  }
                  String key = SimulatorState.internalName(x.text("display_name"));
                  AppProcess process =
                      new AppProcess(
                          SimulatorState.newId(),
                          app.id,
                          key,
                          x.text("display_name"),
                          app.name + "-" + key + "." + app.name + ".svc.cluster.local",
                          8080,
                          x.now);
                  process.kind = type;
                  process.entrypoint = x.text("entrypoint") == null ? "" : x.text("entrypoint");
                  process.scalingStrategy = x.body.get("scaling_strategy");
                  process.resourceType = size.get();
                  process.schedule = x.text("schedule");
                  process.timeZone = x.text("time_zone");
                  process.port = x.body.path("port").isInt() ? x.body.path("port").asInt() : null;
                  if ("job".equals(type) && x.text("job_start_policy") == null) {
                    return SevallaEndpoints.invalid(
                        "job_start_policy", "A job process needs a job_start_policy");
                  }
                  probesAndJob(x, process);
                  app.processes.add(process);
                  app.updatedAt = x.now;
                  ArrayNode one = JsonNodeFactory.instance.arrayNode();
                  services.process(one, process);
                  return Reply.ok(one.get(0));
                }));
    routes.put(
        "DELETE /applications/{id}/processes/{process_id}",
        x ->
            services.withApplication(
                x,
                app ->
                    find(app.processes, p -> p.id, x.path("process_id"))
                        .map(
                            process -> {
                              if ("web".equals(process.type)) {
                                return Reply.badRequest("The web process cannot be deleted");
                              }
                              app.processes.remove(process);
                              app.updatedAt = x.now;
                              return SevallaEndpoints.message("Process queued for removal");
                            })
                        .orElse(Reply.notFound())));
  }

  /** The job policy and probes a create or update sends, kept as sent. */
  static void probesAndJob(Exchange x, AppProcess process) {
    if (x.text("job_start_policy") != null) {
      process.jobStartPolicy = x.text("job_start_policy");
    }
    if (x.body.path("is_ingress_enabled").isBoolean()) {
      process.ingressEnabled = x.body.path("is_ingress_enabled").asBoolean();
    }
    if (x.text("ingress_protocol") != null) {
      process.ingressProtocol = x.text("ingress_protocol");
    }
    if (x.body.path("liveness_probe").isObject()) {
      process.livenessProbe = x.body.get("liveness_probe");
    }
    if (x.body.path("readiness_probe").isObject()) {
      process.readinessProbe = x.body.get("readiness_probe");
    }
  }

  static String processSizeId(String name) {
    return SimulatorState.databaseSizeId("process-" + name);
  }

  static Optional<String> processSize(@Nullable String id) {
    return PROCESS_SIZES.stream().filter(name -> processSizeId(name).equals(id)).findFirst();
  }

  // ---- private ports and TCP proxies

  private void registerPorts(
      Map<String, Handler> routes,
      String collection,
      String idName,
      Function<Application, List<PortState>> ports,
      boolean proxy) {
    String base = "/applications/{id}/" + collection;
    routes.put(
        "GET " + base,
        x ->
            services.withApplication(
                x,
                app ->
                    SevallaEndpoints.page(
                        x,
                        ports.apply(app).stream(),
                        (items, p) -> items.add(port(app, p, proxy)))));
    routes.put(
        "POST " + base,
        x ->
            services.withApplication(
                x,
                app -> {
                  String processId = x.text("process_id");
                  if (app.processes.stream().noneMatch(p -> p.id.equals(processId))) {
                    return SevallaEndpoints.invalid("process_id", "Unknown process");
                  }
                  int number = x.body.path("port").asInt();
                  PortState port =
                      new PortState(processId, number, 30000 + ports.apply(app).size(), x.now);
                  ports.apply(app).add(port);
                  app.updatedAt = x.now;
                  return SevallaEndpoints.created(201, port(app, port, proxy));
                }));
    routes.put(
        "DELETE " + base + "/{" + idName + "}",
        x ->
            services.withApplication(
                x,
                app ->
                    find(ports.apply(app), p -> p.id, x.path(idName))
                        .map(
                            port -> {
                              ports.apply(app).remove(port);
                              app.updatedAt = x.now;
                              return SevallaEndpoints.message("Deletion started");
                            })
                        .orElse(Reply.notFound())));
  }

  private static ObjectNode port(Application app, PortState p, boolean proxy) {
    ObjectNode json = Exchange.object();
    json.put("id", p.id).put("app_id", app.id).put("process_id", p.processId).put("port", p.port);
    if (proxy) {
      json.put("external_port", p.externalPort).put("hostname", app.name + ".proxy.sevalla.app");
    }
    json.put("status", p.status)
        .put("created_at", SevallaEndpoints.iso(p.createdAt))
        .put("updated_at", SevallaEndpoints.iso(p.createdAt));
    return json;
  }

  // ---- rollback, cancel, logs

  private void registerDeployments(Map<String, Handler> routes) {
    routes.put(
        "POST /applications/{id}/deployments/rollback",
        x ->
            services.withApplication(
                x,
                app -> {
                  Optional<Deployment> good =
                      app.deployments.stream().filter(d -> "success".equals(d.status)).findFirst();
                  if (good.isEmpty()) {
                    return Reply.notFound();
                  }
                  ObjectNode body = Exchange.object();
                  SevallaEndpoints.putNullable(body, "branch", good.get().branch);
                  SevallaEndpoints.putNullable(body, "docker_image", good.get().dockerImage);
                  Exchange again =
                      new Exchange(x.company, x.methodAndPath, Map.of(), Map.of(), body, x.now);
                  Deployment rollback =
                      services.deploy(again, app, "Rollback to " + good.get().commitSha);
                  return Reply.ok(services.deployment(rollback));
                }));
    routes.put(
        "POST /applications/{id}/deployments/{deployment_id}/cancel",
        x ->
            services.withApplication(
                x,
                app ->
                    find(app.deployments, d -> d.id, x.path("deployment_id"))
                        .map(
                            deployment -> {
                              if (!"waiting".equals(deployment.status)
                                  && !"inProgress".equals(deployment.status)) {
                                return Reply.badRequest("The deployment has already finished");
                              }
                              deployment.status = "cancelled";
                              app.status = "deploymentCancelled";
                              app.updatedAt = x.now;
                              return SevallaEndpoints.message("Deployment cancelled");
                            })
                        .orElse(Reply.notFound())));
    routes.put(
        "GET /applications/{id}/deployments/{deployment_id}/logs",
        x ->
            services.withApplication(
                x,
                app ->
                    find(app.deployments, d -> d.id, x.path("deployment_id"))
                        .map(deployment -> Reply.ok(logs(app, deployment, x.now)))
                        .orElse(Reply.notFound())));
  }

  /**
   * A build log; a failed one ends with the error and, as a careless build script would, prints the
   * first environment variable it was given.
   */
  private static ArrayNode logs(Application app, Deployment deployment, Instant now) {
    List<String> lines = new ArrayList<>();
    lines.add("Cloning " + app.repoUrl + " at " + deployment.commitSha);
    lines.add("Building with " + app.buildType);
    if (!app.envVars.isEmpty()) {
      lines.add("env check: " + app.envVars.get(0).key + "=" + app.envVars.get(0).value);
    }
    if ("failed".equals(deployment.status)) {
      lines.add("npm ERR! missing script: start");
      lines.add("error: build failed with exit code 1");
    } else {
      lines.add("Build finished");
    }
    ArrayNode json = JsonNodeFactory.instance.arrayNode();
    for (int i = 0; i < lines.size(); i++) {
      Instant at = now.minusSeconds(lines.size() - i);
      ObjectNode line = json.addObject();
      line.put("id", SimulatorState.newId())
          .put("message", lines.get(i))
          .put("service", "build")
          .put(
              "severity",
              lines.get(i).startsWith("error") || lines.get(i).startsWith("npm ERR")
                  ? "ERROR"
                  : "INFO")
          .put("timestamp", SevallaEndpoints.iso(at));
      line.putObject("tags");
      line.putObject("attributes");
      line.put("unix_timestamp", at.toEpochMilli() / 1000.0);
    }
    return json;
  }

  // ---- a database's access and suspension

  private void registerDatabaseAccess(Map<String, Handler> routes) {
    routes.put(
        "GET /databases/{id}/ip-restriction",
        x -> services.withDatabase(x, db -> Reply.ok(ipRule(db.ipRestriction))));
    routes.put(
        "PUT /databases/{id}/ip-restriction",
        x ->
            services.withDatabase(
                x,
                db -> {
                  putIpRule(x, db.ipRestriction);
                  return Reply.ok(ipRule(db.ipRestriction));
                }));
    routes.put(
        "POST /databases/{id}/external-connection/toggle",
        x ->
            services.withDatabase(
                x,
                db -> {
                  if (!"ready".equals(db.status)) {
                    return Reply.badRequest("The database is busy");
                  }
                  db.externalConnection = !db.externalConnection;
                  services.settle(db, "updatingExternalConnection", "ready", x.now);
                  return new Reply(
                      202, Exchange.object().put("message", "External connection update started"));
                }));
    routes.put(
        "POST /databases/{id}/suspend",
        x ->
            services.withDatabase(
                x,
                db -> {
                  if (!"ready".equals(db.status)) {
                    return Reply.badRequest("The database is busy");
                  }
                  db.suspended = true;
                  return SevallaEndpoints.message("Database suspension started");
                }));
    routes.put(
        "POST /databases/{id}/activate",
        x ->
            services.withDatabase(
                x,
                db -> {
                  db.suspended = false;
                  return SevallaEndpoints.message("Database activation started");
                }));
  }

  private static <T> Optional<T> find(
      List<T> items, Function<T, String> id, @Nullable String wanted) {
    return items.stream().filter(item -> id.apply(item).equals(wanted)).findFirst();
  }
}
