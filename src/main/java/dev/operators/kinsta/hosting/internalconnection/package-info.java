/**
 * KinstaInternalConnection: links between an application and a database or another application,
 * made once both ends exist. Uses the shared machinery, the Kinsta client and the API model; never
 * another kind's package.
 */
package dev.operators.kinsta.hosting.internalconnection;
