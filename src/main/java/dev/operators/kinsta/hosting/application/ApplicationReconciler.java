package dev.operators.kinsta.hosting.application;

import static java.util.Objects.requireNonNull;

import dev.operators.kinsta.api.v1alpha1.DeletionPolicy;
import dev.operators.kinsta.api.v1alpha1.DomainStatus;
import dev.operators.kinsta.api.v1alpha1.FieldProblem;
import dev.operators.kinsta.api.v1alpha1.KinstaApplication;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationStatus;
import dev.operators.kinsta.api.v1alpha1.PortStatus;
import dev.operators.kinsta.hosting.EnvSources;
import dev.operators.kinsta.hosting.HostedAccess;
import dev.operators.kinsta.hosting.HostedDomains;
import dev.operators.kinsta.hosting.ListedUnchanged;
import dev.operators.kinsta.hosting.ReadBackDeletion;
import dev.operators.kinsta.hosting.client.HostedService;
import dev.operators.kinsta.hosting.client.HostingApi;
import dev.operators.kinsta.hosting.client.dto.Application;
import dev.operators.kinsta.hosting.client.dto.Deployment;
import dev.operators.kinsta.reconcile.Attempt;
import dev.operators.kinsta.reconcile.ControllerServices;
import dev.operators.kinsta.reconcile.Deletion;
import dev.operators.kinsta.reconcile.KinstaObjectReconciler;
import dev.operators.kinsta.reconcile.Outcome;
import dev.operators.kinsta.reconcile.Reason;
import dev.operators.kinsta.reconcile.Steps;
import dev.operators.kinsta.transport.KinstaApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reconciles a {@link KinstaApplication}: creates (exactly once) or adopts the application, follows
 * the deployment in flight, then brings settings, processes and the CDN in line, and starts a
 * deployment when what should run changed (a created application's first one included).
 */
public final class ApplicationReconciler
    extends KinstaObjectReconciler<KinstaApplication, KinstaApplicationStatus> {

  public ApplicationReconciler(ControllerServices services) {
    super(services, KinstaApplication.class, KinstaApplicationStatus.class);
  }

  @Override
  protected List<? extends Reason> reasons() {
    return List.of(ApplicationReasons.values());
  }

  @Override
  protected Map<String, String> passwordSecrets(KinstaApplication app) {
    Map<String, String> secrets = new LinkedHashMap<>();
    String secret = app.getSpec() == null ? null : RegistryLogin.secretName(app.getSpec());
    if (secret != null) {
      secrets.put("spec.source.dockerImage.credentials.secretName", secret);
    }
    if (app.getSpec() != null && app.getSpec().env != null) {
      secrets.putAll(EnvSources.secrets(app.getSpec().env, Environment.FIELD));
    }
    return secrets;
  }

  /** The deployment hook's Secret too: one deleted or edited by hand is written again. */
  @Override
  protected Set<String> referencedSecrets(KinstaApplication app) {
    Set<String> names = super.referencedSecrets(app);
    KinstaApplicationSpec spec = app.getSpec();
    if (spec != null && spec.deploymentHook != null && spec.deploymentHook.wanted()) {
      names.add(spec.deploymentHook.secretOr(app.getMetadata().getName()));
    }
    return names;
  }

  @Override
  protected Set<String> referencedConfigMaps(KinstaApplication app) {
    return app.getSpec() == null || app.getSpec().env == null
        ? Set.of()
        : EnvSources.configMaps(app.getSpec().env);
  }

  @Override
  protected List<FieldProblem> validate(KinstaApplication app) {
    KinstaApplicationSpec spec = app.getSpec();
    List<FieldProblem> problems = new ArrayList<>();
    if (spec == null || (spec.adopt == null) == (spec.source == null)) {
      problems.add(new FieldProblem("spec", "set adopt or source"));
    } else if (spec.adopt != null && (spec.adopt.id == null) == (spec.adopt.name == null)) {
      problems.add(new FieldProblem("spec.adopt", "set exactly one of id or name"));
    } else if (spec.source != null && spec.location == null) {
      problems.add(new FieldProblem("spec.location", "required to create an application"));
    }
    if (spec != null && spec.processes != null) {
      for (int i = 0; i < spec.processes.size(); i++) {
        KinstaApplicationSpec.ProcessSpec process = spec.processes.get(i);
        if (process.instances != null && process.autoscaling != null) {
          problems.add(
              new FieldProblem(
                  "spec.processes[" + i + "]", "set instances or autoscaling, not both"));
        }
      }
    }
    if (spec != null
        && spec.deployment != null
        && spec.deployment.branch != null
        && spec.deployment.dockerImage != null) {
      problems.add(new FieldProblem("spec.deployment", "set branch or dockerImage, not both"));
    }
    return problems;
  }

  /**
   * What a KinstaApplication's reconcile does, in order; the first step with an outcome ends it.
   */
  static final Steps<Run> STEPS =
      Steps.<Run>first(
              "read the variables' Secrets and ConfigMaps (nothing is called without them)",
              ApplicationReconciler::resolveEnv)
          .then("keep the registry login from its Secret", run -> RegistryLogin.keep(run.attempt))
          .then("create, find again or adopt the application", ApplicationReconciler::establish)
          .then(
              "stop when the company's list shows nothing changed",
              ApplicationReconciler::unchanged)
          .then(
              "follow the deployment in flight (its polls read nothing else)",
              run -> run.deployments().follow())
          .then("observe the application", ApplicationReconciler::observe)
          .then(
              "apply processes, settings, variables, domains, access, ports, suspension, the CDN"
                  + " and the deployment hook",
              ApplicationReconciler::apply)
          .then(
              "start a deployment when what should run changed",
              run -> run.deployments().startIfWanted());

  /** One reconcile of an application: the attempt and the application as Kinsta reports it. */
  static final class Run {
    final Attempt<KinstaApplication, KinstaApplicationStatus> attempt;
    final HostingApi api;
    @Nullable Application app;
    @Nullable Deployments deployments;
    EnvSources.@Nullable Resolved env;

    Run(Attempt<KinstaApplication, KinstaApplicationStatus> attempt) {
      this.attempt = attempt;
      this.api = attempt.hosting();
    }

    Application app() {
      return Objects.requireNonNull(app, "observed before use");
    }

    Deployments deployments() {
      if (deployments == null) {
        deployments =
            new Deployments(
                attempt,
                api,
                Objects.requireNonNull(attempt.status().applicationId, "established before use"),
                Environment.masker(attempt, Objects.requireNonNull(env, "resolved first")));
      }
      return deployments;
    }
  }

  @Override
  protected Outcome reconcileRemote(Attempt<KinstaApplication, KinstaApplicationStatus> attempt) {
    return STEPS.run(new Run(attempt), ApplicationReconciler::ready);
  }

  private static Optional<Outcome> resolveEnv(Run run) {
    run.env = Environment.resolve(run.attempt);
    return run.env.missing();
  }

  private static Optional<Outcome> establish(Run run) {
    return run.attempt.status().applicationId == null
        ? new ApplicationProvisioner(run.attempt).establish()
        : Optional.empty();
  }

  /**
   * A Ready application whose entry in the company's list is as last seen needs no call of its own
   * at a resync.
   */
  private static Optional<Outcome> unchanged(Run run) {
    KinstaApplicationStatus status = run.attempt.status();
    if (HostedDomains.anyPending(status.domains) || Boolean.TRUE.equals(status.redeployPending)) {
      return Optional.empty();
    }
    return ListedUnchanged.stillReady(
        run.attempt,
        run.attempt.hostingLists().applications(run.api, run.attempt.companyId()),
        status.applicationId,
        status.state,
        status.displayName,
        status.updatedAt);
  }

  // Every step after establish runs with the application's id recorded.
  private static String applicationId(KinstaApplicationStatus status) {
    return requireNonNull(status.applicationId, "status.applicationId");
  }

  private static Optional<Outcome> observe(Run run) {
    Attempt<KinstaApplication, KinstaApplicationStatus> attempt = run.attempt;
    KinstaApplicationStatus status = attempt.status();
    try {
      run.app = run.api.applications().getApplication(applicationId(status));
    } catch (KinstaApiException.NotFound missing) {
      return Optional.of(
          Outcome.stalled(
              ApplicationReasons.APPLICATION_NOT_FOUND,
              "Application "
                  + status.applicationId
                  + " no longer exists in Sevalla; delete and recreate this resource to create a"
                  + " new one"));
    }
    Application app = run.app();
    Optional<Deployment> latest =
        status.operation == null
            ? run.api.deployments().latestDeployment(app.id())
            : Optional.empty();
    run.deployments().observeAtAdoption(latest);
    record(status, app);
    status.observedSecretsVersion = status.secretsVersion;
    latest.ifPresent(deployment -> status.latestDeployment = latest(deployment));
    return run.deployments().stillFailed(latest);
  }

  private static Optional<Outcome> apply(Run run) {
    Attempt<KinstaApplication, KinstaApplicationStatus> attempt = run.attempt;
    KinstaApplicationSpec spec = attempt.resource().getSpec();
    KinstaApplicationStatus status = attempt.status();
    HostingApi api = run.api;
    String id = run.app().id();
    EnvSources.Resolved env = Objects.requireNonNull(run.env, "resolved first");
    Optional<Outcome> processes = Processes.reconcile(attempt, api, run.app());
    if (processes.isPresent()) {
      return processes;
    }
    ApplicationSettingsPlan.apply(attempt, api, run.app());
    Environment.apply(attempt, api, id, env);
    if (spec.domains != null || status.domains != null) {
      status.domains =
          nullIfEmpty(
              HostedDomains.reconcile(
                  attempt,
                  HostedService.APPLICATION,
                  id,
                  spec.domains,
                  spec.primaryDomain,
                  status.domains == null ? List.of() : status.domains),
              spec.domains);
    }
    status.ipRestrictionManaged =
        HostedAccess.restrictIps(
                attempt,
                HostedService.APPLICATION,
                id,
                spec.ipRestriction,
                Boolean.TRUE.equals(status.ipRestrictionManaged))
            ? Boolean.TRUE
            : null;
    Optional<Outcome> ports =
        Ports.reconcile(
                new Ports.Kind(
                    "spec.privatePorts",
                    () -> api.processes().listPrivatePorts(id),
                    (process, port) -> {
                      if (attempt.correct("spec.privatePorts", process + ":" + port, "(absent)")) {
                        api.processes().createPrivatePort(id, process, port);
                      }
                    },
                    port -> {
                      if (attempt.correct("spec.privatePorts", "(absent)", port)) {
                        api.processes().deletePrivatePort(id, port);
                      }
                    }),
                managed(spec.privatePorts, status.privatePorts),
                status.processes,
                found -> status.privatePorts = spec.privatePorts == null ? null : found)
            .or(
                () ->
                    Ports.reconcile(
                        new Ports.Kind(
                            "spec.tcpProxies",
                            () -> api.processes().listTcpProxies(id),
                            (process, port) -> {
                              if (attempt.correct(
                                  "spec.tcpProxies", process + ":" + port, "(absent)")) {
                                api.processes().createTcpProxy(id, process, port);
                              }
                            },
                            proxy -> {
                              if (attempt.correct("spec.tcpProxies", "(absent)", proxy)) {
                                api.processes().deleteTcpProxy(id, proxy);
                              }
                            }),
                        managed(spec.tcpProxies, status.tcpProxies),
                        status.processes,
                        found -> status.tcpProxies = spec.tcpProxies == null ? null : found));
    if (ports.isPresent()) {
      return ports;
    }
    boolean suspended = Boolean.TRUE.equals(run.app().isSuspended());
    HostedAccess.keepSuspended(attempt, HostedService.APPLICATION, id, spec.suspended, suspended);
    status.suspended = spec.suspended != null ? spec.suspended : suspended ? Boolean.TRUE : null;
    Toggles.apply(attempt, api, id);
    return DeploymentHooks.keep(attempt, api, id);
  }

  /**
   * The ports to keep: the spec's; none when the spec no longer lists any the operator kept; not
   * managed otherwise.
   */
  private static @Nullable List<KinstaApplicationSpec.ProcessPort> managed(
      @Nullable List<KinstaApplicationSpec.ProcessPort> wanted, @Nullable List<PortStatus> kept) {
    return wanted != null ? wanted : kept != null ? List.of() : null;
  }

  /** Domains are reported when managed, or when Sevalla has custom ones. */
  private static @Nullable List<DomainStatus> nullIfEmpty(
      List<DomainStatus> domains, @Nullable List<?> wanted) {
    return wanted == null && domains.stream().noneMatch(d -> "CUSTOM".equals(d.type))
        ? null
        : domains;
  }

  private static Outcome ready(Run run) {
    KinstaApplicationStatus status = run.attempt.status();
    return HostedDomains.ready(
        run.attempt,
        "Application " + run.app().name() + " matches the spec",
        status.lastDeployment == null ? "" : "; last deployment " + status.lastDeployment.status,
        status.domains);
  }

  private static void record(KinstaApplicationStatus status, Application app) {
    status.name = app.name();
    status.displayName = app.displayName();
    status.state = app.status();
    status.updatedAt = app.updatedAt();
  }

  /** The newest deployment, with how long it took once it ended. */
  private static KinstaApplicationStatus.LatestDeployment latest(Deployment deployment) {
    KinstaApplicationStatus.LatestDeployment latest =
        new KinstaApplicationStatus.LatestDeployment();
    latest.id = deployment.id();
    latest.branch = deployment.branch();
    String message = deployment.commitMessage();
    latest.commitMessage =
        message == null ? null : message.length() > 200 ? message.substring(0, 200) : message;
    latest.createdAt = deployment.createdAt();
    if (deployment.startedAt() != null && deployment.finishedAt() != null) {
      latest.buildTime =
          Duration.between(
                  Instant.parse(deployment.startedAt()), Instant.parse(deployment.finishedAt()))
              .toSeconds();
    }
    return latest;
  }

  @Override
  protected Optional<String> kinstaId(KinstaApplication app) {
    return recordedId(app);
  }

  /** The object's id as the resource records it: in status once known, else the one it adopts. */
  static Optional<String> recordedId(KinstaApplication app) {
    if (app.getStatus() != null && app.getStatus().applicationId != null) {
      return Optional.of(app.getStatus().applicationId);
    }
    KinstaApplicationSpec spec = app.getSpec();
    return Optional.ofNullable(spec == null || spec.adopt == null ? null : spec.adopt.id);
  }

  @Override
  protected boolean hasRemoteObject(KinstaApplicationStatus status) {
    return status.applicationId != null || status.creation != null;
  }

  @Override
  protected Deletion deleteRemote(Attempt<KinstaApplication, KinstaApplicationStatus> attempt) {
    KinstaApplicationStatus status = attempt.status();
    HostingApi api = attempt.hosting();
    Optional<Deletion> lookingForIt =
        new ApplicationProvisioner(attempt).creation().resolveWhileDeleting();
    if (lookingForIt.isPresent()) {
      return lookingForIt.get();
    }
    if (status.applicationId == null) {
      RegistryLogin.forget(attempt);
      return Deletion.finished();
    }
    String id = status.applicationId;
    Deletion deletion =
        ReadBackDeletion.step(
            attempt,
            ApplicationOperation.DELETE_APPLICATION,
            id,
            "application " + id,
            ApplicationReasons.DELETING_APPLICATION,
            () -> api.applications().deleteApplication(id),
            () -> api.applications().getApplication(id));
    if (deletion.done()) {
      RegistryLogin.forget(attempt);
    }
    return deletion;
  }

  @Override
  protected DeletionPolicy deletionPolicy(KinstaApplication app) {
    return deletionPolicy(app.getSpec().deletionPolicy, app.getSpec().adopt != null);
  }

  @Override
  protected String remoteKind() {
    return "Application";
  }

  @Override
  protected String describeRemote(KinstaApplicationStatus status) {
    return "Application " + status.applicationId;
  }
}
