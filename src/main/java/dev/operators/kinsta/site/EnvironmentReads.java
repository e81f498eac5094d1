package dev.operators.kinsta.site;

import dev.operators.kinsta.client.dto.RedirectRule;
import dev.operators.kinsta.reconcile.SiteInventory.SshAccess;
import java.util.List;

/**
 * What an environment's settings need beyond the company's site list, each read only when the spec
 * manages that setting (and then at most once per inventory interval).
 */
interface EnvironmentReads {
  List<String> deniedIps();

  SshAccess ssh();

  List<RedirectRule> redirects();
}
