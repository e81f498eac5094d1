package dev.operators.kinsta.api.v1alpha1;

/** Patterns of Kinsta identifiers. */
final class Ids {
  static final String UUID =
      "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

  private Ids() {}
}
