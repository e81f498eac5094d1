package dev.operators.kinsta.wordpress.site;

import dev.operators.kinsta.api.v1alpha1.KinstaSiteStatus;
import dev.operators.kinsta.api.v1alpha1.SftpAccountsSettings;
import dev.operators.kinsta.api.v1alpha1.SftpAccountsSettings.Account;
import dev.operators.kinsta.wordpress.client.dto.Environment;
import dev.operators.kinsta.wordpress.client.dto.SftpAccounts;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The next change to an environment's additional SFTP accounts: the feature on or off (from the
 * company's list), then the accounts Kinsta lists against the spec's. Kinsta cannot change an
 * account, so one whose root directory, permission or password source differs is removed first and
 * added again in a later step; an account the operator did not add (no password source on record)
 * is replaced too, so that the password in its Secret is the one that works.
 */
final class SftpAccountPlanner {
  private SftpAccountPlanner() {}

  static Optional<SettingChange> next(
      String label,
      SftpAccountsSettings spec,
      Environment env,
      EnvironmentReads reads,
      KinstaSiteStatus status) {
    String envId = env.id();
    if (spec.enabled != null
        && spec.enabled != Boolean.TRUE.equals(env.isAdditionalSftpAccountsEnabled())) {
      boolean enabled = spec.enabled;
      return Optional.of(
          new SettingChange(
              SiteOperation.SET_SFTP_ACCOUNTS,
              label,
              enabled ? "on" : "off",
              null,
              false,
              api -> api.access().setSftpAccountsEnabled(envId, enabled)));
    }
    if (spec.accounts == null) {
      return Optional.empty();
    }
    Map<String, Account> wanted =
        spec.accounts.stream()
            .collect(
                Collectors.toMap(
                    a -> a.username, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    Map<String, String> applied = applied(status, label);
    SftpAccounts current = reads.sftpAccounts();
    for (SftpAccounts.Account account : current.accounts()) {
      String why =
          replacementReason(wanted.get(account.username()), account, applied, reads, label);
      if (why != null) {
        String id = account.id();
        String username = account.username();
        return Optional.of(
            new SettingChange(
                SiteOperation.DELETE_SFTP_ACCOUNT,
                label,
                username + " (" + why + ")",
                null,
                true,
                api -> {
                  forget(status, label, username);
                  return api.access().deleteSftpAccount(id);
                }));
      }
    }
    for (Account account : wanted.values()) {
      String username = SftpAccountSecrets.username(account);
      boolean listed = current.accounts().stream().anyMatch(a -> a.username().equals(username));
      if (!listed) {
        SftpPassword password = reads.sftpPassword(label, account);
        return Optional.of(
            new SettingChange(
                SiteOperation.ADD_SFTP_ACCOUNT,
                label,
                username,
                null,
                false,
                api -> {
                  remember(status, label, username, password.source());
                  return api.access()
                      .addSftpAccount(
                          envId,
                          username,
                          password.value(),
                          account.rootOrDefault(),
                          account.permissionOrDefault().name());
                }));
      }
    }
    return Optional.empty();
  }

  /** Why an account Kinsta lists goes, or null when it stays. */
  private static @Nullable String replacementReason(
      @Nullable Account wanted,
      SftpAccounts.Account account,
      Map<String, String> applied,
      EnvironmentReads reads,
      String label) {
    if (wanted == null) {
      return "not listed";
    }
    if (!wanted.rootOrDefault().equals(account.rootDirectory())
        || !wanted.permissionOrDefault().name().equals(account.permission())) {
      return "root directory or permission changed";
    }
    String source = applied.get(account.username());
    if (source == null) {
      return "not added by the operator, so its password is unknown";
    }
    return source.equals(reads.sftpPassword(label, wanted).source()) ? null : "new password";
  }

  private static Map<String, String> applied(KinstaSiteStatus status, String label) {
    return status.appliedSftpPasswords == null
        ? Map.of()
        : status.appliedSftpPasswords.getOrDefault(label, Map.of());
  }

  private static void remember(
      KinstaSiteStatus status, String label, String username, String source) {
    if (status.appliedSftpPasswords == null) {
      status.appliedSftpPasswords = new LinkedHashMap<>();
    }
    status
        .appliedSftpPasswords
        .computeIfAbsent(label, l -> new LinkedHashMap<>())
        .put(username, source);
  }

  private static void forget(KinstaSiteStatus status, String label, String username) {
    if (status.appliedSftpPasswords != null && status.appliedSftpPasswords.containsKey(label)) {
      status.appliedSftpPasswords.get(label).remove(username);
    }
  }
}
