package dev.operators.kinsta.hosting.client.dto;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A web process's liveness or readiness probe, in Sevalla's (Kubernetes-like) camelCase shape. */
@JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
public record ProcessProbe(
    @Nullable HttpGet httpGet,
    @Nullable TcpSocket tcpSocket,
    @Nullable Exec exec,
    @Nullable Integer initialDelaySeconds,
    @Nullable Integer periodSeconds,
    @Nullable Integer timeoutSeconds,
    @Nullable Integer successThreshold,
    @Nullable Integer failureThreshold) {

  /** An HTTP GET of a path. */
  @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
  public record HttpGet(@Nullable String path, @Nullable Integer port, @Nullable String scheme) {}

  /** A TCP connection to a port. */
  @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
  public record TcpSocket(Integer port) {}

  /** A command run in the container. */
  @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
  public record Exec(List<String> command) {}
}
