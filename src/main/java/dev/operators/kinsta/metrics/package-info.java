/**
 * The operator's own Prometheus metrics (Kinsta API, rate budget, operations, resources, key
 * expiry) through Micrometer; labels never grow with the number of resources and never hold a
 * secret.
 */
package dev.operators.kinsta.metrics;
