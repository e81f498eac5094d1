package dev.operators.kinsta.reconcile;

/** The credentials of a resource cannot be used; no Kinsta call is made until the Secret changes. */
public final class CredentialsProblem extends Exception {
  private final String reason;
  private final String secretVersion;

  public CredentialsProblem(String reason, String message, String secretVersion) {
    super(message, null, false, false);
    this.reason = reason;
    this.secretVersion = secretVersion;
  }

  public String reason() {
    return reason;
  }

  /** resourceVersion of the Secret that was read, or null when there is none. */
  public String secretVersion() {
    return secretVersion;
  }
}
