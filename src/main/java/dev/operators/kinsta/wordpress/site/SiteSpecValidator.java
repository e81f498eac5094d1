package dev.operators.kinsta.wordpress.site;

import dev.operators.kinsta.api.v1alpha1.EnvironmentSettings;
import dev.operators.kinsta.api.v1alpha1.FieldProblem;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteSpec;
import dev.operators.kinsta.api.v1alpha1.SftpAccountsSettings;
import dev.operators.kinsta.api.v1alpha1.StagingEnvironment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the CRD's schema and rules do not say about a site spec (they are checked before this, by
 * {@code SchemaCheck}): a standard staging environment has no allocation of its own, no staging
 * environment may be called Live, and an environment lists each SFTP account once (a CEL rule for
 * that would exceed the API server's cost budget).
 */
final class SiteSpecValidator {
  private SiteSpecValidator() {}

  static List<FieldProblem> validate(KinstaSiteSpec spec) {
    List<FieldProblem> problems = new ArrayList<>();
    if (spec.environments != null) {
      repeatedSftpAccounts("live", spec.environments.live, problems);
      repeatedSftpAccounts("staging", spec.environments.staging, problems);
    }
    StagingEnvironment staging = spec.environments == null ? null : spec.environments.staging;
    if (staging == null) {
      return problems;
    }
    if (staging.phpAllocation != null && !Boolean.TRUE.equals(staging.premium)) {
      problems.add(
          new FieldProblem(
              "spec.environments.staging.phpAllocation",
              "only a premium staging environment has its own allocation; standard staging shares"
                  + " live's"));
    }
    if ("live".equalsIgnoreCase(staging.displayName)) {
      problems.add(new FieldProblem("spec.environments.staging.displayName", "cannot be Live"));
    }
    return problems;
  }

  private static void repeatedSftpAccounts(
      String label, @Nullable EnvironmentSettings settings, List<FieldProblem> problems) {
    if (settings == null
        || settings.sftpAccounts == null
        || settings.sftpAccounts.accounts == null) {
      return;
    }
    Set<String> seen = new HashSet<>();
    List<SftpAccountsSettings.Account> accounts = settings.sftpAccounts.accounts;
    for (int i = 0; i < accounts.size(); i++) {
      String username = accounts.get(i).username;
      if (username != null && !seen.add(username)) {
        problems.add(
            new FieldProblem(
                "spec.environments." + label + ".sftpAccounts.accounts[" + i + "].username",
                "\"" + username + "\" is listed more than once"));
      }
    }
  }
}
