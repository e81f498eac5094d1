/**
 * Sevalla's v3 request and answer bodies as Java records, read tolerantly (unknown fields ignored,
 * numbers sent as strings accepted).
 */
@NullMarked
package dev.operators.kinsta.hosting.client.dto;

import org.jspecify.annotations.NullMarked;
