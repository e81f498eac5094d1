/**
 * A company's WordPress sites and DNS zones, listed once per interval for every resource of that
 * company: the cost of looking grows with companies, not resources. Below the reconcile machinery,
 * which hands them to each attempt.
 */
package dev.operators.kinsta.wordpress.inventory;
