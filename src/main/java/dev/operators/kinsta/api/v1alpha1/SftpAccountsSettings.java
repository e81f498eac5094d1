package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An environment's additional SFTP accounts; each field left out is not managed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SftpAccountsSettings {
  @JsonPropertyDescription("Additional SFTP accounts on or off for the environment.")
  public @Nullable Boolean enabled;

  @Size(max = 20)
  @JsonPropertyDescription(
      "The accounts. When set, accounts not listed are removed (an empty list removes all); left"
          + " out, the accounts are not managed. Each username once. Kinsta cannot change an account: a changed root"
          + " directory, permission or password Secret replaces it.")
  public @Nullable List<Account> accounts;

  /** One additional SFTP account. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class Account {
    @Required
    @Pattern("^[a-z0-9]([-a-z0-9]{1,30}[a-z0-9])$")
    @JsonPropertyDescription("User name, 3 to 32 lower-case letters, digits and dashes.")
    public @Nullable String username;

    @Default("/")
    @Pattern("^/([A-Za-z0-9._-]+/?)*$")
    @JsonPropertyDescription("The directory the account is confined to; `/` is the site's root.")
    public String rootDirectory = "/";

    @Default("read")
    @JsonPropertyDescription("read (the default) or write.")
    public Permission permission = Permission.read;

    @JsonPropertyDescription(
        "The password (16 characters or more), from a Secret you manage. Without it the operator"
            + " generates one into a Secret it owns, `<site>-<environment>-sftp-<username>`, with"
            + " the username, password, host and port. A new password in the Secret replaces the"
            + " account (Kinsta cannot change one).")
    public @Nullable SecretKeyReference passwordSecretRef;

    /** The account's root directory, Kinsta's default when unset. */
    public String rootOrDefault() {
      return rootDirectory == null || rootDirectory.isBlank() ? "/" : rootDirectory;
    }

    /** The account's permission, read when unset. */
    public Permission permissionOrDefault() {
      return permission == null ? Permission.read : permission;
    }
  }

  /** What an account may do. */
  public enum Permission {
    read,
    write
  }
}
