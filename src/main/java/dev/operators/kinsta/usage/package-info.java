/**
 * Usage reports: what each managed site and application uses, from Kinsta's usage, analytics and
 * metrics endpoints, as Prometheus gauges on their own slow schedule. Uses the shared machinery and
 * the Kinsta client; never another kind's package.
 */
package dev.operators.kinsta.usage;
