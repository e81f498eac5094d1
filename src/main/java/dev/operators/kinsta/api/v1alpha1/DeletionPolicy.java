package dev.operators.kinsta.api.v1alpha1;

/** What happens to the Kinsta object when its custom resource is deleted. */
public enum DeletionPolicy {
  /** Delete the Kinsta object, and remove the resource once Kinsta confirms it is gone. */
  Delete,
  /** Leave the Kinsta object in place and remove only the resource. */
  Retain
}
