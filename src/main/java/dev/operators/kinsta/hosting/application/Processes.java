package dev.operators.kinsta.hosting.application;

import static java.util.Objects.requireNonNull;

import dev.operators.kinsta.api.v1alpha1.KinstaApplication;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationSpec.ProcessSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationStatus;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationStatus.ProcessStatus;
import dev.operators.kinsta.api.v1alpha1.ProbeSpec;
import dev.operators.kinsta.hosting.client.HostingApi;
import dev.operators.kinsta.hosting.client.dto.AppProcess;
import dev.operators.kinsta.hosting.client.dto.Application;
import dev.operators.kinsta.hosting.client.dto.CreateProcessRequest;
import dev.operators.kinsta.hosting.client.dto.ProcessProbe;
import dev.operators.kinsta.hosting.client.dto.ResourceType;
import dev.operators.kinsta.hosting.client.dto.ScalingStrategy;
import dev.operators.kinsta.hosting.client.dto.UpdateProcessRequest;
import dev.operators.kinsta.reconcile.Attempt;
import dev.operators.kinsta.reconcile.Outcome;
import dev.operators.kinsta.reconcile.Reasons;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The application's processes. With {@code spec.processes} set, exactly the listed ones exist:
 * missing ones are created, listed ones changed where they differ (scaling, entrypoint, size,
 * schedule, port), others removed (except the web process, which Sevalla keeps). Without it, they
 * are only reported. Sizes are resolved by name through Sevalla's process resource types before any
 * write, so an unknown one changes nothing.
 */
final class Processes {
  private Processes() {}

  static Optional<Outcome> reconcile(
      Attempt<KinstaApplication, KinstaApplicationStatus> attempt,
      HostingApi api,
      Application app) {
    List<ProcessSpec> wanted = attempt.resource().getSpec().processes;
    Map<String, String> sizeIds = new HashMap<>();
    if (wanted != null && wanted.stream().anyMatch(p -> p.size != null)) {
      List<ResourceType> sizes = attempt.hostingLists().processSizes(api, attempt.companyId());
      for (int i = 0; i < wanted.size(); i++) {
        String size = wanted.get(i).size;
        if (size == null) {
          continue;
        }
        Optional<ResourceType> found =
            sizes.stream().filter(t -> size.equals(t.name())).findFirst();
        if (found.isEmpty()) {
          return Optional.of(
              Outcome.stalled(
                  Reasons.INVALID_SPEC,
                  "spec.processes["
                      + i
                      + "].size: Sevalla has no process size \""
                      + size
                      + "\"; choose one of "
                      + String.join(", ", sizes.stream().map(ResourceType::name).toList())));
        }
        sizeIds.put(size, found.get().id());
      }
    }
    List<AppProcess> listed = api.processes().listProcesses(app.id());
    List<ProcessStatus> observed = new ArrayList<>();
    for (AppProcess current : listed) {
      ProcessSpec spec = wanted == null ? null : find(wanted, current);
      AppProcess process = current;
      if (spec != null) {
        UpdateProcessRequest update = update(spec, current, sizeIds);
        if (update != null
            && attempt.correct(
                "spec.processes[" + key(spec) + "]", "as the spec says", "other settings")) {
          process = merge(current, api.processes().updateProcess(app.id(), current.id(), update));
        }
      } else if (wanted != null
          && !"web".equals(current.type())
          && attempt.correct("spec.processes", "without " + current.key(), current.key())) {
        api.processes().deleteProcess(app.id(), current.id());
        continue;
      }
      observed.add(status(current.key(), process));
    }
    if (wanted != null) {
      for (ProcessSpec spec : wanted) {
        if (listed.stream().noneMatch(p -> matches(spec, p))
            && attempt.correct("spec.processes[" + key(spec) + "]", "present", "(absent)")) {
          AppProcess created =
              api.processes().createProcess(app.id(), create(spec, sizeIds, listed));
          // Sevalla's create takes no ingress settings: they follow in a change of their own.
          UpdateProcessRequest ingress = update(spec, created, sizeIds);
          if (ingress != null) {
            created =
                merge(created, api.processes().updateProcess(app.id(), created.id(), ingress));
          }
          observed.add(status(key(spec), created));
        }
      }
    }
    attempt.status().processes = observed;
    return Optional.empty();
  }

  private static @Nullable ProcessSpec find(List<ProcessSpec> wanted, AppProcess process) {
    return wanted.stream().filter(p -> matches(p, process)).findFirst().orElse(null);
  }

  private static String key(ProcessSpec spec) {
    return requireNonNull(spec.key, "spec.processes[].key");
  }

  /** A process is the spec's by key, or by display name for one the operator created. */
  private static boolean matches(ProcessSpec spec, AppProcess process) {
    return key(spec).equals(process.key()) || key(spec).equals(process.displayName());
  }

  private static CreateProcessRequest create(
      ProcessSpec spec, Map<String, String> sizeIds, List<AppProcess> listed) {
    String type = spec.type != null ? spec.type.name() : "web".equals(spec.key) ? "web" : "worker";
    String size =
        spec.size != null
            ? sizeIds.get(spec.size)
            : listed.stream()
                .map(AppProcess::resourceTypeId)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    ScalingStrategy scaling = scaling(spec);
    return new CreateProcessRequest(
        key(spec),
        type,
        Objects.requireNonNull(size, "a size: the spec's, or the size of an existing process"),
        scaling != null ? scaling : ScalingStrategy.manual(1),
        spec.entrypoint,
        spec.port,
        spec.schedule,
        spec.schedule == null ? null : spec.timeZone == null ? "UTC" : spec.timeZone,
        spec.jobStartPolicy == null ? null : spec.jobStartPolicy.name(),
        probe(spec.livenessProbe),
        probe(spec.readinessProbe));
  }

  private static @Nullable ScalingStrategy scaling(ProcessSpec spec) {
    if (spec.instances != null) {
      return ScalingStrategy.manual(spec.instances);
    }
    if (spec.autoscaling != null) {
      return ScalingStrategy.horizontal(
          requireNonNull(spec.autoscaling.minInstances, "autoscaling.minInstances"),
          requireNonNull(spec.autoscaling.maxInstances, "autoscaling.maxInstances"),
          spec.autoscaling.targetCpuPercent,
          spec.autoscaling.targetMemoryPercent);
    }
    return null;
  }

  /** The change to send, or null when the process already matches. */
  static @Nullable UpdateProcessRequest update(
      ProcessSpec spec, AppProcess current, Map<String, String> sizeIds) {
    ScalingStrategy wantedScaling = scaling(spec);
    ScalingStrategy scaling =
        wantedScaling == null || sameScaling(wantedScaling, current.scalingStrategy())
            ? null
            : wantedScaling;
    String entrypoint = differing(spec.entrypoint, current.entrypoint());
    String size =
        spec.size == null || spec.size.equals(current.resourceTypeName())
            ? null
            : sizeIds.get(spec.size);
    Integer port = differing(spec.port, current.port());
    String schedule = differing(spec.schedule, current.schedule());
    String timeZone = spec.schedule == null ? null : differing(spec.timeZone, current.timeZone());
    String jobStartPolicy =
        differing(
            spec.jobStartPolicy == null ? null : spec.jobStartPolicy.name(),
            current.jobStartPolicy());
    ProcessProbe liveness = probe(spec.livenessProbe);
    ProcessProbe readiness = probe(spec.readinessProbe);
    UpdateProcessRequest update =
        new UpdateProcessRequest(
            scaling,
            entrypoint,
            size,
            port,
            schedule,
            timeZone,
            jobStartPolicy,
            liveness == null || covers(liveness, current.livenessProbe()) ? null : liveness,
            readiness == null || covers(readiness, current.readinessProbe()) ? null : readiness,
            differing(spec.ingress, current.isIngressEnabled()),
            differing(
                spec.ingressProtocol == null ? null : spec.ingressProtocol.name(),
                current.ingressProtocol()));
    return update.equals(UpdateProcessRequest.NOTHING) ? null : update;
  }

  /** The probe to send, from the spec's; null when the spec has none. */
  private static @Nullable ProcessProbe probe(@Nullable ProbeSpec spec) {
    if (spec == null) {
      return null;
    }
    return new ProcessProbe(
        spec.httpGet == null
            ? null
            : new ProcessProbe.HttpGet(
                spec.httpGet.path,
                spec.httpGet.port,
                spec.httpGet.scheme == null ? null : spec.httpGet.scheme.name()),
        spec.tcpSocket == null
            ? null
            : new ProcessProbe.TcpSocket(requireNonNull(spec.tcpSocket.port, "tcpSocket.port")),
        spec.exec == null ? null : new ProcessProbe.Exec(List.copyOf(spec.exec.command)),
        spec.initialDelaySeconds,
        spec.periodSeconds,
        spec.timeoutSeconds,
        spec.successThreshold,
        spec.failureThreshold);
  }

  /** Sevalla's probe has what the wanted one says (its defaults for the rest are accepted). */
  static boolean covers(ProcessProbe wanted, @Nullable ProcessProbe current) {
    if (current == null) {
      return false;
    }
    ProcessProbe.HttpGet w = wanted.httpGet();
    ProcessProbe.HttpGet c = current.httpGet();
    boolean http =
        w == null
            || (c != null
                && Objects.equals(w.path(), c.path())
                && matches(w.port(), c.port())
                && (w.scheme() == null || w.scheme().equals(c.scheme())));
    boolean tcp =
        wanted.tcpSocket() == null
            || (current.tcpSocket() != null
                && Objects.equals(wanted.tcpSocket().port(), current.tcpSocket().port()));
    boolean exec =
        wanted.exec() == null
            || (current.exec() != null
                && Objects.equals(wanted.exec().command(), current.exec().command()));
    return http
        && tcp
        && exec
        && matches(wanted.initialDelaySeconds(), current.initialDelaySeconds())
        && matches(wanted.periodSeconds(), current.periodSeconds())
        && matches(wanted.timeoutSeconds(), current.timeoutSeconds())
        && matches(wanted.successThreshold(), current.successThreshold())
        && matches(wanted.failureThreshold(), current.failureThreshold());
  }

  private static <T> @Nullable T differing(@Nullable T wanted, @Nullable T current) {
    return wanted == null || wanted.equals(current) ? null : wanted;
  }

  /**
   * Equal where the wanted strategy says something; Kinsta's defaults for the rest are accepted.
   */
  private static boolean sameScaling(ScalingStrategy wanted, @Nullable ScalingStrategy current) {
    if (current == null || !wanted.type().equals(current.type()) || current.config() == null) {
      return false;
    }
    ScalingStrategy.Config w = wanted.config();
    ScalingStrategy.Config c = current.config();
    return matches(w.instanceCount(), c.instanceCount())
        && matches(w.minInstanceCount(), c.minInstanceCount())
        && matches(w.maxInstanceCount(), c.maxInstanceCount())
        && matches(w.targetCpuPercent(), c.targetCpuPercent())
        && matches(w.targetMemoryPercent(), c.targetMemoryPercent());
  }

  private static boolean matches(@Nullable Integer wanted, @Nullable Integer current) {
    return wanted == null || Objects.equals(wanted, current);
  }

  /** What the update answered, with what it left out kept from the process read before. */
  private static AppProcess merge(AppProcess before, AppProcess updated) {
    return new AppProcess(
        before.id(),
        before.appId(),
        before.key(),
        before.type(),
        before.displayName(),
        updated.scalingStrategy() != null ? updated.scalingStrategy() : before.scalingStrategy(),
        updated.resourceTypeName() != null ? updated.resourceTypeName() : before.resourceTypeName(),
        updated.entrypoint() != null ? updated.entrypoint() : before.entrypoint(),
        before.internalHostname(),
        updated.port() != null ? updated.port() : before.port(),
        updated.resourceTypeId() != null ? updated.resourceTypeId() : before.resourceTypeId(),
        updated.schedule() != null ? updated.schedule() : before.schedule(),
        updated.timeZone() != null ? updated.timeZone() : before.timeZone(),
        updated.jobStartPolicy() != null ? updated.jobStartPolicy() : before.jobStartPolicy(),
        updated.livenessProbe() != null ? updated.livenessProbe() : before.livenessProbe(),
        updated.readinessProbe() != null ? updated.readinessProbe() : before.readinessProbe(),
        updated.isIngressEnabled() != null ? updated.isIngressEnabled() : before.isIngressEnabled(),
        updated.ingressProtocol() != null ? updated.ingressProtocol() : before.ingressProtocol());
  }

  private static ProcessStatus status(String key, AppProcess process) {
    ProcessStatus status = new ProcessStatus();
    status.key = key;
    status.id = process.id();
    status.type = process.type();
    status.size = process.resourceTypeName();
    status.schedule = process.schedule();
    status.entrypoint = process.entrypoint();
    status.internalHostname = process.internalHostname();
    status.internalPort = process.port();
    ScalingStrategy scaling = process.scalingStrategy();
    if (scaling != null) {
      status.scaling = scaling.type();
      if (scaling.config() != null) {
        status.instances = scaling.config().instanceCount();
        status.minInstances = scaling.config().minInstanceCount();
        status.maxInstances = scaling.config().maxInstanceCount();
      }
    }
    return status;
  }
}
