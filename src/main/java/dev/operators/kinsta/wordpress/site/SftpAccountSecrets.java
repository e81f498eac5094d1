package dev.operators.kinsta.wordpress.site;

import static java.util.Objects.requireNonNull;

import dev.operators.kinsta.api.v1alpha1.EnvironmentSettings;
import dev.operators.kinsta.api.v1alpha1.KinstaSite;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteStatus;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteStatus.EnvironmentStatus;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteStatus.SftpAccountStatus;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteStatus.SftpAccountsStatus;
import dev.operators.kinsta.api.v1alpha1.SecretKeyReference;
import dev.operators.kinsta.api.v1alpha1.SftpAccountsSettings;
import dev.operators.kinsta.api.v1alpha1.SftpAccountsSettings.Account;
import dev.operators.kinsta.reconcile.Attempt;
import dev.operators.kinsta.reconcile.GeneratedPasswords;
import dev.operators.kinsta.reconcile.OwnedSecrets;
import dev.operators.kinsta.reconcile.Reasons;
import dev.operators.kinsta.reconcile.SecretLookup;
import dev.operators.kinsta.wordpress.client.dto.Environment;
import dev.operators.kinsta.wordpress.client.dto.SftpAccounts;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Where the passwords of additional SFTP accounts live: a Secret the spec names, or one the
 * operator generates and owns ({@code <site>-<environment>-sftp-<username>}, with the username,
 * password, host and port a contractor needs). Passwords go to Kinsta and to that Secret, nowhere
 * else.
 */
final class SftpAccountSecrets {
  /** Kinsta's minimum password length for an additional SFTP account. */
  static final int MIN_PASSWORD_LENGTH = 16;

  private SftpAccountSecrets() {}

  static String generatedName(String site, String label, String username) {
    return site + "-" + label + "-sftp-" + username;
  }

  static String secretOf(String site, String label, Account account) {
    return account.passwordSecretRef != null
        ? account.passwordSecretRef.secretName()
        : generatedName(site, label, username(account));
  }

  /** An account's username, which every account the schema accepted has. */
  static String username(Account account) {
    return requireNonNull(account.username, "sftpAccounts.accounts[].username");
  }

  /** The Secrets the spec names for SFTP passwords, by the field that names them. */
  static Map<String, String> named(@Nullable KinstaSiteSpec spec) {
    Map<String, String> names = new LinkedHashMap<>();
    forEachAccount(
        spec,
        (label, index, account) -> {
          if (account.passwordSecretRef != null && account.passwordSecretRef.name != null) {
            names.put(
                "spec.environments."
                    + label
                    + ".sftpAccounts.accounts["
                    + index
                    + "].passwordSecretRef",
                account.passwordSecretRef.name);
          }
        });
    return names;
  }

  /**
   * Every Secret the spec's SFTP accounts read, generated ones included. Asked of every cached
   * site, an invalid one too: an account without the name or username it needs names no Secret.
   */
  static List<String> all(KinstaSite site) {
    List<String> names = new java.util.ArrayList<>();
    forEachAccount(
        site.getSpec(),
        (label, index, account) -> {
          SecretKeyReference ref = account.passwordSecretRef;
          if (ref != null ? ref.name != null : account.username != null) {
            names.add(secretOf(site.getMetadata().getName(), label, account));
          }
        });
    return names;
  }

  /**
   * The account's password and its source; a generated one is in its Secret before this returns.
   */
  static SftpPassword password(
      Attempt<KinstaSite, KinstaSiteStatus> attempt,
      String label,
      Account account,
      Environment env,
      Supplier<SftpAccounts> accounts) {
    SecretKeyReference ref = account.passwordSecretRef;
    if (ref != null) {
      String field = "environments." + label + ".sftpAccounts (" + account.username + ")";
      Secret secret =
          attempt
              .secret(ref.secretName())
              .orElseThrow(
                  () ->
                      new SftpPasswordProblem(
                          Reasons.SECRET_NOT_FOUND,
                          "Secret " + ref.name + " (" + field + ") does not exist"));
      String value =
          SecretLookup.value(secret, ref.key)
              .orElseThrow(
                  () ->
                      new SftpPasswordProblem(
                          Reasons.SECRET_NOT_FOUND,
                          "Secret " + ref.name + " has no key " + ref.key + " (" + field + ")"));
      if (value.length() < MIN_PASSWORD_LENGTH) {
        throw new SftpPasswordProblem(
            Reasons.INVALID_SPEC,
            "The password in Secret "
                + ref.name
                + " (key "
                + ref.key
                + ", "
                + field
                + ") is shorter than the "
                + MIN_PASSWORD_LENGTH
                + " characters Kinsta requires");
      }
      return new SftpPassword(value, source(ref.secretName(), ref.key, secret));
    }
    String name =
        generatedName(attempt.resource().getMetadata().getName(), label, username(account));
    Optional<Secret> existing = attempt.secret(name);
    Optional<String> kept =
        existing
            .flatMap(secret -> SecretLookup.value(secret, "password"))
            .filter(p -> p.length() >= MIN_PASSWORD_LENGTH);
    if (kept.isPresent()) {
      return new SftpPassword(kept.get(), source(name, "password", existing.get()));
    }
    String password = GeneratedPasswords.next();
    Map<String, String> data = new LinkedHashMap<>();
    data.put("username", account.username);
    data.put("password", password);
    data.put("host", env.sshHost());
    data.put("port", accounts.get().port());
    try {
      String version = attempt.ownedSecrets().ensure(attempt.resource(), existing, name, data);
      return new SftpPassword(password, name + "/password@" + version);
    } catch (OwnedSecrets.SecretConflict conflict) {
      throw new SftpPasswordProblem(
          Reasons.SECRET_MISUSED,
          "Secret "
              + name
              + " exists and is not owned by this KinstaSite; set passwordSecretRef for SFTP"
              + " account "
              + account.username
              + ", or delete that Secret");
    }
  }

  private static String source(String name, String key, Secret secret) {
    return name + "/" + key + "@" + secret.getMetadata().getResourceVersion();
  }

  /**
   * The environment's accounts as Kinsta lists them, with the Secret of each one the spec lists.
   */
  static SftpAccountsStatus report(
      String site,
      String label,
      SftpAccountsSettings spec,
      Environment env,
      SftpAccounts accounts) {
    SftpAccountsStatus out = new SftpAccountsStatus();
    out.enabled = Boolean.TRUE.equals(env.isAdditionalSftpAccountsEnabled());
    out.port = accounts.port();
    for (SftpAccounts.Account account : accounts.accounts()) {
      SftpAccountStatus status = new SftpAccountStatus();
      status.id = account.id();
      status.username = account.username();
      status.rootDirectory = account.rootDirectory();
      status.permission = account.permission();
      status.active = account.isActive();
      if (spec.accounts != null) {
        spec.accounts.stream()
            .filter(a -> account.username().equals(a.username))
            .findFirst()
            .ifPresent(a -> status.passwordSecret = secretOf(site, label, a));
      }
      out.accounts.add(status);
    }
    return out;
  }

  /** What to do with each account the spec lists, with its environment label and index. */
  @FunctionalInterface
  interface AccountVisitor {
    void visit(String label, int index, Account account);
  }

  private static void forEachAccount(@Nullable KinstaSiteSpec spec, AccountVisitor visitor) {
    if (spec == null || spec.environments == null) {
      return;
    }
    visit(SiteReconciler.LIVE, spec.environments.live, visitor);
    visit(SiteReconciler.STAGING, spec.environments.staging, visitor);
  }

  private static void visit(
      String label, @Nullable EnvironmentSettings settings, AccountVisitor visitor) {
    if (settings == null
        || settings.sftpAccounts == null
        || settings.sftpAccounts.accounts == null) {
      return;
    }
    List<Account> accounts = settings.sftpAccounts.accounts;
    for (int i = 0; i < accounts.size(); i++) {
      visitor.visit(label, i, accounts.get(i));
    }
  }

  /** Fills the status of each environment whose spec manages additional SFTP accounts. */
  static void fill(
      EnvironmentStatus out,
      String site,
      String label,
      @Nullable EnvironmentSettings settings,
      Environment env,
      Supplier<SftpAccounts> accounts) {
    if (settings == null || settings.sftpAccounts == null) {
      out.sftpAccounts = null;
      return;
    }
    out.sftpAccounts = report(site, label, settings.sftpAccounts, env, accounts.get());
  }
}
