package dev.operators.kinsta.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.operators.kinsta.simulator.Exchange.Handler;
import dev.operators.kinsta.simulator.Exchange.Reply;
import dev.operators.kinsta.simulator.SimulatorState.StaticDeployment;
import dev.operators.kinsta.simulator.SimulatorState.StaticSite;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Static sites (REFERENCE.md §12): listed, read, updated and deleted; deployed by branch or
 * redeployed, each deployment in progress for the simulator's deployment duration.
 */
final class StaticSiteEndpoints {
  private final SimulatorState state;
  private final Supplier<SimulatorSettings> settings;
  private final HostingEndpoints.Faults faults;

  StaticSiteEndpoints(
      SimulatorState state, Supplier<SimulatorSettings> settings, HostingEndpoints.Faults faults) {
    this.state = state;
    this.settings = settings;
    this.faults = faults;
  }

  void register(Map<String, Handler> routes) {
    routes.put("GET /static-sites", this::list);
    routes.put("GET /static-sites/{id}", x -> withSite(x, site -> Reply.ok(details(site))));
    routes.put("PUT /static-sites/{id}", x -> withSite(x, site -> update(x, site)));
    routes.put(
        "DELETE /static-sites/{id}",
        x ->
            withSite(
                x,
                site -> {
                  site.deleted = true;
                  site.status = "deleting";
                  return Reply.ok(Exchange.object().put("transaction_id", "8097788359944597"));
                }));
    routes.put(
        "POST /static-sites/deployments",
        x ->
            withSite(
                x,
                x.text("static_site_id"),
                site ->
                    deploy(
                        x,
                        site,
                        x.text("branch") == null ? site.defaultBranch : x.text("branch"),
                        "Deploy")));
    routes.put(
        "POST /static-sites/deployments/redeploy",
        x ->
            withSite(
                x,
                x.text("static_site_id"),
                site -> {
                  String branch =
                      site.deployments.stream()
                          .filter(d -> d.id.equals(x.text("deployment_id")))
                          .findFirst()
                          .map(d -> d.branch)
                          .orElse(site.defaultBranch);
                  return deploy(x, site, branch, "Redeploy");
                }));
    routes.put(
        "GET /static-sites/deployments/{deployment_id}",
        x -> {
          for (StaticSite site : state.staticSites.values()) {
            if (!site.companyId.equals(x.company)) {
              continue;
            }
            for (StaticDeployment deployment : site.deployments) {
              if (deployment.id.equals(x.path("deployment_id"))) {
                ObjectNode body = Exchange.object();
                deployment(body.putObject("deployment"), site, deployment)
                    .put("static_site_id", site.id)
                    .putNull("author_login")
                    .putNull("author_img")
                    .put("commit_sha", deployment.id.substring(0, 8))
                    .putNull("cloud_build_id")
                    .put("updated_at", deployment.createdAt.toEpochMilli())
                    .putNull("finished_at")
                    .putNull("started_at");
                return Reply.ok(body);
              }
            }
          }
          return Reply.notFound();
        });
  }

  /** Moves deployments on once their time has come, and forgets deleted sites. */
  void advance(Instant now) {
    state
        .staticSites
        .values()
        .removeIf(
            site -> {
              for (StaticDeployment deployment : site.deployments) {
                if ("inProgress".equals(deployment.status)
                    && !now.isBefore(deployment.finishesAt)) {
                  deployment.status = deployment.willFail ? "failed" : "success";
                  site.status = deployment.willFail ? "deploymentFailed" : "deploymentSuccess";
                }
              }
              return site.deleted;
            });
  }

  private Reply list(Exchange x) {
    if (!x.company.equals(x.query.get("company"))) {
      return Reply.notFound();
    }
    int limit = Integer.parseInt(x.query.getOrDefault("limit", "10"));
    int offset = Integer.parseInt(x.query.getOrDefault("offset", "0"));
    ObjectNode body = Exchange.object();
    ArrayNode items = body.putObject("company").putObject("static_sites").putArray("items");
    state.staticSites.values().stream()
        .filter(site -> site.companyId.equals(x.company))
        .skip(offset)
        .limit(limit)
        .forEach(
            site ->
                items
                    .addObject()
                    .put("id", site.id)
                    .put("name", site.name)
                    .put("display_name", site.displayName)
                    .put("status", site.status));
    return Reply.ok(body);
  }

  private static ObjectNode details(StaticSite site) {
    ObjectNode body = Exchange.object();
    ObjectNode json =
        body.putObject("static_site")
            .put("id", site.id)
            .put("name", site.name)
            .put("display_name", site.displayName)
            .put("status", site.status)
            .put("repo_url", site.repoUrl)
            .put("default_branch", site.defaultBranch)
            .put("auto_deploy", site.autoDeploy)
            .put("remote_repository_id", "012345678")
            .put("git_repository_id", "4978765082")
            .put("git_type", "github")
            .put("hostname", "https://" + site.name + ".kinsta.page");
    if (site.buildCommand == null) {
      json.putNull("build_command");
    } else {
      json.put("build_command", site.buildCommand);
    }
    json.put("created_at", 1667489138845L).put("updated_at", 1667489138845L);
    ArrayNode deployments = json.putArray("deployments");
    site.deployments.forEach(d -> deployment(deployments.addObject(), site, d));
    return body;
  }

  private static ObjectNode deployment(ObjectNode json, StaticSite site, StaticDeployment d) {
    return json.put("id", d.id)
        .put("status", d.status)
        .put("repo_url", site.repoUrl)
        .put("branch", d.branch)
        .put("commit_message", d.commitMessage)
        .put("created_at", d.createdAt.toEpochMilli());
  }

  private static Reply update(Exchange x, StaticSite site) {
    if (x.body.hasNonNull("display_name")) {
      site.displayName = x.text("display_name");
    }
    if (x.body.has("auto_deploy")) {
      site.autoDeploy = x.flag("auto_deploy", site.autoDeploy);
    }
    if (x.body.hasNonNull("default_branch")) {
      site.defaultBranch = x.text("default_branch");
    }
    if (x.body.has("build_command")) {
      site.buildCommand = x.text("build_command");
    }
    if (x.body.has("node_version")) {
      site.nodeVersion = x.text("node_version");
    }
    if (x.body.has("published_directory")) {
      site.publishedDirectory = x.text("published_directory");
    }
    ObjectNode body = Exchange.object();
    ObjectNode json =
        body.putObject("static_site")
            .put("id", site.id)
            .put("display_name", site.displayName)
            .put("auto_deploy", site.autoDeploy)
            .put("default_branch", site.defaultBranch)
            .put("build_command", site.buildCommand)
            .put("node_version", site.nodeVersion)
            .put("published_directory", site.publishedDirectory)
            .put("updated_at", x.now.toEpochMilli())
            .put("status", site.status);
    return Reply.ok(body.set("static_site", json));
  }

  private Reply deploy(Exchange x, StaticSite site, String branch, String verb) {
    StaticDeployment deployment = new StaticDeployment(branch, verb + " " + branch, x.now);
    deployment.finishesAt = x.now.plus(settings.get().deploymentDuration());
    deployment.willFail = faults.failureFor(x).isPresent();
    site.deployments.add(0, deployment);
    site.status = "deploymentInProgress";
    ObjectNode body = Exchange.object();
    body.putObject("deployment").put("id", deployment.id).put("status", "waiting");
    return Reply.ok(body);
  }

  private Reply withSite(Exchange x, Function<StaticSite, Reply> action) {
    return withSite(x, x.path("id"), action);
  }

  private Reply withSite(Exchange x, String id, Function<StaticSite, Reply> action) {
    Optional<StaticSite> site =
        Optional.ofNullable(id == null ? null : state.staticSites.get(id))
            .filter(candidate -> candidate.companyId.equals(x.company) && !candidate.deleted);
    return site.isEmpty() ? Reply.notFound() : action.apply(site.get());
  }
}
