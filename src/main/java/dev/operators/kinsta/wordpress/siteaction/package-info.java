/**
 * KinstaSiteAction: one-shot and scheduled actions on a site (cache clearing, PHP restart, push,
 * restore, updates, WP-CLI), their confirmation and their runs. Uses the shared machinery ({@code
 * reconcile}), the Kinsta client and the API model; never another kind's package.
 */
package dev.operators.kinsta.wordpress.siteaction;
