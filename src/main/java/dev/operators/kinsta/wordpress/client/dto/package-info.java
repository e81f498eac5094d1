/**
 * The Kinsta API's request and answer bodies as Java records, read tolerantly (unknown fields
 * ignored, numbers sent as strings accepted).
 */
@NullMarked
package dev.operators.kinsta.wordpress.client.dto;

import org.jspecify.annotations.NullMarked;
