/**
 * The transport both halves' clients share, on Vert.x Web Client: API keys and credentials, the
 * per-company rate budget, typed failures, timeouts, read retries and redaction. Knows nothing of
 * Kubernetes, reconciling or either API's endpoints.
 */
package dev.operators.kinsta.transport;
