/**
 * KinstaCompany: the company behind a credentials Secret, read-only. Uses the shared machinery, the
 * Kinsta client and the API model; never another kind's package.
 */
package dev.operators.kinsta.company;
