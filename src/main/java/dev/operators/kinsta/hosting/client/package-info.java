/**
 * Sevalla's v3 API (applications, databases, static sites, pipelines, projects) behind {@code
 * HostingApi}, on the shared transport. Knows nothing of Kubernetes or reconciling.
 */
package dev.operators.kinsta.hosting.client;
