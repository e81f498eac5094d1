/**
 * KinstaDatabase: databases, their connection Secret and password reports. Uses the shared
 * machinery, the Kinsta client and the API model; never another kind's package.
 */
package dev.operators.kinsta.hosting.database;
