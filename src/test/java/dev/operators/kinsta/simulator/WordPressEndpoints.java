package dev.operators.kinsta.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.operators.kinsta.simulator.Exchange.Handler;
import dev.operators.kinsta.simulator.Exchange.Reply;
import dev.operators.kinsta.simulator.SimulatorState.Backup;
import dev.operators.kinsta.simulator.SimulatorState.Component;
import dev.operators.kinsta.simulator.SimulatorState.Domain;
import dev.operators.kinsta.simulator.SimulatorState.Environment;
import dev.operators.kinsta.simulator.SimulatorState.SftpAccount;
import dev.operators.kinsta.simulator.SimulatorState.Site;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The company, site, environment, tools, domain, backup, plugin and WP-CLI endpoints of the
 * simulated Kinsta.
 */
final class WordPressEndpoints {
  /**
   * Starts an asynchronous operation whose effect runs when it completes; answers 202 with its id.
   */
  interface Operations {
    /** {@code onFailure} undoes what the request did at once when the operation is made to fail. */
    Reply start(
        Exchange exchange,
        String kind,
        String message,
        Supplier<JsonNode> effect,
        Runnable onFailure);

    default Reply start(Exchange exchange, String kind, String message, Supplier<JsonNode> effect) {
      return start(exchange, kind, message, effect, null);
    }
  }

  static final Set<String> PHP_VERSIONS = Set.of("7.4", "8.0", "8.1", "8.2", "8.3", "8.4");
  private static final Pattern WEBROOT = Pattern.compile("^/([a-zA-Z0-9_-]+/?)*$");
  private static final Pattern WP_CLI = Pattern.compile("^wp\\s+[a-zA-Z0-9_\\-./:=@'\\s]+$");
  private static final Pattern IP_OR_CIDR = Pattern.compile("^[0-9a-fA-F:.]+(/\\d{1,3})?$");

  private final SimulatorState state;
  private final Operations operations;

  WordPressEndpoints(SimulatorState state, Operations operations) {
    this.state = state;
    this.operations = operations;
  }

  void register(Map<String, Handler> routes) {
    routes.put("GET /validate", this::validate);
    routes.put(
        "GET /company/{id}/available-regions",
        x ->
            inCompany(
                x,
                company -> {
                  ArrayNode regions = Exchange.object().arrayNode();
                  company.regions.forEach(
                      region -> regions.addObject().put("name", region).put("region", region));
                  ObjectNode body = Exchange.object();
                  body.putObject("company").set("available_regions", regions);
                  return Reply.ok(body);
                }));
    routes.put(
        "GET /company/{id}/users",
        x ->
            inCompany(
                x,
                company -> {
                  ObjectNode body = Exchange.object();
                  ArrayNode users = body.putObject("company").putArray("users");
                  company.users.forEach(
                      user ->
                          users
                              .addObject()
                              .putObject("user")
                              .put("id", user.id())
                              .put("email", user.email())
                              .put("image", "https://example.com/avatar.png")
                              .put("full_name", user.fullName()));
                  return Reply.ok(body);
                }));

    routes.put("GET /company/{id}/api-keys", x -> inCompany(x, company -> apiKeys(x)));
    routes.put("GET /company/{id}/activity-logs", x -> inCompany(x, company -> activity(x)));
    routes.put("GET /sites", this::listSites);
    for (String usage : List.of("visits", "bandwidth", "cdn-bandwidth")) {
      routes.put(
          "GET /sites/{site_id}/usage/" + usage + "/this-month",
          x -> withSite(x, site -> usage(site, usage)));
    }
    routes.put(
        "GET /sites/environments/{env_id}/analytics/diskspace",
        x -> withEnvironment(x, "env_id", env -> diskSpace(x, env)));
    routes.put(
        "GET /sites/{site_id}",
        x ->
            withSite(
                x,
                site -> {
                  ObjectNode body = Exchange.object();
                  ObjectNode json =
                      body.putObject("site")
                          .put("id", site.id)
                          .put("name", site.name)
                          .put("display_name", site.displayName)
                          .put("company_id", site.companyId)
                          .put("status", site.status);
                  ArrayNode environments = json.putArray("environments");
                  site.environments.forEach(
                      env -> environmentSummary(environments.addObject(), env));
                  return Reply.ok(body);
                }));
    routes.put("POST /sites", this::createSite);
    routes.put("POST /sites/plain", this::createSite);
    routes.put("POST /sites/clone", this::cloneSite);
    routes.put(
        "DELETE /sites/{site_id}",
        x ->
            withSite(
                x,
                site ->
                    operations.start(
                        x,
                        "sites:delete",
                        "Deleting site in progress",
                        () -> {
                          state.sites.remove(site.id);
                          return null;
                        })));
    routes.put(
        "POST /sites/{site_id}/change-site-php-allocation",
        x ->
            withSite(
                x,
                site -> {
                  int threads = x.body.path("thread_count").asInt();
                  int memory = x.body.path("thread_memory").asInt();
                  if (threads < 1 || memory < 128) {
                    return Reply.badRequest(
                        "thread_count must be at least 1 and thread_memory at least 128");
                  }
                  return operations.start(
                      x,
                      "sites:change-php-allocation",
                      "Changing PHP allocation in progress",
                      () -> {
                        site.environments.stream()
                            .filter(env -> !env.premium)
                            .forEach(
                                env -> {
                                  env.threadCount = threads;
                                  env.threadMemory = memory;
                                });
                        return null;
                      });
                }));

    routes.put(
        "GET /sites/{site_id}/environments",
        x ->
            withSite(
                x,
                site -> {
                  ObjectNode body = Exchange.object();
                  ArrayNode environments = body.putObject("site").putArray("environments");
                  site.environments.forEach(
                      env -> environmentDetails(environments.addObject(), env));
                  return Reply.ok(body);
                }));
    routes.put("POST /sites/{site_id}/environments", x -> addEnvironment(x, true, null));
    routes.put("POST /sites/{site_id}/environments/plain", x -> addEnvironment(x, false, null));
    routes.put(
        "POST /sites/{site_id}/environments/clone",
        x -> addEnvironment(x, true, x.text("source_env_id")));
    routes.put("PUT /sites/{site_id}/environments", this::pushEnvironment);
    routes.put(
        "DELETE /sites/environments/{env_id}",
        x ->
            withEnvironment(
                x,
                "env_id",
                env -> {
                  if ("live".equals(env.name)) {
                    return Reply.badRequest("The live environment cannot be deleted");
                  }
                  return operations.start(
                      x,
                      "environments:delete",
                      "Deleting environment in progress",
                      () -> {
                        state.sites.get(env.siteId).environments.remove(env);
                        return null;
                      });
                }));
    routes.put(
        "POST /sites/environments/{env_id}/change-environment-php-allocation",
        x ->
            withEnvironment(
                x,
                "env_id",
                env -> {
                  if (!env.premium) {
                    return Reply.badRequest(
                        "PHP allocation can be changed per environment only for premium staging");
                  }
                  int threads = x.body.path("thread_count").asInt();
                  int memory = x.body.path("thread_memory").asInt();
                  return operations.start(
                      x,
                      "environments:change-php-allocation",
                      "Changing PHP allocation in progress",
                      () -> {
                        env.threadCount = threads;
                        env.threadMemory = memory;
                        return null;
                      });
                }));
    routes.put(
        "POST /sites/environments/{env_id}/change-webroot-subfolder",
        x ->
            withEnvironment(
                x,
                "env_id",
                env -> {
                  String subfolder = x.text("web_root_subfolder");
                  if (!subfolder.isEmpty() && !WEBROOT.matcher(subfolder).matches()) {
                    return Reply.badRequest("web_root_subfolder must match ^/([a-zA-Z0-9_-]+/?)*$");
                  }
                  return operations.start(
                      x,
                      "environments:change-webroot",
                      "Changing web root in progress",
                      () -> {
                        env.webRoot = subfolder;
                        return null;
                      });
                }));

    routes.put(
        "POST /sites/tools/clear-cache",
        x ->
            withEnvironment(
                x,
                "environment_id",
                env ->
                    operations.start(x, "cache:clear", "Clearing cache in progress", () -> null)));
    routes.put(
        "POST /sites/tools/restart-php",
        x ->
            withEnvironment(
                x,
                "environment_id",
                env ->
                    operations.start(x, "php:restart", "Restarting PHP in progress", () -> null)));
    routes.put(
        "PUT /sites/tools/modify-php-version",
        x ->
            withEnvironment(
                x,
                "environment_id",
                env -> {
                  String version = x.text("php_version");
                  if (!PHP_VERSIONS.contains(version)) {
                    return Reply.badRequest("Unsupported PHP version " + version);
                  }
                  return operations.start(
                      x,
                      "php:modify-version",
                      "Modifying PHP version in progress",
                      () -> {
                        env.phpVersion = version;
                        return null;
                      });
                }));
    routes.put(
        "GET /sites/tools/denied-ips",
        x ->
            withEnvironment(
                x,
                "environment_id",
                env -> {
                  ObjectNode body = Exchange.object();
                  ObjectNode json = body.putObject("environment").put("id", env.id);
                  ArrayNode list = json.putArray("ip_list");
                  env.deniedIps.forEach(list::add);
                  return Reply.ok(body);
                }));
    routes.put(
        "PUT /sites/tools/denied-ips",
        x ->
            withEnvironment(
                x,
                "environment_id",
                env ->
                    withAddresses(
                        x.body.path("ip_list"),
                        ips -> {
                          env.deniedIps = ips;
                          return done();
                        })));
    routes.put(
        "POST /sites/edge-caching/clear",
        x ->
            withEnvironment(
                x,
                "environment_id",
                env ->
                    operations.start(
                        x, "edgeCache:clear", "Clearing edge cache in progress", () -> null)));
    routes.put(
        "PUT /sites/edge-caching/status",
        x ->
            withEnvironment(
                x,
                "environment_id",
                env -> {
                  boolean enabled = x.flag("enabled", false);
                  return operations.start(
                      x,
                      "edge-cache:update-status",
                      "Updating edge caching in progress",
                      () -> {
                        env.edgeCaching = enabled;
                        env.edgeCacheId = enabled ? SimulatorState.newId() : null;
                        return null;
                      });
                }));
    routes.put(
        "POST /sites/cdn/clear-cache",
        x ->
            withEnvironment(
                x,
                "environment_id",
                env -> {
                  if (!env.cdnCacheId.equals(x.text("cdn_cache_id"))) {
                    return Reply.badRequest("cdn_cache_id does not belong to this environment");
                  }
                  return operations.start(
                      x, "cdn-cache:clear", "Clearing CDN cache in progress", () -> null);
                }));
    routes.put(
        "PUT /sites/cdn/image-optimization",
        x ->
            withEnvironment(
                x,
                "environment_id",
                env -> {
                  String type = x.text("image_optimization_type");
                  return operations.start(
                      x,
                      "cdn:image-optimization",
                      "Updating image optimization in progress",
                      () -> {
                        env.imageOptimization = type;
                        return null;
                      });
                }));

    routes.put(
        "GET /sites/environments/{env_id}/domains",
        x ->
            withEnvironment(
                x,
                "env_id",
                env -> {
                  ObjectNode body = Exchange.object();
                  ArrayNode domains = body.putObject("environment").putArray("site_domains");
                  env.domains.forEach(
                      domain ->
                          domains
                              .addObject()
                              .put("id", domain.id)
                              .put("name", domain.name)
                              .put("uses_cloudflare_dns", false));
                  return Reply.ok(body);
                }));
    routes.put(
        "POST /sites/environments/{env_id}/domains",
        x ->
            withEnvironment(
                x,
                "env_id",
                env -> {
                  String name = x.text("domain_name").toLowerCase(java.util.Locale.ROOT);
                  if (env.domains.stream().anyMatch(domain -> domain.name.equals(name))) {
                    return Reply.badRequest(
                        "Domain " + name + " is already added to this environment");
                  }
                  return operations.start(
                      x,
                      "sites:add-domain",
                      "Adding domain in progress",
                      () -> {
                        env.domains.add(
                            new Domain(
                                SimulatorState.newId(),
                                name,
                                "live".equals(env.name) ? "live" : "staging"));
                        return null;
                      });
                }));
    routes.put(
        "GET /sites/environments/domains/{site_domain_id}/verification-records",
        x -> {
          String id = x.path("site_domain_id");
          Optional<Domain> found =
              state
                  .environmentsOf(x.company)
                  .flatMap(env -> env.domains.stream())
                  .filter(domain -> domain.id.equals(id))
                  .findFirst();
          if (found.isEmpty()) {
            return Reply.error(404, "Site domain not found");
          }
          String name = found.get().name;
          ObjectNode body = Exchange.object();
          ObjectNode domain = body.putObject("site_domain");
          domain
              .putArray("verification_records")
              .addObject()
              .put("name", "_acme-challenge." + name)
              .put("value", name + ".kinstavalidation.app")
              .put("type", "CNAME");
          ArrayNode pointing = domain.putArray("pointing_records");
          pointing.addObject().put("name", name).put("value", "192.0.2.10").put("type", "A");
          pointing.addObject().put("name", "www").put("value", name).put("type", "CNAME");
          return Reply.ok(body);
        });
    sshRoutes(routes);
    sftpAccountRoutes(routes);
    redirectRoutes(routes);
    routes.put(
        "DELETE /sites/environments/{env_id}/domains",
        x ->
            withEnvironment(
                x,
                "env_id",
                env -> {
                  List<String> ids = new ArrayList<>();
                  x.body.path("domain_ids").forEach(id -> ids.add(id.asText()));
                  for (String id : ids) {
                    if (env.domains.stream().noneMatch(domain -> domain.id.equals(id))) {
                      return Reply.notFound();
                    }
                    if (id.equals(env.primaryDomainId)) {
                      return Reply.badRequest(
                          "The primary domain cannot be removed; choose another primary domain first");
                    }
                  }
                  return operations.start(
                      x,
                      "sites:delete-domain",
                      "Deleting domains in progress",
                      () -> {
                        env.domains.removeIf(domain -> ids.contains(domain.id));
                        return null;
                      });
                }));
    routes.put(
        "PUT /sites/environments/{env_id}/change-primary-domain",
        x ->
            withEnvironment(
                x,
                "env_id",
                env -> {
                  String id = x.text("domain_id");
                  if (env.domains.stream().noneMatch(domain -> domain.id.equals(id))) {
                    return Reply.notFound();
                  }
                  return operations.start(
                      x,
                      "sites:change-primary-domain",
                      "Changing primary domain in progress",
                      () -> {
                        env.primaryDomainId = id;
                        return null;
                      });
                }));

    routes.put(
        "GET /sites/environments/{env_id}/downloadable-backups",
        x ->
            withEnvironment(
                x,
                "env_id",
                env -> {
                  ObjectNode body = Exchange.object();
                  ObjectNode json =
                      body.putObject("environment").put("display_name", env.displayName);
                  ArrayNode backups = json.putArray("downloadable_backups");
                  for (int i = 0; i < env.downloadableBackups; i++) {
                    Instant made = x.now.minus(Duration.ofDays(i + 1L));
                    backups
                        .addObject()
                        .put("id", SimulatorState.newId())
                        .put("created_at", made.toEpochMilli())
                        .put(
                            "download_link", "https://backups.example/" + env.id + "/" + i + ".zip")
                        .put("expires_at", made.plus(Duration.ofDays(1)).toEpochMilli())
                        .put("is_generation_in_progress", false);
                  }
                  return Reply.ok(body);
                }));
    routes.put(
        "GET /sites/environments/{env_id}/backups",
        x ->
            withEnvironment(
                x,
                "env_id",
                env -> {
                  ObjectNode body = Exchange.object();
                  ObjectNode json =
                      body.putObject("environment").put("display_name", env.displayName);
                  ArrayNode backups = json.putArray("backups");
                  env.backups.forEach(
                      backup -> {
                        ObjectNode item =
                            backups.addObject().put("id", backup.id).put("name", backup.name);
                        if (backup.note == null) {
                          item.putNull("note");
                        } else {
                          item.put("note", backup.note);
                        }
                        item.put("type", backup.type)
                            .put("created_at", backup.createdAt.toEpochMilli());
                      });
                  return Reply.ok(body);
                }));
    routes.put(
        "POST /sites/environments/{env_id}/manual-backups",
        x ->
            withEnvironment(
                x,
                "env_id",
                env -> {
                  String tag = x.text("tag") == null ? "" : x.text("tag");
                  return operations.start(
                      x,
                      "backups:add-manual",
                      "Adding manual backup in progress",
                      () -> {
                        Backup backup =
                            new Backup(
                                state.nextBackupId(),
                                "Manual backup",
                                tag.isEmpty() ? null : tag,
                                "manual",
                                java.time.Instant.now());
                        env.backups.add(backup);
                        ObjectNode data = Exchange.object();
                        data.put("backup_id", backup.id);
                        return data;
                      });
                }));
    routes.put(
        "POST /sites/environments/{target_env_id}/backups/restore",
        x ->
            withEnvironment(
                x,
                "target_env_id",
                env -> {
                  long backupId = x.body.path("backup_id").asLong();
                  Site site = state.sites.get(env.siteId);
                  boolean known =
                      site.environments.stream()
                          .flatMap(e -> e.backups.stream())
                          .anyMatch(b -> b.id == backupId);
                  if (!known) {
                    return Reply.notFound();
                  }
                  String user = x.text("notified_user_id");
                  if (state.companies.get(x.company).users.stream()
                      .noneMatch(u -> u.id().equals(user))) {
                    return Reply.badRequest("notified_user_id is not a user of this company");
                  }
                  return operations.start(
                      x, "backups:restore", "Restoring backup in progress", () -> null);
                }));
    routes.put(
        "POST /sites/{site_id}/reset-site",
        x ->
            withSite(
                x,
                site ->
                    operations.start(
                        x,
                        "sites:reset-site",
                        "Resetting site in progress",
                        () -> {
                          site.resets++;
                          site.adminPassword = x.body.path("admin_password").asText();
                          site.environments.forEach(env -> env.plugins.clear());
                          return null;
                        })));
    routes.put(
        "DELETE /sites/environments/backups/{backup_id}",
        x -> {
          long backupId;
          try {
            backupId = Long.parseLong(x.path("backup_id"));
          } catch (NumberFormatException notNumber) {
            return Reply.badRequest("backup_id must be a number");
          }
          for (Site site : state.sitesOf(x.company)) {
            for (Environment env : site.environments) {
              Optional<Backup> backup =
                  env.backups.stream().filter(b -> b.id == backupId).findFirst();
              if (backup.isPresent()) {
                return operations.start(
                    x,
                    "backups:remove",
                    "Removing backup in progress",
                    () -> {
                      env.backups.remove(backup.get());
                      return null;
                    });
              }
            }
          }
          return Reply.notFound();
        });

    routes.put(
        "GET /sites/environments/{env_id}/plugins",
        x -> components(x, "wp_plugins", env -> env.plugins));
    routes.put(
        "GET /sites/environments/{env_id}/themes",
        x -> components(x, "wp_themes", env -> env.themes));
    routes.put(
        "PUT /sites/environments/{env_id}/plugins",
        x -> updateComponent(x, "wp-plugin", env -> env.plugins));
    routes.put(
        "PUT /sites/environments/{env_id}/themes",
        x -> updateComponent(x, "wp-theme", env -> env.themes));
    routes.put(
        "PUT /sites/environments/{env_id}/plugins/bulk-update",
        x -> bulkUpdate(x, "plugins", "wp-plugin", env -> env.plugins));
    routes.put(
        "PUT /sites/environments/{env_id}/themes/bulk-update",
        x -> bulkUpdate(x, "themes", "wp-theme", env -> env.themes));

    routes.put(
        "POST /sites/environments/{env_id}/run-wp-cli-command",
        x ->
            withEnvironment(
                x,
                "env_id",
                env -> {
                  String command = x.text("wp_command");
                  if (command.length() > 5000 || !WP_CLI.matcher(command).matches()) {
                    return Reply.badRequest(
                        "wp_command must start with 'wp' and use only allowed characters");
                  }
                  return operations.start(
                      x,
                      "environment:run-wp-cli-command",
                      "Running WP-CLI command in progress",
                      () -> {
                        ObjectNode data = Exchange.object();
                        data.put("result", "Success: ran '" + command + "' on " + env.displayName);
                        return data;
                      });
                }));
    routes.put(
        "GET /sites/environments/{env_id}/logs",
        x ->
            withEnvironment(
                x,
                "env_id",
                env -> {
                  int lines =
                      Math.min(Integer.parseInt(x.query.getOrDefault("lines", "1000")), 20000);
                  StringBuilder logs = new StringBuilder();
                  for (int i = 0; i < lines; i++) {
                    logs.append("[simulated] ")
                        .append(x.query.get("file_name"))
                        .append(" line ")
                        .append(i + 1)
                        .append('\n');
                  }
                  ObjectNode body = Exchange.object();
                  body.putObject("environment")
                      .putObject("container_info")
                      .put("logs", logs.toString());
                  return Reply.ok(body);
                }));
  }

  private Reply apiKeys(Exchange x) {
    ObjectNode body = Exchange.object();
    ArrayNode keys = body.putArray("api_keys");
    state.apiKeys.values().stream()
        .filter(record -> record.companyId.equals(x.company))
        .forEach(
            record -> {
              ObjectNode key =
                  keys.addObject()
                      .put("id", record.id)
                      .put("name", record.name)
                      .put(
                          "status",
                          "active".equals(record.status)
                                  && record.expiresAt != null
                                  && x.now.isAfter(record.expiresAt)
                              ? "expired"
                              : record.status);
              if (record.expiresAt == null) {
                key.putNull("expires_at");
              } else {
                key.put("expires_at", record.expiresAt.toString());
              }
            });
    return Reply.ok(body);
  }

  private static Reply usage(Site site, String usage) {
    ObjectNode body = Exchange.object();
    ObjectNode json = body.putObject("site").put("id", site.id);
    switch (usage) {
      case "visits" -> json.putObject("this_month_usage").put("visits", site.visitsThisMonth);
      case "bandwidth" ->
          json.putObject("this_month_usage").put("bandwidth", site.bandwidthThisMonth);
      default ->
          json.putObject("this_month_cdn_usage").put("bandwidth", site.cdnBandwidthThisMonth);
    }
    return Reply.ok(body);
  }

  /** Seven daily points, the newest today, as Kinsta's analytics answer them (HTTP 202). */
  private static Reply diskSpace(Exchange x, Environment env) {
    ObjectNode body = Exchange.object();
    ObjectNode response = body.putObject("analytics").putObject("analytics_response");
    response.put("key", "diskSpaceUsage");
    ObjectNode series = response.putArray("data").addObject();
    series.put("name", "diskSpaceUsage").put("total", env.diskSpace);
    ArrayNode dataset = series.putArray("dataset");
    java.time.LocalDate today = x.now.atZone(java.time.ZoneOffset.UTC).toLocalDate();
    for (int daysAgo = 6; daysAgo >= 0; daysAgo--) {
      dataset
          .addObject()
          .put("key", today.minusDays(daysAgo) + "T00:00:00")
          .put("value", Long.toString(env.diskSpace - daysAgo * 1_000_000L));
    }
    return new Reply(202, body);
  }

  /** The company's activity log, newest first, paged by {@code limit} and {@code offset}. */
  private Reply activity(Exchange x) {
    int limit = (int) Double.parseDouble(x.query.getOrDefault("limit", "10"));
    int offset = (int) Double.parseDouble(x.query.getOrDefault("offset", "0"));
    String siteFilter = x.query.get("site_id");
    List<SimulatorState.ActivityEntry> entries =
        state.activity.stream()
            .filter(entry -> entry.companyId.equals(x.company))
            .filter(entry -> siteFilter == null || siteFilter.equals(entry.siteId))
            .sorted(
                java.util.Comparator.comparing((SimulatorState.ActivityEntry e) -> e.createdAt)
                    .thenComparing(e -> e.id)
                    .reversed())
            .toList();
    ObjectNode body = Exchange.object();
    ObjectNode log = body.putObject("company").putObject("activity_logs");
    ArrayNode items = log.putArray("items");
    entries.stream()
        .skip(offset)
        .limit(limit)
        .forEach(entry -> activityItem(items.addObject(), entry));
    log.put("total", entries.size());
    return Reply.ok(body);
  }

  private static void activityItem(ObjectNode item, SimulatorState.ActivityEntry entry) {
    item.put("id", entry.id);
    if (entry.siteId == null) {
      item.putNull("site_id");
    } else {
      item.put("site_id", entry.siteId);
    }
    item.put("created_at", entry.createdAt.toEpochMilli())
        .put("is_done", true)
        .put("has_failed", entry.failed)
        .put("has_warning", false)
        .put("type", entry.type);
    if (entry.publicError == null) {
      item.putNull("public_error");
    } else {
      item.put("public_error", entry.publicError);
    }
    item.put("ip_address", "203.0.113.42");
    if (entry.user == null) {
      item.putNull("initiated_by");
    } else {
      item.putObject("initiated_by")
          .put("id", entry.user.id())
          .put("role", "company_admin")
          .put("full_name", entry.user.fullName())
          .put("first_name", entry.user.fullName().split(" ")[0]);
    }
    item.putNull("user_agent_info");
    if (entry.apiKey == null) {
      item.putNull("api_key_info");
    } else {
      item.putObject("api_key_info").put("id", entry.apiKey.id).put("name", entry.apiKey.name);
    }
    ArrayNode descriptions = item.putArray("descriptions");
    entry.descriptions.forEach(descriptions::add);
  }

  private Reply validate(Exchange x) {
    SimulatorState.ApiKeyRecord key =
        state.apiKeys.values().stream()
            .filter(record -> record.companyId.equals(x.company))
            .findFirst()
            .orElseThrow();
    ObjectNode body = Exchange.object();
    body.put("name", key.name);
    if (key.expiresAt == null) {
      body.putNull("expires_at");
    } else {
      body.put("expires_at", String.valueOf(key.expiresAt.toEpochMilli()));
    }
    body.put("company", key.companyId).put("status", key.status);
    return Reply.ok(body);
  }

  private Reply listSites(Exchange x) {
    if (!x.company.equals(x.query.get("company"))) {
      return Reply.notFound();
    }
    boolean withEnvironments =
        Boolean.parseBoolean(x.query.getOrDefault("include_environments", "false"));
    ObjectNode body = Exchange.object();
    ArrayNode sites = body.putObject("company").putArray("sites");
    for (Site site : state.sitesOf(x.company)) {
      if (state.listSitesOnlyWhenCreated && "creating".equals(site.status)) {
        continue;
      }
      ObjectNode json =
          sites
              .addObject()
              .put("id", site.id)
              .put("name", site.name)
              .put("display_name", site.displayName)
              .put("status", site.status);
      json.putArray("siteLabels");
      if (withEnvironments) {
        ArrayNode environments = json.putArray("environments");
        site.environments.forEach(env -> environmentDetails(environments.addObject(), env));
      }
    }
    return Reply.ok(body);
  }

  private Reply createSite(Exchange x) {
    if (!x.company.equals(x.text("company"))) {
      return Reply.notFound();
    }
    String region = x.text("region");
    if (!state.companies.get(x.company).regions.contains(region)) {
      return Reply.badRequest("Region " + region + " is not available to this company");
    }
    boolean wordpress = x.methodAndPath.equals("POST /sites");
    Site site = newSite(x.company, x.text("display_name"));
    return operations.start(
        x,
        wordpress ? "sites:add" : "sites:add-plain",
        "Adding site in progress",
        () -> {
          Environment live = newEnvironment(site, "live", "Live", false);
          live.wordpress = wordpress;
          if (!wordpress) {
            live.wordpressVersion = null;
          }
          if (x.flag("woocommerce", false)) {
            live.plugins.add(new Component("woocommerce", "WooCommerce", "9.3.0", null));
          }
          if (x.flag("wordpressseo", false)) {
            live.plugins.add(new Component("wordpress-seo", "Yoast SEO", "23.5", "23.6"));
          }
          if (wordpress) {
            live.plugins.add(new Component("akismet", "Akismet Anti-spam", "5.3.3", "5.3.5"));
            live.themes.add(new Component("twentytwentyfour", "Twenty Twenty-Four", "1.2", null));
          }
          site.status = "live";
          return idSite(site);
        },
        () -> state.sites.remove(site.id));
  }

  private Reply cloneSite(Exchange x) {
    if (!x.company.equals(x.text("company"))) {
      return Reply.notFound();
    }
    Optional<Environment> source = ownEnvironment(x, x.text("source_env_id"));
    if (source.isEmpty()) {
      return Reply.notFound();
    }
    Site site = newSite(x.company, x.text("display_name"));
    return operations.start(
        x,
        "site:clone",
        "Cloning site in progress",
        () -> {
          Environment live = newEnvironment(site, "live", "Live", false);
          copySettings(source.get(), live);
          site.status = "live";
          return idSite(site);
        },
        () -> state.sites.remove(site.id));
  }

  private Reply addEnvironment(Exchange x, boolean wordpress, String sourceEnvironmentId) {
    return withSite(
        x,
        site -> {
          String displayName = x.text("display_name");
          if (site.environments.stream()
              .anyMatch(env -> env.displayName.equalsIgnoreCase(displayName))) {
            return Reply.badRequest(
                "The display name " + displayName + " is already used by another environment");
          }
          Optional<Environment> source = Optional.empty();
          if (sourceEnvironmentId != null) {
            source =
                site.environments.stream()
                    .filter(env -> env.id.equals(sourceEnvironmentId))
                    .findFirst();
            if (source.isEmpty()) {
              return Reply.notFound();
            }
          }
          Optional<Environment> copyFrom = source;
          boolean premium = x.flag("is_premium", false);
          return operations.start(
              x,
              sourceEnvironmentId == null ? "environment:add" : "environment:clone",
              "Adding environment in progress",
              () -> {
                String name =
                    SimulatorState.internalName(displayName).replaceAll("-[a-z0-9]{5}$", "");
                Environment env = newEnvironment(site, name, displayName, premium);
                env.wordpress = wordpress;
                if (!wordpress) {
                  env.wordpressVersion = null;
                }
                copyFrom.ifPresent(from -> copySettings(from, env));
                return null;
              });
        });
  }

  private Reply pushEnvironment(Exchange x) {
    return withSite(
        x,
        site -> {
          String sourceId = x.text("source_env_id");
          String targetId = x.text("target_env_id");
          Optional<Environment> source =
              site.environments.stream().filter(env -> env.id.equals(sourceId)).findFirst();
          Optional<Environment> target =
              site.environments.stream().filter(env -> env.id.equals(targetId)).findFirst();
          if (source.isEmpty() || target.isEmpty()) {
            return Reply.notFound();
          }
          if (sourceId.equals(targetId)) {
            return Reply.badRequest("source_env_id and target_env_id must differ");
          }
          return operations.start(
              x,
              "environments:push",
              "Pushing environment in progress",
              () -> {
                if (x.flag("push_files", true)) {
                  target.get().wordpressVersion = source.get().wordpressVersion;
                }
                return null;
              });
        });
  }

  private Reply components(Exchange x, String field, Function<Environment, List<Component>> list) {
    return withEnvironment(
        x,
        "env_id",
        env -> {
          ObjectNode body = Exchange.object();
          ObjectNode container =
              body.putObject("environment")
                  .put("id", env.id)
                  .putObject("container_info")
                  .put("id", env.containerId);
          ArrayNode data = container.putObject(field).putArray("data");
          list.apply(env)
              .forEach(
                  component -> {
                    ObjectNode item =
                        data.addObject()
                            .put("name", component.name)
                            .put("title", component.title)
                            .put("status", component.status)
                            .put("version", component.version)
                            .put("update", component.updateVersion == null ? "none" : "available");
                    if (component.updateVersion == null) {
                      item.putNull("update_version").putNull("update_status");
                    } else {
                      item.put("update_version", component.updateVersion)
                          .put("update_status", "available");
                    }
                  });
          return Reply.ok(body);
        });
  }

  private Reply updateComponent(
      Exchange x, String kind, Function<Environment, List<Component>> list) {
    return withEnvironment(
        x,
        "env_id",
        env -> {
          Optional<Component> component =
              list.apply(env).stream().filter(c -> c.name.equals(x.text("name"))).findFirst();
          if (component.isEmpty()) {
            return Reply.notFound();
          }
          String version = x.text("update_version");
          return operations.start(
              x,
              kind + ":update",
              "Updating in progress",
              () -> {
                component.get().version = version;
                component.get().updateVersion = null;
                return null;
              });
        });
  }

  private Reply bulkUpdate(
      Exchange x, String field, String kind, Function<Environment, List<Component>> list) {
    return withEnvironment(
        x,
        "env_id",
        env -> {
          List<Component> selected = new ArrayList<>();
          for (JsonNode item : x.body.path(field)) {
            Optional<Component> component =
                list.apply(env).stream()
                    .filter(c -> c.name.equals(item.path("name").asText()))
                    .findFirst();
            if (component.isEmpty()) {
              return Reply.notFound();
            }
            selected.add(component.get());
          }
          Reply started =
              operations.start(
                  x,
                  kind + ":bulk-update",
                  "Bulk update in progress",
                  () -> {
                    selected.stream()
                        .filter(c -> c.updateVersion != null)
                        .forEach(
                            c -> {
                              c.version = c.updateVersion;
                              c.updateVersion = null;
                            });
                    return null;
                  });
          // Documented as HTTP 200, while the body still says 202 and carries the operation id.
          return new Reply(200, started.body());
        });
  }

  Site newSite(String companyId, String displayName) {
    return newSite(SimulatorState.newId(), companyId, displayName);
  }

  Site newSite(String siteId, String companyId, String displayName) {
    Site site = new Site(siteId, companyId, SimulatorState.internalName(displayName), displayName);
    site.status = "creating";
    state.sites.put(site.id, site);
    return site;
  }

  Environment newEnvironment(Site site, String name, String displayName, boolean premium) {
    return newEnvironment(site, SimulatorState.newId(), name, displayName, premium);
  }

  Environment newEnvironment(
      Site site, String envId, String name, String displayName, boolean premium) {
    Environment env = new Environment(envId, site.id, name, displayName);
    env.premium = premium;
    String host = ("live".equals(name) ? site.name : name + "-" + site.name) + ".kinsta.cloud";
    Domain domain =
        new Domain(SimulatorState.newId(), host, "live".equals(name) ? "live" : "staging");
    env.domains.add(domain);
    env.primaryDomainId = domain.id;
    site.environments.add(env);
    return env;
  }

  private static void copySettings(Environment from, Environment to) {
    to.phpVersion = from.phpVersion;
    to.wordpress = from.wordpress;
    to.wordpressVersion = from.wordpressVersion;
    from.plugins.forEach(
        p -> to.plugins.add(new Component(p.name, p.title, p.version, p.updateVersion)));
    from.themes.forEach(
        t -> to.themes.add(new Component(t.name, t.title, t.version, t.updateVersion)));
  }

  private JsonNode idSite(Site site) {
    ObjectNode data = Exchange.object();
    if (!state.createdSitesWithoutId) {
      data.put("idSite", site.id);
    }
    return data;
  }

  private static void domain(ObjectNode into, Domain domain, Environment env) {
    into.put("id", domain.id)
        .put("name", domain.name)
        .put("type", domain.type)
        .put("site_id", env.siteId)
        .put("is_active", true);
  }

  private static void environmentSummary(ObjectNode json, Environment env) {
    json.put("id", env.id)
        .put("name", env.name)
        .put("display_name", env.displayName)
        .put("is_premium", env.premium)
        .put("is_blocked", false);
    ArrayNode domains = json.putArray("domains");
    env.domains.forEach(d -> domain(domains.addObject(), d, env));
    env.primaryDomain()
        .ifPresentOrElse(
            d -> domain(json.putObject("primaryDomain"), d, env),
            () -> json.putNull("primaryDomain"));
  }

  static void environmentDetails(ObjectNode json, Environment env) {
    json.put("id", env.id)
        .put("name", env.name)
        .put("display_name", env.displayName)
        .put("is_blocked", false);
    if (env.edgeCaching) {
      json.put("id_edge_cache", env.edgeCacheId);
    } else {
      json.putNull("id_edge_cache");
    }
    json.put("cdn_cache_id", env.cdnCacheId)
        .put("is_opt_out_from_automatic_php_update", false)
        .put("web_root", env.webRoot)
        .put("image_optimization_type", env.imageOptimization)
        .put("is_additional_sftp_accounts_enabled", env.sftpAccountsEnabled)
        .put("is_premium", env.premium);
    if (env.wordpressVersion == null) {
      json.putNull("wordpress_version");
    } else {
      json.put("wordpress_version", env.wordpressVersion);
    }
    ArrayNode domains = json.putArray("domains");
    env.domains.forEach(d -> domain(domains.addObject(), d, env));
    env.primaryDomain()
        .ifPresentOrElse(
            d -> domain(json.putObject("primaryDomain"), d, env),
            () -> json.putNull("primaryDomain"));
    json.putObject("ssh_connection")
        .put("ssh_port", "22000")
        .putObject("ssh_ip")
        .put("external_ip", "203.0.113.10");
    json.putObject("container_info")
        .put("id", env.containerId)
        .put("php_engine_version", "php" + env.phpVersion);
  }

  /** SFTP/SSH access of an environment: synchronous calls answering {@code {result: null}}. */
  private void sshRoutes(Map<String, Handler> routes) {
    routes.put(
        "POST /sites/environments/{env_id}/ssh/set-status",
        x ->
            withEnvironment(
                x,
                "env_id",
                env -> {
                  env.sshEnabled = x.body.path("is_enabled").asBoolean();
                  return done();
                }));
    routes.put(
        "GET /sites/environments/{env_id}/ssh/get-status",
        x ->
            withEnvironment(
                x,
                "env_id",
                env -> {
                  ObjectNode body = Exchange.object();
                  body.putObject("environment")
                      .putObject("active_container")
                      .put("is_ssh_enabled", env.sshEnabled);
                  return Reply.ok(body);
                }));
    routes.put(
        "POST /sites/environments/{env_id}/ssh/set-password-status",
        x ->
            withEnvironment(
                x,
                "env_id",
                env -> {
                  env.sshPasswordAuthentication = x.body.path("is_enabled").asBoolean();
                  return done();
                }));
    routes.put(
        "GET /sites/environments/{env_id}/ssh/get-allowed-ips",
        x ->
            withEnvironment(
                x,
                "env_id",
                env -> {
                  ObjectNode body = Exchange.object();
                  ArrayNode list =
                      body.putObject("environment")
                          .putObject("active_container")
                          .putArray("stfp_ip_allowlist");
                  env.sshAllowedIps.forEach(list::add);
                  return Reply.ok(body);
                }));
    routes.put(
        "POST /sites/environments/{env_id}/ssh/set-allowed-ips",
        x ->
            withEnvironment(
                x,
                "env_id",
                env ->
                    withAddresses(
                        x.body.path("ip_allowlist"),
                        ips -> {
                          env.sshAllowedIps = ips;
                          return done();
                        })));
    routes.put(
        "POST /sites/environments/{env_id}/ssh/change-expiration-interval",
        x ->
            withEnvironment(
                x,
                "env_id",
                env -> {
                  env.sshExpiration = x.text("exp_interval");
                  return done();
                }));
    routes.put(
        "GET /sites/{site_id}/environments/{env_id}/ssh/config",
        x ->
            withSite(
                x,
                site ->
                    site.environments.stream()
                        .filter(env -> env.id.equals(x.path("env_id")))
                        .findFirst()
                        .map(env -> sshConfig(site, env))
                        .orElseGet(Reply::notFound)));
  }

  /**
   * Additional SFTP accounts: the feature switched per environment and accounts added and removed
   * through operations (Kinsta has no call to change an account). Adding one is documented as 200
   * and answers 200 with {@code status: 202} and an operation id in the body.
   */
  private void sftpAccountRoutes(Map<String, Handler> routes) {
    routes.put(
        "PUT /sites/environments/{env_id}/additional-sftp-accounts/toggle-status",
        x ->
            withEnvironment(
                x,
                "env_id",
                env -> {
                  boolean enabled = x.body.path("enabled").asBoolean();
                  return operations.start(
                      x,
                      "sftp-accounts:toggle-status",
                      "Updating Additional SFTP Accounts Status in progress",
                      () -> {
                        env.sftpAccountsEnabled = enabled;
                        return null;
                      });
                }));
    routes.put(
        "GET /sites/environments/{env_id}/additional-sftp-accounts",
        x ->
            withEnvironment(
                x,
                "env_id",
                env -> {
                  ObjectNode body = Exchange.object();
                  ObjectNode environment = body.putObject("environment");
                  ArrayNode accounts = environment.putArray("additional_sftp_accounts");
                  env.sftpAccounts.forEach(
                      account ->
                          accounts
                              .addObject()
                              .put("id", account.id)
                              .put("username", account.username)
                              .put("root_directory", account.rootDirectory)
                              .put("is_active", env.sftpAccountsEnabled)
                              .put("permission", account.permission));
                  environment
                      .putObject("container_info")
                      .put("additional_sftp_accounts_port", Integer.toString(env.sftpAccountsPort));
                  return Reply.ok(body);
                }));
    routes.put(
        "POST /sites/environments/{env_id}/additional-sftp-accounts",
        x -> withEnvironment(x, "env_id", env -> addSftpAccount(x, env)));
    routes.put(
        "DELETE /sites/environments/additional-sftp-accounts/{sftp_account_id}",
        x -> {
          String id = x.path("sftp_account_id");
          Optional<Environment> holder =
              state
                  .environmentsOf(x.company)
                  .filter(env -> env.sftpAccounts.stream().anyMatch(a -> a.id.equals(id)))
                  .findFirst();
          if (holder.isEmpty()) {
            return Reply.notFound();
          }
          return operations.start(
              x,
              "sftp-accounts:remove-additional-sftp-account",
              "Removing Additional SFTP Account in progress",
              () -> {
                holder.get().sftpAccounts.removeIf(a -> a.id.equals(id));
                return null;
              });
        });
  }

  private Reply addSftpAccount(Exchange x, Environment env) {
    String username = x.text("username");
    String password = x.text("password");
    String root = x.body.path("root_directory").asText("/");
    String permission = x.body.path("permission").asText("read");
    if (username == null || username.isBlank()) {
      return Reply.badRequest("username is required");
    }
    if (password == null || password.length() < 16) {
      return Reply.badRequest("password must be at least 16 characters long");
    }
    if (!Set.of("read", "write").contains(permission)) {
      return Reply.badRequest("permission must be read or write");
    }
    if (env.sftpAccounts.stream().anyMatch(a -> a.username.equals(username))) {
      return Reply.badRequest("An SFTP account named " + username + " already exists");
    }
    Reply started =
        operations.start(
            x,
            "sftp-accounts:add-additional-sftp-account",
            "Adding Additional SFTP Account in progress",
            () -> {
              env.sftpAccounts.add(new SftpAccount(username, password, root, permission));
              return null;
            });
    return started.status() == 202 ? new Reply(200, started.body()) : started;
  }

  private static Reply sshConfig(Site site, Environment env) {
    String host = "34.120.0.10";
    String port = Integer.toString(env.sshPort);
    ObjectNode body = Exchange.object();
    ObjectNode json = body.putObject("site");
    json.put("id", site.id).put("name", site.name).put("displayName", site.displayName);
    json.put("usr", site.name);
    ObjectNode container =
        json.putObject("environment").put("id", env.id).putObject("activeContainer");
    container.put("id", env.containerId).put("lxdSshPort", port);
    container.putObject("loadBalancer").put("id", env.id + "-lb").put("extIP", host);
    body.put("port", port)
        .put("name", site.name)
        .put("host", host)
        .put("user", site.name)
        .put("ssh_command", "ssh " + site.name + "@" + host + " -p " + port);
    return Reply.ok(body);
  }

  /** Redirect rules: read in pages, changed one action at a time (synchronous). */
  private void redirectRoutes(Map<String, Handler> routes) {
    routes.put(
        "GET /sites/environments/{env_id}/redirect-rules",
        x ->
            withEnvironment(
                x,
                "env_id",
                env -> {
                  int limit = Integer.parseInt(x.query.getOrDefault("limit", "10"));
                  int offset = Integer.parseInt(x.query.getOrDefault("offset", "0"));
                  ObjectNode body = Exchange.object();
                  ObjectNode environment = body.putObject("environment").put("id", env.id);
                  ObjectNode rules =
                      environment.putObject("container_info").putObject("redirect_rules");
                  ArrayNode list = rules.putArray("rules");
                  env.redirects.stream()
                      .skip(offset)
                      .limit(limit)
                      .forEach(
                          rule -> {
                            ObjectNode json =
                                list.addObject()
                                    .put("from", rule.from())
                                    .put("to", rule.to())
                                    .put("type", rule.type())
                                    .put("domain", rule.domain());
                            json.putNull("traffic_from_country");
                            json.putNull("traffic_from_country_name");
                            json.putNull("traffic_from_city");
                            json.putNull("displayed_location");
                          });
                  rules.put("redirect_rules_count", env.redirects.size());
                  return Reply.ok(body);
                }));
    routes.put(
        "POST /sites/environments/{env_id}/redirect-rules",
        x ->
            withEnvironment(
                x,
                "env_id",
                env -> {
                  List<SimulatorState.Redirect> named = new ArrayList<>();
                  x.body.path("rules_to_update").forEach(rule -> named.add(redirect(rule)));
                  switch (x.text("action_type")) {
                    case "NEW" -> {
                      SimulatorState.Redirect rule = redirect(x.body.path("new_value"));
                      if (env.redirects.contains(rule)) {
                        return Reply.badRequest("The redirect rule already exists");
                      }
                      env.redirects.add(rule);
                    }
                    case "DELETE" -> {
                      if (!env.redirects.containsAll(named)) {
                        return Reply.badRequest("No such redirect rule");
                      }
                      env.redirects.removeAll(named);
                    }
                    case "DELETE_ALL" -> env.redirects.clear();
                    default -> {
                      int at = named.isEmpty() ? -1 : env.redirects.indexOf(named.get(0));
                      if (at < 0) {
                        return Reply.badRequest("No such redirect rule");
                      }
                      env.redirects.set(at, redirect(x.body.path("new_value")));
                    }
                  }
                  return done();
                }));
  }

  private static SimulatorState.Redirect redirect(JsonNode rule) {
    return new SimulatorState.Redirect(
        rule.path("domain").isTextual() ? rule.path("domain").asText() : null,
        rule.path("from").asText(),
        rule.path("to").asText(),
        rule.path("type").asText());
  }

  /** The addresses of an IP list, or Kinsta's 400 for the first that is not an address. */
  private static Reply withAddresses(JsonNode list, Function<List<String>, Reply> action) {
    List<String> ips = new ArrayList<>();
    for (JsonNode ip : list) {
      if (!IP_OR_CIDR.matcher(ip.asText()).matches()) {
        return Reply.badRequest("Invalid IP address or range: " + ip.asText());
      }
      ips.add(ip.asText());
    }
    return action.apply(ips);
  }

  private static Reply done() {
    ObjectNode body = Exchange.object();
    body.putNull("result");
    return Reply.ok(body);
  }

  private Reply inCompany(Exchange x, Function<SimulatorState.Company, Reply> action) {
    if (!x.company.equals(x.path("id"))) {
      return Reply.notFound();
    }
    return action.apply(state.companies.get(x.company));
  }

  private Reply withSite(Exchange x, Function<Site, Reply> action) {
    Site site = state.sites.get(x.path("site_id"));
    if (site == null || !site.companyId.equals(x.company)) {
      return Reply.error(404, "Site not found");
    }
    return action.apply(site);
  }

  /** The environment named by a path parameter, or by a body or query field of the same name. */
  private Reply withEnvironment(Exchange x, String parameter, Function<Environment, Reply> action) {
    String id = x.path(parameter);
    if (id == null) {
      id = x.text(parameter);
    }
    if (id == null) {
      id = x.query.get(parameter);
    }
    Optional<Environment> env = ownEnvironment(x, id);
    return env.isEmpty() ? Reply.notFound() : action.apply(env.get());
  }

  private Optional<Environment> ownEnvironment(Exchange x, String environmentId) {
    return state
        .environment(environmentId)
        .filter(env -> state.sites.get(env.siteId).companyId.equals(x.company));
  }
}
