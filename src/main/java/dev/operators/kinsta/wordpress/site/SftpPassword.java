package dev.operators.kinsta.wordpress.site;

/**
 * An additional SFTP account's password and where it came from ({@code secret/key@resourceVersion},
 * recorded in status so that a new password replaces the account; never the password itself).
 */
record SftpPassword(String value, String source) {
  @Override
  public String toString() {
    return "SftpPassword[" + source + "]";
  }
}
