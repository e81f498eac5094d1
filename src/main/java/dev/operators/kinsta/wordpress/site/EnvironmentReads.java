package dev.operators.kinsta.wordpress.site;

import dev.operators.kinsta.api.v1alpha1.SftpAccountsSettings;
import dev.operators.kinsta.wordpress.client.dto.RedirectRule;
import dev.operators.kinsta.wordpress.client.dto.SftpAccounts;
import dev.operators.kinsta.wordpress.site.EnvironmentExtras.SshAccess;
import java.util.List;

/**
 * What an environment's settings need beyond the company's site list, each read only when the spec
 * manages that setting (and then at most once per inventory interval).
 */
interface EnvironmentReads {
  List<String> deniedIps();

  SshAccess ssh();

  List<RedirectRule> redirects();

  SftpAccounts sftpAccounts();

  /**
   * The password of an additional SFTP account: from the Secret the spec names, or generated into
   * the Secret the operator owns (written before it is returned). Throws {@link
   * SftpPasswordProblem} when it cannot be had.
   */
  SftpPassword sftpPassword(String label, SftpAccountsSettings.Account account);
}
