package dev.operators.kinsta.hosting.application;

import dev.operators.kinsta.api.v1alpha1.KinstaApplicationSpec.ProcessPort;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationStatus.ProcessStatus;
import dev.operators.kinsta.api.v1alpha1.PortStatus;
import dev.operators.kinsta.hosting.client.dto.ProcessPortState;
import dev.operators.kinsta.reconcile.Outcome;
import dev.operators.kinsta.reconcile.Reasons;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Private ports and TCP proxies: with the list set, exactly the listed (process, port) pairs exist;
 * processes are named by key and found through the processes just reconciled.
 */
final class Ports {
  private Ports() {}

  /** What one kind of port is called and how it is listed, created and deleted. */
  record Kind(
      String field,
      Supplier<List<ProcessPortState>> list,
      Creator create,
      Consumer<String> delete) {}

  @FunctionalInterface
  interface Creator {
    void create(String processId, int port);
  }

  /** The status of the ports, or the outcome naming a process the application does not have. */
  static Optional<Outcome> reconcile(
      Kind kind,
      @Nullable List<ProcessPort> wanted,
      List<ProcessStatus> processes,
      Consumer<List<PortStatus>> report) {
    if (wanted == null) {
      return Optional.empty();
    }
    for (int i = 0; i < wanted.size(); i++) {
      if (processId(processes, wanted.get(i).process) == null) {
        return Optional.of(
            Outcome.stalled(
                Reasons.INVALID_SPEC,
                kind.field()
                    + "["
                    + i
                    + "].process: the application has no process \""
                    + wanted.get(i).process
                    + "\""));
      }
    }
    List<ProcessPortState> listed = kind.list().get();
    List<ProcessPortState> kept = new ArrayList<>();
    for (ProcessPortState port : listed) {
      boolean wantedOne =
          wanted.stream()
              .anyMatch(
                  w ->
                      Objects.equals(port.port(), w.port)
                          && port.processId().equals(processId(processes, w.process)));
      if (wantedOne) {
        kept.add(port);
      } else if (!"deleting".equals(port.status())) {
        kind.delete().accept(port.id());
      }
    }
    boolean created = false;
    for (ProcessPort want : wanted) {
      String processId = Objects.requireNonNull(processId(processes, want.process));
      int wantedPort = Objects.requireNonNull(want.port, "spec.ports[].port");
      if (kept.stream().noneMatch(p -> p.port() == wantedPort && p.processId().equals(processId))) {
        kind.create().create(processId, wantedPort);
        created = true;
      }
    }
    List<ProcessPortState> now = created ? kind.list().get() : kept;
    List<PortStatus> statuses = new ArrayList<>();
    for (ProcessPortState port : now) {
      PortStatus status = new PortStatus();
      status.process =
          processes.stream()
              .filter(p -> port.processId().equals(p.id))
              .map(p -> p.key)
              .findFirst()
              .orElse(port.processId());
      status.port = port.port();
      status.id = port.id();
      status.status = port.status();
      status.hostname = port.hostname();
      status.externalPort = port.externalPort();
      statuses.add(status);
    }
    report.accept(statuses);
    return Optional.empty();
  }

  private static @Nullable String processId(List<ProcessStatus> processes, @Nullable String key) {
    return processes.stream()
        .filter(p -> key != null && key.equals(p.key))
        .map(p -> p.id)
        .findFirst()
        .orElse(null);
  }
}
