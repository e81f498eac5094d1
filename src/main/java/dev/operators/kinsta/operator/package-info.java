/**
 * Wiring: the production main, the runtime that builds clients, metrics and the management server,
 * and the registration of every controller with the Java Operator SDK. The only package that knows
 * every kind.
 */
package dev.operators.kinsta.operator;
