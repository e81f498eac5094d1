package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A health probe of a web process, written as a container's probe is in Kubernetes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "[has(self.httpGet), has(self.tcpSocket), has(self.exec)].filter(x, x).size() == 1",
    message = "set exactly one of httpGet, tcpSocket or exec")
public class ProbeSpec {
  @JsonPropertyDescription("Succeeds when a GET of the path answers 2xx or 3xx.")
  public @Nullable HttpGetAction httpGet;

  @JsonPropertyDescription("Succeeds when the port accepts a connection.")
  public @Nullable TcpSocketAction tcpSocket;

  @JsonPropertyDescription("Succeeds when the command exits 0.")
  public @Nullable ExecAction exec;

  @Min(0)
  @Max(3600)
  @JsonPropertyDescription("Seconds after the start before the first probe.")
  public @Nullable Integer initialDelaySeconds;

  @Min(1)
  @Max(3600)
  @JsonPropertyDescription("Seconds between probes.")
  public @Nullable Integer periodSeconds;

  @Min(1)
  @Max(3600)
  @JsonPropertyDescription("Seconds a probe may take.")
  public @Nullable Integer timeoutSeconds;

  @Min(1)
  @Max(100)
  @JsonPropertyDescription("Successes in a row that count as healthy.")
  public @Nullable Integer successThreshold;

  @Min(1)
  @Max(100)
  @JsonPropertyDescription("Failures in a row that count as unhealthy.")
  public @Nullable Integer failureThreshold;

  /** An HTTP GET. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class HttpGetAction {
    @Required
    @Size(min = 1, max = 1000)
    @JsonPropertyDescription("The path, e.g. `/healthz`.")
    public @Nullable String path;

    @Min(1)
    @Max(65535)
    @JsonPropertyDescription("The port (default the process's).")
    public @Nullable Integer port;

    @JsonPropertyDescription("HTTP (default) or HTTPS.")
    public @Nullable Scheme scheme;
  }

  /** HTTP or HTTPS. */
  public enum Scheme {
    HTTP,
    HTTPS
  }

  /** A TCP connection. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class TcpSocketAction {
    @Required
    @Min(1)
    @Max(65535)
    @JsonPropertyDescription("The port.")
    public @Nullable Integer port;
  }

  /** A command. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class ExecAction {
    @Required
    @Size(min = 1, max = 20)
    @JsonPropertyDescription("The command and its arguments.")
    public @Nullable List<@Size(max = 1000) String> command;
  }
}
