package dev.operators.kinsta.wordpress.client.dto;

/** The answer to an asynchronous Kinsta call: the id to poll at {@code GET /operations/{id}}. */
public record OperationRef(String operationId, String message) {}
