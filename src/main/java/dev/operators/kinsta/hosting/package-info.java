/**
 * The hosting half: the kinds that live on Sevalla's v3 API (KinstaApplication, KinstaDatabase,
 * KinstaStaticSite, KinstaPipeline, KinstaInternalConnection, KinstaApplicationAction), and what
 * they share here: creation exactly once, domains, environment variables, access, deletion read
 * back. Each kind is a package of its own named after it; kinds never import each other.
 */
package dev.operators.kinsta.hosting;
