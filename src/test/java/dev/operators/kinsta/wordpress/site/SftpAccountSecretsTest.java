package dev.operators.kinsta.wordpress.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.operators.kinsta.api.v1alpha1.EnvironmentSettings;
import dev.operators.kinsta.api.v1alpha1.KinstaSite;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteSpec;
import dev.operators.kinsta.api.v1alpha1.SecretKeyReference;
import dev.operators.kinsta.api.v1alpha1.SftpAccountsSettings;
import dev.operators.kinsta.api.v1alpha1.SftpAccountsSettings.Account;
import dev.operators.kinsta.api.v1alpha1.SiteEnvironments;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The Secrets a site's SFTP accounts read, as the Secret index asks them of every cached site: an
 * invalid one too (local mode's embedded API server checks no schema), whose account without a
 * Secret name or a username names no Secret instead of a null or "…-sftp-null".
 */
class SftpAccountSecretsTest {
  private static Account account(@Nullable String username, @Nullable SecretKeyReference ref) {
    Account account = new Account();
    account.username = username;
    account.passwordSecretRef = ref;
    return account;
  }

  @Test
  void everyAccountNamesItsSecretAndAnIncompleteOneNamesNone() {
    EnvironmentSettings live = new EnvironmentSettings();
    live.sftpAccounts = new SftpAccountsSettings();
    live.sftpAccounts.accounts =
        List.of(
            account("deploy", null),
            account("ci", new SecretKeyReference("ci-sftp", "password")),
            account("reports", new SecretKeyReference()),
            account(null, null));
    KinstaSiteSpec spec = new KinstaSiteSpec();
    spec.environments = new SiteEnvironments();
    spec.environments.live = live;
    KinstaSite site = new KinstaSite();
    site.setMetadata(new ObjectMetaBuilder().withName("shop").withNamespace("team-a").build());
    site.setSpec(spec);

    assertEquals(List.of("shop-live-sftp-deploy", "ci-sftp"), SftpAccountSecrets.all(site));
  }
}
