package dev.operators.kinsta.wordpress.client.dto;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An environment's additional SFTP accounts and the port they connect to, from {@code GET
 * /sites/environments/{env_id}/additional-sftp-accounts}; Kinsta never shows their passwords.
 */
public record SftpAccounts(List<Account> accounts, @Nullable String port) {

  /** One account. */
  public record Account(
      String id, String username, String rootDirectory, Boolean isActive, String permission) {}
}
