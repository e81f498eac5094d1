package dev.operators.kinsta.wordpress.client;

import dev.operators.kinsta.wordpress.client.dto.OperationRef;
import dev.operators.kinsta.wordpress.client.dto.RedirectRule;
import dev.operators.kinsta.wordpress.client.dto.SftpAccounts;
import dev.operators.kinsta.wordpress.client.dto.SshConfig;
import java.util.List;

/**
 * The Kinsta API's calls on who may reach an environment: denied IP addresses, SFTP/SSH, redirect
 * rules, additional SFTP accounts.
 */
public interface Access {
  /** {@code GET /sites/tools/denied-ips}. */
  List<String> getDeniedIps(String environmentId);

  /** {@code PUT /sites/tools/denied-ips}: synchronous. */
  void updateDeniedIps(String environmentId, List<String> ipList);

  /** {@code GET /sites/environments/{env_id}/ssh/get-status}: whether SFTP/SSH is on. */
  boolean sshEnabled(String environmentId);

  /** {@code POST /sites/environments/{env_id}/ssh/set-status} (synchronous). */
  void setSshEnabled(String environmentId, boolean enabled);

  /** {@code POST /sites/environments/{env_id}/ssh/set-password-status} (synchronous). */
  void setSshPasswordAuthentication(String environmentId, boolean enabled);

  /**
   * {@code GET /sites/environments/{env_id}/ssh/get-allowed-ips}: the addresses allowed to connect
   * (empty: any).
   */
  List<String> sshAllowedIps(String environmentId);

  /** {@code POST /sites/environments/{env_id}/ssh/set-allowed-ips} (synchronous). */
  void setSshAllowedIps(String environmentId, List<String> addresses);

  /**
   * {@code POST /sites/environments/{env_id}/ssh/change-expiration-interval}: {@code hours_24},
   * {@code days_7}, {@code days_30}, {@code days_90} or {@code never}.
   */
  void setSshExpiration(String environmentId, String interval);

  /** {@code GET /sites/{site_id}/environments/{env_id}/ssh/config}. */
  SshConfig sshConfig(String siteId, String environmentId);

  /** {@code GET /sites/environments/{env_id}/redirect-rules}, every page. */
  List<RedirectRule> redirectRules(String environmentId);

  /** {@code POST /sites/environments/{env_id}/redirect-rules}, action {@code NEW} (synchronous). */
  void addRedirectRule(String environmentId, RedirectRule rule);

  /**
   * {@code POST /sites/environments/{env_id}/redirect-rules}, action {@code DELETE} (synchronous).
   */
  void deleteRedirectRule(String environmentId, RedirectRule rule);

  /**
   * {@code PUT /sites/environments/{env_id}/additional-sftp-accounts/toggle-status}: the
   * environment's additional SFTP accounts on or off.
   */
  OperationRef setSftpAccountsEnabled(String environmentId, boolean enabled);

  /** {@code GET /sites/environments/{env_id}/additional-sftp-accounts}. */
  SftpAccounts sftpAccounts(String environmentId);

  /**
   * {@code POST /sites/environments/{env_id}/additional-sftp-accounts}; the password (16 characters
   * or more) is redacted from every log and error.
   */
  OperationRef addSftpAccount(
      String environmentId,
      String username,
      String password,
      String rootDirectory,
      String permission);

  /** {@code DELETE /sites/environments/additional-sftp-accounts/{sftp_account_id}}. */
  OperationRef deleteSftpAccount(String accountId);
}
