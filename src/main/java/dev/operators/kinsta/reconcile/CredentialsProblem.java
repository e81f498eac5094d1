package dev.operators.kinsta.reconcile;

import org.jspecify.annotations.Nullable;

/**
 * The credentials of a resource cannot be used; no Kinsta call is made until the Secret changes.
 */
public final class CredentialsProblem extends Exception {
  private final Reason reason;
  private final @Nullable String secretVersion;

  public CredentialsProblem(Reason reason, String message, @Nullable String secretVersion) {
    super(message, null, false, false);
    this.reason = reason;
    this.secretVersion = secretVersion;
  }

  /** The message; never null. */
  @Override
  public String getMessage() {
    return String.valueOf(super.getMessage());
  }

  public Reason reason() {
    return reason;
  }

  /** resourceVersion of the Secret that was read, or null when there is none. */
  public @Nullable String secretVersion() {
    return secretVersion;
  }
}
