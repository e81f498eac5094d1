/**
 * KinstaApplication: adopted applications, their settings, processes, caching toggles and
 * deployments. Uses the shared machinery, the Kinsta client and the API model; never another kind's
 * package.
 */
package dev.operators.kinsta.hosting.application;
