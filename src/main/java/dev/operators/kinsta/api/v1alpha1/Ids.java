package dev.operators.kinsta.api.v1alpha1;

/** Patterns of Kinsta identifiers. */
final class Ids {
  static final String UUID =
      "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

  /**
   * A Kinsta unique name (an application's, a database's or a static site's, not a display name):
   * it goes into a request path, so nothing but lowercase letters, digits and inner hyphens.
   */
  static final String UNIQUE_NAME = "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$";

  /** A Kubernetes resource name, as another resource of the namespace is referred to. */
  static final String RESOURCE_NAME = "^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$";

  private Ids() {}
}
