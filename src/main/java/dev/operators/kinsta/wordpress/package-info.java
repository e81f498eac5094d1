/**
 * The WordPress half: the kinds that live on the Kinsta API (KinstaSite, KinstaSiteAction,
 * KinstaDnsRecord), its client and the company lists they share. Each kind is a package of its own
 * named after it; kinds never import each other.
 */
package dev.operators.kinsta.wordpress;
