package dev.operators.kinsta.client.dto;

import java.util.List;

/**
 * An application as {@code GET /applications/{id}} describes it. Build settings are not part of
 * that answer (only of the update's), so they cannot be read back.
 */
public record Application(
    String id,
    String name,
    String displayName,
    String status,
    Boolean hibernationEnabled,
    Long hibernateAfterSeconds,
    List<DeploymentSummary> deployments,
    List<ProcessRef> processes,
    List<InternalConnection> internalConnections) {

  public record DeploymentSummary(
      String id, String branch, String repoUrl, String commitMessage, Long createdAt) {}

  public record ProcessRef(String id, String key) {}

  public record NamedRef(String id, String name) {}

  /** A link from this application to a database or another application. */
  public record InternalConnection(String id, NamedRef app, NamedRef database) {}

  public List<ProcessRef> processesOrEmpty() {
    return processes == null ? List.of() : processes;
  }

  public List<InternalConnection> internalConnectionsOrEmpty() {
    return internalConnections == null ? List.of() : internalConnections;
  }

  public List<DeploymentSummary> deploymentsOrEmpty() {
    return deployments == null ? List.of() : deployments;
  }
}
