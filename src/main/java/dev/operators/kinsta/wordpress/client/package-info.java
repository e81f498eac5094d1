/**
 * The Kinsta API (WordPress sites, environments, access, DNS, backups, company, operations) behind
 * {@code KinstaApi}, on the shared transport. Knows nothing of Kubernetes or reconciling.
 */
package dev.operators.kinsta.wordpress.client;
