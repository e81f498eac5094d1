/**
 * Hands out both halves' API clients bound to a company's credentials, from one HTTP connection
 * pool and one rate budget per company.
 */
package dev.operators.kinsta.client;
