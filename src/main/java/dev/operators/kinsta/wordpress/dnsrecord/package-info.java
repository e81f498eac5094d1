/**
 * KinstaDnsRecord: record sets in Kinsta DNS zones. Uses the shared machinery, the Kinsta client
 * and the API model; never another kind's package.
 */
package dev.operators.kinsta.wordpress.dnsrecord;
