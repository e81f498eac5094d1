package dev.operators.kinsta.hosting.client.dto;

import org.jspecify.annotations.Nullable;

/**
 * A private port or a TCP proxy of an application's process; a proxy also has its public host name
 * and port.
 */
public record ProcessPortState(
    String id,
    String processId,
    int port,
    @Nullable String status,
    @Nullable String hostname,
    @Nullable Integer externalPort) {}
