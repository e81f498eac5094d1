/**
 * A company's applications, databases, static sites, pipelines, projects and process sizes, listed
 * once per interval for every resource of that company. Below the reconcile machinery, which hands
 * them to each attempt.
 */
package dev.operators.kinsta.hosting.inventory;
