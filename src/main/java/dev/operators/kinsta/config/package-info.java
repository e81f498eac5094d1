/**
 * Every operator setting, read from environment variables and validated at start, every problem
 * reported at once.
 */
package dev.operators.kinsta.config;
