package dev.operators.kinsta.wordpress.siteaction;

import dev.operators.kinsta.api.v1alpha1.KinstaSiteActionSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteActionSpec.ComponentUpdate;
import dev.operators.kinsta.reconcile.Reason;
import dev.operators.kinsta.reconcile.Reasons;
import dev.operators.kinsta.wordpress.client.KinstaApi;
import dev.operators.kinsta.wordpress.client.dto.Backup;
import dev.operators.kinsta.wordpress.client.dto.CompanyUser;
import dev.operators.kinsta.wordpress.client.dto.Environment;
import dev.operators.kinsta.wordpress.client.dto.OperationRef;
import dev.operators.kinsta.wordpress.client.dto.WordPressComponent;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/** What starting a site action may need beyond one call: finding its target, choosing a backup. */
final class ActionCalls {
  /** Why an action cannot start; reported as Stalled with this reason. */
  static final class CannotStart extends Exception {
    private static final long serialVersionUID = 1L;
    private final Reason reason;

    CannotStart(Reason reason, String message) {
      super(message);
      this.reason = reason;
    }

    /** Why the run cannot start; never null. */
    @Override
    public String getMessage() {
      return String.valueOf(super.getMessage());
    }

    Reason reason() {
      return reason;
    }
  }

  private ActionCalls() {}

  /** The environment of the site a push or restore names, or why the run cannot start. */
  static Environment environment(List<Environment> environments, String name, String role)
      throws CannotStart {
    return Environments.find(environments, name)
        .orElseThrow(
            () ->
                new CannotStart(
                    ActionReasons.ENVIRONMENT_NOT_FOUND,
                    role
                        + " "
                        + name
                        + " is not an environment of the site ("
                        + Environments.names(environments)
                        + ")"));
  }

  /** Restores the backup the spec names, or the latest before a time, with a user to notify. */
  static OperationRef restore(SiteAction.Target on, KinstaSiteActionSpec.Restore restore)
      throws CannotStart {
    KinstaApi api = on.api();
    Environment environment = on.environment();
    Environment target =
        restore.targetEnvironment == null
            ? environment
            : environment(on.environments(), restore.targetEnvironment, "restore target");
    long backupId;
    if (restore.backupId != null) {
      backupId = restore.backupId;
    } else {
      Instant before = Instant.parse(restore.latestBefore);
      backupId =
          api.backups().listBackups(environment.id()).stream()
              .filter(
                  b ->
                      b.createdAt() != null && Instant.ofEpochMilli(b.createdAt()).isBefore(before))
              .max(Comparator.comparing(Backup::createdAt))
              .map(Backup::id)
              .orElseThrow(
                  () ->
                      new CannotStart(
                          ActionReasons.BACKUP_NOT_FOUND,
                          "no backup of "
                              + environment.name()
                              + " was taken "
                              + "before "
                              + restore.latestBefore));
    }
    List<CompanyUser> users = api.company().companyUsers();
    if (users.isEmpty()) {
      throw new CannotStart(
          Reasons.KINSTA_REJECTED,
          "Kinsta needs a company user to notify of the restore; the company " + "has none");
    }
    return api.backups().restoreBackup(target.id(), backupId, users.get(0).id());
  }

  /**
   * One named item with a version is updated to that version; otherwise the items (or every
   * component with an update) are bulk-updated to their latest versions.
   */
  static OperationRef update(
      ComponentUpdate update,
      java.util.function.Supplier<List<WordPressComponent>> list,
      Function<List<String>, OperationRef> bulk,
      BiFunction<String, String, OperationRef> single,
      String what)
      throws CannotStart {
    if (update.items != null && update.items.size() == 1 && update.items.get(0).version != null) {
      return single.apply(update.items.get(0).name, update.items.get(0).version);
    }
    List<String> names =
        Boolean.TRUE.equals(update.all)
            ? list.get().stream()
                .filter(c -> c.updateVersion() != null)
                .map(WordPressComponent::name)
                .toList()
            : Objects.requireNonNullElse(
                    update.items, List.<KinstaSiteActionSpec.ComponentVersion>of())
                .stream()
                .map(i -> i.name)
                .toList();
    if (names.isEmpty()) {
      throw new CannotStart(ActionReasons.NOTHING_TO_UPDATE, "no " + what + " have an update");
    }
    return bulk.apply(names);
  }
}
