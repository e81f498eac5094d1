/**
 * KinstaSite: WordPress and plain sites, their live and staging environments and settings. Uses the
 * shared machinery, the Kinsta client and the API model; never another kind's package.
 */
package dev.operators.kinsta.wordpress.site;
