package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An empty site without WordPress; it has no settings of its own. (The Jackson annotation lets the
 * empty object serialise as {@code {}}.)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PlainSource {}
