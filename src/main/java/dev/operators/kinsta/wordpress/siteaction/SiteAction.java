package dev.operators.kinsta.wordpress.siteaction;

import dev.operators.kinsta.api.v1alpha1.KinstaSiteActionSpec;
import dev.operators.kinsta.wordpress.client.KinstaApi;
import dev.operators.kinsta.wordpress.client.dto.Environment;
import dev.operators.kinsta.wordpress.client.dto.OperationRef;
import dev.operators.kinsta.wordpress.client.dto.PushEnvironmentRequest;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a KinstaSiteAction does, as a type: the spec keeps one field per action (as kubectl users
 * write it, one set by its CEL rule), and {@link #of} turns it into one of these. An action that
 * Kinsta runs as an operation says how it starts and what its run is tracked as; adding one that
 * does not is a compile error.
 */
sealed interface SiteAction permits SiteAction.FetchLogs, SiteAction.KinstaOperation {
  /** What the action does, for events and the run's message. */
  String describe();

  /** The site and environment a run starts on. */
  record Target(
      KinstaApi api,
      String siteId,
      Environment environment,
      List<Environment> environments,
      @Nullable String resetPassword) {
    String environmentId() {
      return environment.id();
    }
  }

  /** An action Kinsta carries out as an asynchronous operation, followed to its end. */
  sealed interface KinstaOperation extends SiteAction
      permits ClearCache,
          ClearEdgeCache,
          ClearCdnCache,
          RestartPhp,
          Push,
          Backup,
          Restore,
          UpdatePlugins,
          UpdateThemes,
          DeleteBackup,
          ResetSite,
          WpCli {
    /** What its run is tracked as in {@code status.operation} and the operation metrics. */
    ActionOperation operation();

    /** Sends the call that starts it. */
    OperationRef start(Target target) throws ActionCalls.CannotStart;

    /** Whether it destroys data, and so waits for approval under {@code approval: Destructive}. */
    default boolean destructive() {
      return false;
    }
  }

  /** The action the spec names. */
  static SiteAction of(KinstaSiteActionSpec spec) {
    if (spec.clearCache != null) {
      return new ClearCache();
    }
    if (spec.clearEdgeCache != null) {
      return new ClearEdgeCache(spec.clearEdgeCache);
    }
    if (spec.clearCdnCache != null) {
      return new ClearCdnCache();
    }
    if (spec.restartPhp != null) {
      return new RestartPhp();
    }
    if (spec.push != null) {
      return new Push(spec.push);
    }
    if (spec.backup != null) {
      return new Backup(spec.backup);
    }
    if (spec.restore != null) {
      return new Restore(spec.restore);
    }
    if (spec.updatePlugins != null) {
      return new UpdatePlugins(spec.updatePlugins);
    }
    if (spec.updateThemes != null) {
      return new UpdateThemes(spec.updateThemes);
    }
    if (spec.deleteBackup != null) {
      return new DeleteBackup(spec.deleteBackup);
    }
    if (spec.resetSite != null) {
      return new ResetSite();
    }
    if (spec.logs != null) {
      return new FetchLogs(spec.logs);
    }
    return new WpCli(Objects.requireNonNull(spec.wpCli, "one action, by the schema"));
  }

  /** A log fetch: one synchronous read, no operation. */
  record FetchLogs(KinstaSiteActionSpec.Logs logs) implements SiteAction {
    @Override
    public String describe() {
      return "fetch the last " + logs.lines + " lines of the " + logs.file + " log";
    }
  }

  record ClearCache() implements KinstaOperation {
    @Override
    public String describe() {
      return "clear the site cache";
    }

    @Override
    public ActionOperation operation() {
      return ActionOperation.CLEAR_CACHE;
    }

    @Override
    public OperationRef start(Target target) {
      return target.api().environments().clearCache(target.environmentId());
    }
  }

  record ClearEdgeCache(KinstaSiteActionSpec.ClearEdgeCache clear) implements KinstaOperation {
    @Override
    public String describe() {
      return "clear the edge cache" + (clear.url == null ? "" : " of " + clear.url);
    }

    @Override
    public ActionOperation operation() {
      return ActionOperation.CLEAR_EDGE_CACHE;
    }

    @Override
    public OperationRef start(Target target) {
      return target
          .api()
          .environments()
          .clearEdgeCache(
              target.environmentId(), Boolean.TRUE.equals(clear.subdirectories), clear.url);
    }
  }

  record ClearCdnCache() implements KinstaOperation {
    @Override
    public String describe() {
      return "clear the CDN cache";
    }

    @Override
    public ActionOperation operation() {
      return ActionOperation.CLEAR_CDN_CACHE;
    }

    @Override
    public OperationRef start(Target target) {
      return target
          .api()
          .environments()
          .clearCdnCache(target.environmentId(), target.environment().cdnCacheId());
    }
  }

  record RestartPhp() implements KinstaOperation {
    @Override
    public String describe() {
      return "restart PHP";
    }

    @Override
    public ActionOperation operation() {
      return ActionOperation.RESTART_PHP;
    }

    @Override
    public OperationRef start(Target target) {
      return target.api().environments().restartPhp(target.environmentId());
    }
  }

  record Push(KinstaSiteActionSpec.Push push) implements KinstaOperation {
    @Override
    public boolean destructive() {
      return true;
    }

    @Override
    public String describe() {
      return "push onto " + push.target;
    }

    @Override
    public ActionOperation operation() {
      return ActionOperation.PUSH_ENVIRONMENT;
    }

    @Override
    public OperationRef start(Target target) throws ActionCalls.CannotStart {
      Environment onto =
          ActionCalls.environment(
              target.environments(),
              Objects.requireNonNull(push.target, "spec.push.target"),
              "push target");
      boolean specific = push.paths != null && !push.paths.isEmpty();
      return target
          .api()
          .environments()
          .pushEnvironment(
              target.siteId(),
              new PushEnvironmentRequest(
                  target.environmentId(),
                  onto.id(),
                  push.database,
                  push.files,
                  push.searchAndReplace,
                  specific ? "SPECIFIC_FILES" : "ALL_FILES",
                  specific ? push.paths : null));
    }
  }

  record Backup(KinstaSiteActionSpec.Backup backup) implements KinstaOperation {
    @Override
    public String describe() {
      return "take a backup" + (backup.tag == null ? "" : " tagged " + backup.tag);
    }

    @Override
    public ActionOperation operation() {
      return ActionOperation.CREATE_BACKUP;
    }

    @Override
    public OperationRef start(Target target) {
      return target.api().backups().createManualBackup(target.environmentId(), backup.tag);
    }
  }

  record Restore(KinstaSiteActionSpec.Restore restore) implements KinstaOperation {
    @Override
    public boolean destructive() {
      return true;
    }

    @Override
    public String describe() {
      return "restore a backup";
    }

    @Override
    public ActionOperation operation() {
      return ActionOperation.RESTORE_BACKUP;
    }

    @Override
    public OperationRef start(Target target) throws ActionCalls.CannotStart {
      return ActionCalls.restore(target, restore);
    }
  }

  record UpdatePlugins(KinstaSiteActionSpec.ComponentUpdate update) implements KinstaOperation {
    @Override
    public String describe() {
      return "update plugins";
    }

    @Override
    public ActionOperation operation() {
      return ActionOperation.UPDATE_PLUGINS;
    }

    @Override
    public OperationRef start(Target target) throws ActionCalls.CannotStart {
      KinstaApi api = target.api();
      String environmentId = target.environmentId();
      return ActionCalls.update(
          update,
          () -> api.wordPress().listPlugins(environmentId),
          names -> api.wordPress().bulkUpdatePlugins(environmentId, names),
          (name, version) -> api.wordPress().updatePlugin(environmentId, name, version),
          "plugins");
    }
  }

  record UpdateThemes(KinstaSiteActionSpec.ComponentUpdate update) implements KinstaOperation {
    @Override
    public String describe() {
      return "update themes";
    }

    @Override
    public ActionOperation operation() {
      return ActionOperation.UPDATE_THEMES;
    }

    @Override
    public OperationRef start(Target target) throws ActionCalls.CannotStart {
      KinstaApi api = target.api();
      String environmentId = target.environmentId();
      return ActionCalls.update(
          update,
          () -> api.wordPress().listThemes(environmentId),
          names -> api.wordPress().bulkUpdateThemes(environmentId, names),
          (name, version) -> api.wordPress().updateTheme(environmentId, name, version),
          "themes");
    }
  }

  record DeleteBackup(KinstaSiteActionSpec.DeleteBackup delete) implements KinstaOperation {
    @Override
    public boolean destructive() {
      return true;
    }

    @Override
    public String describe() {
      return "delete backup " + delete.backupId;
    }

    @Override
    public ActionOperation operation() {
      return ActionOperation.DELETE_BACKUP;
    }

    @Override
    public OperationRef start(Target target) throws ActionCalls.CannotStart {
      long backupId = Objects.requireNonNull(delete.backupId, "spec.deleteBackup.backupId");
      if (target.api().backups().listBackups(target.environmentId()).stream()
          .noneMatch(b -> b.id() == backupId)) {
        throw new ActionCalls.CannotStart(
            ActionReasons.BACKUP_NOT_FOUND,
            "backup " + backupId + " is not a backup of " + target.environment().name());
      }
      return target.api().backups().deleteBackup(backupId);
    }
  }

  record ResetSite() implements KinstaOperation {
    @Override
    public boolean destructive() {
      return true;
    }

    @Override
    public String describe() {
      return "reset the site";
    }

    @Override
    public ActionOperation operation() {
      return ActionOperation.RESET_SITE;
    }

    @Override
    public OperationRef start(Target target) {
      return target
          .api()
          .sites()
          .resetSite(
              target.siteId(),
              Objects.requireNonNull(target.resetPassword(), "read before the call"));
    }
  }

  record WpCli(KinstaSiteActionSpec.WpCli wpCli) implements KinstaOperation {
    @Override
    public String describe() {
      return "run " + wpCli.command;
    }

    @Override
    public ActionOperation operation() {
      return ActionOperation.RUN_WP_CLI;
    }

    @Override
    public OperationRef start(Target target) {
      return target
          .api()
          .wordPress()
          .runWpCliCommand(
              target.environmentId(), Objects.requireNonNull(wpCli.command, "spec.wpCli.command"));
    }
  }
}
