package dev.operators.kinsta.wordpress.site;

import dev.operators.kinsta.reconcile.Reason;

/** An additional SFTP account's password cannot be had; the message names the Secret and field. */
final class SftpPasswordProblem extends RuntimeException {
  private final Reason reason;

  SftpPasswordProblem(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  Reason reason() {
    return reason;
  }

  String describe() {
    return String.valueOf(getMessage());
  }
}
