package dev.operators.kinsta.api.v1alpha1;

/** Which changes wait for a person's approval before the operator carries them out. */
public enum Approval {
  /** None: every change goes ahead. */
  None,
  /**
   * Changes that destroy data (deleting the object, an environment, domains or a DNS record set,
   * replacing an SFTP account, restoring a backup, pushing staging to live) wait until the
   * annotation {@code kinsta.operators.dev/approve} names the resource's current generation.
   */
  Destructive
}
