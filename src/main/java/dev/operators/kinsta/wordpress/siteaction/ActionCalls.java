package dev.operators.kinsta.wordpress.siteaction;

import dev.operators.kinsta.api.v1alpha1.KinstaSiteActionSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteActionSpec.ComponentUpdate;
import dev.operators.kinsta.reconcile.Reasons;
import dev.operators.kinsta.wordpress.client.KinstaApi;
import dev.operators.kinsta.wordpress.client.dto.Backup;
import dev.operators.kinsta.wordpress.client.dto.CompanyUser;
import dev.operators.kinsta.wordpress.client.dto.Environment;
import dev.operators.kinsta.wordpress.client.dto.OperationRef;
import dev.operators.kinsta.wordpress.client.dto.PushEnvironmentRequest;
import dev.operators.kinsta.wordpress.client.dto.WordPressComponent;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** The Kinsta call that starts each kind of action. */
final class ActionCalls {
  /** Why an action cannot start; reported as Stalled with this reason. */
  static final class CannotStart extends Exception {
    private static final long serialVersionUID = 1L;
    private final String reason;

    CannotStart(String reason, String message) {
      super(message);
      this.reason = reason;
    }

    /** Why the run cannot start; never null. */
    @Override
    public String getMessage() {
      return String.valueOf(super.getMessage());
    }

    String reason() {
      return reason;
    }
  }

  /** What the action does, for events and the run's message. */
  static String describe(KinstaSiteActionSpec spec) {
    if (spec.clearCache != null) {
      return "clear the site cache";
    }
    if (spec.clearEdgeCache != null) {
      return "clear the edge cache"
          + (spec.clearEdgeCache.url == null ? "" : " of " + spec.clearEdgeCache.url);
    }
    if (spec.clearCdnCache != null) {
      return "clear the CDN cache";
    }
    if (spec.restartPhp != null) {
      return "restart PHP";
    }
    if (spec.push != null) {
      return "push onto " + spec.push.target;
    }
    if (spec.backup != null) {
      return "take a backup" + (spec.backup.tag == null ? "" : " tagged " + spec.backup.tag);
    }
    if (spec.restore != null) {
      return "restore a backup";
    }
    if (spec.updatePlugins != null) {
      return "update plugins";
    }
    if (spec.updateThemes != null) {
      return "update themes";
    }
    if (spec.deleteBackup != null) {
      return "delete backup " + spec.deleteBackup.backupId;
    }
    if (spec.resetSite != null) {
      return "reset the site";
    }
    if (spec.logs != null) {
      return "fetch the last " + spec.logs.lines + " lines of the " + spec.logs.file + " log";
    }
    return "run " + spec.wpCli.command;
  }

  private ActionCalls() {}

  static OperationRef start(
      KinstaApi api,
      String siteId,
      Environment environment,
      List<Environment> environments,
      KinstaSiteActionSpec spec,
      @Nullable String resetPassword)
      throws CannotStart {
    String envId = environment.id();
    if (spec.deleteBackup != null) {
      long backupId = spec.deleteBackup.backupId;
      if (api.listBackups(envId).stream().noneMatch(b -> b.id() == backupId)) {
        throw new CannotStart(
            ActionReasons.BACKUP_NOT_FOUND,
            "backup " + backupId + " is not a backup of " + environment.name());
      }
      return api.deleteBackup(backupId);
    }
    if (spec.resetSite != null) {
      return api.resetSite(siteId, Objects.requireNonNull(resetPassword, "read before the call"));
    }
    if (spec.clearCache != null) {
      return api.clearCache(envId);
    }
    if (spec.clearEdgeCache != null) {
      return api.clearEdgeCache(
          envId, Boolean.TRUE.equals(spec.clearEdgeCache.subdirectories), spec.clearEdgeCache.url);
    }
    if (spec.clearCdnCache != null) {
      return api.clearCdnCache(envId, environment.cdnCacheId());
    }
    if (spec.restartPhp != null) {
      return api.restartPhp(envId);
    }
    if (spec.push != null) {
      Environment target =
          Environments.find(environments, spec.push.target)
              .orElseThrow(
                  () ->
                      new CannotStart(
                          ActionReasons.ENVIRONMENT_NOT_FOUND,
                          "push target "
                              + spec.push.target
                              + " is not an environment of the site ("
                              + Environments.names(environments)
                              + ")"));
      boolean specific = spec.push.paths != null && !spec.push.paths.isEmpty();
      return api.pushEnvironment(
          siteId,
          new PushEnvironmentRequest(
              envId,
              target.id(),
              spec.push.database,
              spec.push.files,
              spec.push.searchAndReplace,
              specific ? "SPECIFIC_FILES" : "ALL_FILES",
              specific ? spec.push.paths : null));
    }
    if (spec.backup != null) {
      return api.createManualBackup(envId, spec.backup.tag);
    }
    if (spec.restore != null) {
      return restore(api, environment, environments, spec.restore);
    }
    if (spec.updatePlugins != null) {
      return update(
          spec.updatePlugins,
          () -> api.listPlugins(envId),
          names -> api.bulkUpdatePlugins(envId, names),
          (name, version) -> api.updatePlugin(envId, name, version),
          "plugins");
    }
    if (spec.updateThemes != null) {
      return update(
          spec.updateThemes,
          () -> api.listThemes(envId),
          names -> api.bulkUpdateThemes(envId, names),
          (name, version) -> api.updateTheme(envId, name, version),
          "themes");
    }
    return api.runWpCliCommand(envId, spec.wpCli.command);
  }

  private static OperationRef restore(
      KinstaApi api,
      Environment environment,
      List<Environment> environments,
      KinstaSiteActionSpec.Restore restore)
      throws CannotStart {
    Environment target =
        restore.targetEnvironment == null
            ? environment
            : Environments.find(environments, restore.targetEnvironment)
                .orElseThrow(
                    () ->
                        new CannotStart(
                            ActionReasons.ENVIRONMENT_NOT_FOUND,
                            "restore target "
                                + restore.targetEnvironment
                                + " is not an environment of the "
                                + "site ("
                                + Environments.names(environments)
                                + ")"));
    long backupId;
    if (restore.backupId != null) {
      backupId = restore.backupId;
    } else {
      Instant before = Instant.parse(restore.latestBefore);
      backupId =
          api.listBackups(environment.id()).stream()
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
    List<CompanyUser> users = api.companyUsers();
    if (users.isEmpty()) {
      throw new CannotStart(
          Reasons.KINSTA_REJECTED,
          "Kinsta needs a company user to notify of the restore; the company " + "has none");
    }
    return api.restoreBackup(target.id(), backupId, users.get(0).id());
  }

  /**
   * One named item with a version is updated to that version; otherwise the items (or every
   * component with an update) are bulk-updated to their latest versions.
   */
  private static OperationRef update(
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
            : update.items.stream().map(i -> i.name).toList();
    if (names.isEmpty()) {
      throw new CannotStart(ActionReasons.NOTHING_TO_UPDATE, "no " + what + " have an update");
    }
    return bulk.apply(names);
  }
}
