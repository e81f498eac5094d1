/**
 * The rate budget: one per company shared by every controller, below Kinsta's limits, with
 * priorities and 429 pauses (Bucket4j underneath).
 */
package dev.operators.kinsta.transport.budget;
