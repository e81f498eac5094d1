package dev.operators.kinsta.reconcile;

import java.security.SecureRandom;

/**
 * Passwords the operator makes for what a spec leaves to it (a database's, an SFTP account's): 32
 * letters and digits without look-alikes, from a cryptographic source.
 */
public final class GeneratedPasswords {
  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  private static final int LENGTH = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private GeneratedPasswords() {}

  public static String next() {
    StringBuilder password = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return password.toString();
  }
}
