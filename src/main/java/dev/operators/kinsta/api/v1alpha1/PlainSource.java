package dev.operators.kinsta.api.v1alpha1;

/** An empty site without WordPress; it has no settings of its own. */
public class PlainSource {
}
