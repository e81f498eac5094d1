/**
 * The Kinsta REST API behind two interfaces ({@code KinstaApi}, {@code HostingApi}), on Vert.x Web
 * Client: typed failures, timeouts, read retries and redaction. Knows nothing of Kubernetes or
 * reconciling.
 */
package dev.operators.kinsta.client;
