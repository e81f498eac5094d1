/**
 * KinstaApplicationAction: day-2 work on an application (clear its cache, promote it, create a
 * preview application). Uses the shared machinery, the Kinsta client and the API model; never
 * another kind's package.
 */
package dev.operators.kinsta.hosting.applicationaction;
