package dev.operators.kinsta.application;

import dev.operators.kinsta.api.v1alpha1.KinstaApplication;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationSpec.ProcessSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationStatus;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationStatus.ProcessStatus;
import dev.operators.kinsta.client.HostingApi;
import dev.operators.kinsta.client.dto.AppProcess;
import dev.operators.kinsta.client.dto.Application;
import dev.operators.kinsta.client.dto.ScalingStrategy;
import dev.operators.kinsta.client.dto.UpdateProcessRequest;
import dev.operators.kinsta.reconcile.Attempt;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The application's processes: scaling and entrypoint applied where the spec differs, all reported
 * in status.
 */
final class Processes {
  private Processes() {}

  static List<ProcessStatus> reconcile(
      Attempt<KinstaApplication, KinstaApplicationStatus> attempt,
      HostingApi api,
      Application app) {
    List<ProcessSpec> wanted =
        attempt.resource().getSpec().processes == null
            ? List.of()
            : attempt.resource().getSpec().processes;
    List<ProcessStatus> observed = new ArrayList<>();
    for (AppProcess listed : api.listProcesses(app.id())) {
      AppProcess process = listed;
      ProcessSpec spec =
          wanted.stream().filter(p -> p.key.equals(listed.key())).findFirst().orElse(null);
      if (spec != null) {
        UpdateProcessRequest update = update(spec, process);
        if (update != null) {
          process = merge(process, api.updateProcess(app.id(), process.id(), update));
        }
      }
      observed.add(status(listed.key(), process));
    }
    return observed;
  }

  /** The change to send, or null when the process already matches. */
  static @Nullable UpdateProcessRequest update(ProcessSpec spec, AppProcess current) {
    ScalingStrategy scaling = null;
    if (spec.instances != null) {
      ScalingStrategy manual = ScalingStrategy.manual(spec.instances);
      scaling = sameScaling(manual, current.scalingStrategy()) ? null : manual;
    } else if (spec.autoscaling != null) {
      ScalingStrategy horizontal =
          ScalingStrategy.horizontal(
              spec.autoscaling.minInstances,
              spec.autoscaling.maxInstances,
              spec.autoscaling.targetCpuPercent,
              spec.autoscaling.targetMemoryPercent);
      scaling = sameScaling(horizontal, current.scalingStrategy()) ? null : horizontal;
    }
    String entrypoint =
        spec.entrypoint != null && !spec.entrypoint.equals(current.entrypoint())
            ? spec.entrypoint
            : null;
    return scaling == null && entrypoint == null
        ? null
        : new UpdateProcessRequest(scaling, entrypoint);
  }

  /**
   * Equal where the wanted strategy says something; Kinsta's defaults for the rest are accepted.
   */
  private static boolean sameScaling(ScalingStrategy wanted, ScalingStrategy current) {
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

  private static boolean matches(Integer wanted, Integer current) {
    return wanted == null || Objects.equals(wanted, current);
  }

  /** What the update did not send is kept from the process read before. */
  private static AppProcess merge(AppProcess before, AppProcess updated) {
    return new AppProcess(
        before.id(),
        before.appId(),
        before.key(),
        before.type(),
        before.displayName(),
        updated.scalingStrategy() != null ? updated.scalingStrategy() : before.scalingStrategy(),
        before.resourceTypeName(),
        updated.entrypoint() != null ? updated.entrypoint() : before.entrypoint(),
        before.internalHostname(),
        before.port());
  }

  private static ProcessStatus status(String key, AppProcess process) {
    ProcessStatus status = new ProcessStatus();
    status.key = key;
    status.id = process.id();
    status.type = process.type();
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
