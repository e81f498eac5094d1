package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.jspecify.annotations.Nullable;

/** A private port or TCP proxy of a process, as Sevalla reports it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PortStatus {
  @JsonPropertyDescription("The process, by key.")
  public @Nullable String process;

  @JsonPropertyDescription("The process's port.")
  public @Nullable Integer port;

  @JsonPropertyDescription("Sevalla's id.")
  public @Nullable String id;

  @JsonPropertyDescription("creating, ready, failed or deleting.")
  public @Nullable String status;

  @JsonPropertyDescription("The public host name (TCP proxies).")
  public @Nullable String hostname;

  @JsonPropertyDescription("The public port Sevalla assigned (TCP proxies).")
  public @Nullable Integer externalPort;
}
