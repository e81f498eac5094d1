/**
 * What every controller shares: credentials from Secrets (and their protection), kstatus
 * conditions, operation tracking, retries, deletion with a policy, events. Knows no kind's package;
 * kinds extend {@code KinstaReconciler}.
 */
package dev.operators.kinsta.reconcile;
