package dev.operators.kinsta.wordpress.site;

/** An additional SFTP account's password cannot be had; the message names the Secret and field. */
final class SftpPasswordProblem extends RuntimeException {
  private final String reason;

  SftpPasswordProblem(String reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  String reason() {
    return reason;
  }

  String describe() {
    return String.valueOf(getMessage());
  }
}
