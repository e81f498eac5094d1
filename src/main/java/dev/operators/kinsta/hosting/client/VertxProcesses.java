package dev.operators.kinsta.hosting.client;

import dev.operators.kinsta.hosting.client.dto.AppProcess;
import dev.operators.kinsta.hosting.client.dto.CreateProcessRequest;
import dev.operators.kinsta.hosting.client.dto.ProcessPortState;
import dev.operators.kinsta.hosting.client.dto.UpdateProcessRequest;
import dev.operators.kinsta.transport.KinstaCredentials;
import dev.operators.kinsta.transport.KinstaRequest;
import dev.operators.kinsta.transport.KinstaTransport;
import dev.operators.kinsta.transport.budget.Lane;
import java.util.List;
import java.util.Map;

/** {@link Processes} over the Vert.x transport. */
final class VertxProcesses extends HostingEndpoints implements Processes {
  VertxProcesses(KinstaTransport transport, KinstaCredentials credentials) {
    super(transport, credentials);
  }

  @Override
  public List<AppProcess> listProcesses(String applicationId) {
    return pages(
        () -> KinstaRequest.get("/applications/{id}/processes", applicationId), AppProcess.class);
  }

  @Override
  public AppProcess updateProcess(
      String applicationId, String processId, UpdateProcessRequest body) {
    return read(
        KinstaRequest.patch("/applications/{id}/processes/{process_id}", applicationId, processId)
            .body(body)
            .onService(applicationId),
        "",
        AppProcess.class);
  }

  @Override
  public AppProcess createProcess(String applicationId, CreateProcessRequest body) {
    return read(
        KinstaRequest.post("/applications/{id}/processes", applicationId)
            .body(body)
            .lane(Lane.WRITE),
        "",
        AppProcess.class);
  }

  @Override
  public void deleteProcess(String applicationId, String processId) {
    call(
        KinstaRequest.delete("/applications/{id}/processes/{process_id}", applicationId, processId)
            .onService(applicationId));
  }

  @Override
  public List<ProcessPortState> listPrivatePorts(String applicationId) {
    return pages(
        () -> KinstaRequest.get("/applications/{id}/private-ports", applicationId),
        ProcessPortState.class);
  }

  @Override
  public void createPrivatePort(String applicationId, String processId, int port) {
    call(
        KinstaRequest.post("/applications/{id}/private-ports", applicationId)
            .body(Map.of("process_id", processId, "port", port))
            .lane(Lane.WRITE));
  }

  @Override
  public void deletePrivatePort(String applicationId, String portId) {
    call(
        KinstaRequest.delete(
                "/applications/{id}/private-ports/{private_port_id}", applicationId, portId)
            .lane(Lane.WRITE));
  }

  @Override
  public List<ProcessPortState> listTcpProxies(String applicationId) {
    return pages(
        () -> KinstaRequest.get("/applications/{id}/tcp-proxies", applicationId),
        ProcessPortState.class);
  }

  @Override
  public void createTcpProxy(String applicationId, String processId, int port) {
    call(
        KinstaRequest.post("/applications/{id}/tcp-proxies", applicationId)
            .body(Map.of("process_id", processId, "port", port))
            .lane(Lane.WRITE));
  }

  @Override
  public void deleteTcpProxy(String applicationId, String proxyId) {
    call(
        KinstaRequest.delete(
                "/applications/{id}/tcp-proxies/{tcp_proxy_id}", applicationId, proxyId)
            .lane(Lane.WRITE));
  }
}
