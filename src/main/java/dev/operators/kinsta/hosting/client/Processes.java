package dev.operators.kinsta.hosting.client;

import dev.operators.kinsta.hosting.client.dto.AppProcess;
import dev.operators.kinsta.hosting.client.dto.CreateProcessRequest;
import dev.operators.kinsta.hosting.client.dto.ProcessPortState;
import dev.operators.kinsta.hosting.client.dto.UpdateProcessRequest;
import java.util.List;

/** Sevalla's v3 calls on an application's processes, private ports and TCP proxies. */
public interface Processes {
  /** {@code GET /applications/{id}/processes}, every page. */
  List<AppProcess> listProcesses(String applicationId);

  /** {@code PATCH /applications/{id}/processes/{process_id}}. */
  AppProcess updateProcess(String applicationId, String processId, UpdateProcessRequest request);

  /** {@code POST /applications/{id}/processes}: takes effect at the next deployment. */
  AppProcess createProcess(String applicationId, CreateProcessRequest request);

  /** {@code DELETE /applications/{id}/processes/{process_id}} (not the web process). */
  void deleteProcess(String applicationId, String processId);

  /** {@code GET /applications/{id}/private-ports}, every page. */
  List<ProcessPortState> listPrivatePorts(String applicationId);

  /** {@code POST /applications/{id}/private-ports}. */
  void createPrivatePort(String applicationId, String processId, int port);

  /** {@code DELETE /applications/{id}/private-ports/{private_port_id}}. */
  void deletePrivatePort(String applicationId, String portId);

  /** {@code GET /applications/{id}/tcp-proxies}, every page. */
  List<ProcessPortState> listTcpProxies(String applicationId);

  /** {@code POST /applications/{id}/tcp-proxies}. */
  void createTcpProxy(String applicationId, String processId, int port);

  /** {@code DELETE /applications/{id}/tcp-proxies/{tcp_proxy_id}}. */
  void deleteTcpProxy(String applicationId, String proxyId);
}
