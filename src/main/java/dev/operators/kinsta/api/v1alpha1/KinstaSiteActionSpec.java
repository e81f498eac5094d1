package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a {@link KinstaSiteAction} does, where, and when. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "[has(self.clearCache), has(self.clearEdgeCache), has(self.clearCdnCache), "
            + "has(self.restartPhp), has(self.push), has(self.backup), has(self.restore), has(self.updatePlugins), "
            + "has(self.updateThemes), has(self.wpCli), has(self.deleteBackup), has(self.resetSite), "
            + "has(self.logs)].filter(x, x).size() == 1",
    message =
        "set exactly one action: clearCache, clearEdgeCache, clearCdnCache, restartPhp, push, backup, "
            + "restore, updatePlugins, updateThemes, wpCli, deleteBackup, resetSite or logs")
@ValidationRule(
    value =
        "!has(self.resetSite) || self.resetSite.confirm == "
            + "(has(self.site.name) ? self.site.name : self.site.id)",
    message = "resetting a site needs resetSite.confirm set to the site (site.name or site.id)",
    fieldPath = ".resetSite.confirm")
@ValidationRule(
    value =
        "!has(self.restore) || self.restore.confirm == (has(self.restore.targetEnvironment) ? "
            + "self.restore.targetEnvironment : self.environment)",
    message = "restoring needs restore.confirm set to the target environment",
    fieldPath = ".restore.confirm")
public class KinstaSiteActionSpec extends KinstaSpec implements ApprovalSetting {

  @JsonPropertyDescription(
      "Destructive holds a run that destroys data (push, restore, reset, deleting a backup) until"
          + " the annotation kinsta.operators.dev/approve names the resource's current"
          + " metadata.generation; an approval covers every run of that generation. None lets them"
          + " go ahead. Absent: the operator's default (KINSTA_DEFAULT_APPROVAL).")
  public @Nullable Approval approval;

  @Override
  public @Nullable Approval approvalSetting() {
    return approval;
  }

  /** A WP-CLI command as Kinsta accepts it. */
  public static final String WP_CLI_PATTERN = "^wp\\s+[a-zA-Z0-9_\\-./:=@'\\s]+$";

  @Required
  @JsonPropertyDescription("The site to act on.")
  public @Nullable SiteReference site;

  @Default("live")
  @Pattern("^[A-Za-z0-9][-A-Za-z0-9_ ]*$")
  @JsonPropertyDescription(
      "The environment: `live`, a staging environment's name (e.g. `staging`), or an "
          + "environment id.")
  public String environment = "live";

  @JsonPropertyDescription("Clear the site cache.")
  public @Nullable Empty clearCache;

  @JsonPropertyDescription("Clear the edge cache, all of it or one URL.")
  public @Nullable ClearEdgeCache clearEdgeCache;

  @JsonPropertyDescription("Clear the CDN cache.")
  public @Nullable Empty clearCdnCache;

  @JsonPropertyDescription("Restart PHP.")
  public @Nullable Empty restartPhp;

  @JsonPropertyDescription("Push this environment onto another.")
  public @Nullable Push push;

  @JsonPropertyDescription("Take a manual backup.")
  public @Nullable Backup backup;

  @JsonPropertyDescription("Restore a backup onto an environment.")
  public @Nullable Restore restore;

  @JsonPropertyDescription("Update plugins.")
  public @Nullable ComponentUpdate updatePlugins;

  @JsonPropertyDescription("Update themes.")
  public @Nullable ComponentUpdate updateThemes;

  @JsonPropertyDescription("Run a WP-CLI command.")
  public @Nullable WpCli wpCli;

  @JsonPropertyDescription("Delete a backup of the environment.")
  public @Nullable DeleteBackup deleteBackup;

  @JsonPropertyDescription(
      "Reset the site: Kinsta wipes it and installs WordPress anew, with a new admin password."
          + " Destructive: confirm must repeat the site.")
  public @Nullable ResetSite resetSite;

  @JsonPropertyDescription(
      "Fetch the last lines of a log of the environment into the run's output.")
  public @Nullable Logs logs;

  @JsonPropertyDescription("Run on a schedule, like a CronJob, instead of once.")
  public @Nullable Schedule schedule;

  /** No parameters ({@code {}}). */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public static class Empty {}

  /** A KinstaSite in this namespace, or a site id. */
  @ValidationRule(
      value = "has(self.name) != has(self.id)",
      message = "set exactly one of name or id")
  public static class SiteReference {
    @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
    @JsonPropertyDescription("Name of a KinstaSite in this namespace.")
    public @Nullable String name;

    @Pattern(Ids.UUID)
    @JsonPropertyDescription("Kinsta id of a site not managed here.")
    public @Nullable String id;
  }

  /** Edge cache clearing. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class ClearEdgeCache {
    @Pattern("^https?://.+$")
    @JsonPropertyDescription("Clear only this URL.")
    public @Nullable String url;

    @JsonPropertyDescription("With url: clear its subdirectories too.")
    public @Nullable Boolean subdirectories;
  }

  /** Push one environment onto another. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @ValidationRule(
      value = "self.target != 'live' || (has(self.confirm) && self.confirm == 'live')",
      message = "pushing to live needs confirm: live",
      fieldPath = ".confirm")
  public static class Push {
    @Required
    @JsonPropertyDescription(
        "The environment to overwrite: `live`, a staging name or an environment id.")
    public @Nullable String target;

    @JsonPropertyDescription("Push the database.")
    @Default("true")
    public Boolean database = true;

    @JsonPropertyDescription("Push the files.")
    @Default("true")
    public Boolean files = true;

    @JsonPropertyDescription(
        "Push only these paths (e.g. `wp-content/plugins`); all files when empty.")
    public @Nullable List<String> paths;

    @Default("true")
    @JsonPropertyDescription("Replace the source's domain with the target's in the database.")
    public Boolean searchAndReplace = true;

    @JsonPropertyDescription(
        "Must repeat the target when it is live, so a typo cannot overwrite a live site.")
    public @Nullable String confirm;
  }

  /** A manual backup. */
  public static class Backup {
    @Size(max = 50)
    @JsonPropertyDescription("A tag naming the backup.")
    public @Nullable String tag;
  }

  /** Delete one backup. */
  public static class DeleteBackup {
    @Required
    @Min(1)
    @JsonPropertyDescription(
        "The backup to delete (its id, as status.environments[].contents.backups of the KinstaSite"
            + " shows it).")
    public @Nullable Long backupId;
  }

  /** Reset a site. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class ResetSite {
    @Required
    @JsonPropertyDescription("The Secret key holding the new WordPress admin password.")
    public @Nullable SecretKeyReference adminPasswordSecretRef;

    @Required
    @JsonPropertyDescription(
        "Must repeat the site (site.name or site.id), so a typo in Git cannot wipe a site.")
    public @Nullable String confirm;
  }

  /** Fetch log lines. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class Logs {
    @Default("error")
    @Pattern("^(error|access|kinsta-cache-perf)$")
    @JsonPropertyDescription("Which log: `error` (default), `access` or `kinsta-cache-perf`.")
    public String file = "error";

    @Default("100")
    @Min(1)
    @Max(1000)
    @JsonPropertyDescription(
        "How many of the last lines to fetch (1 to 1000; the run keeps at most 16000 characters,"
            + " the newest).")
    public Integer lines = 100;
  }

  /** Restore a backup. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @ValidationRule(
      value = "has(self.backupId) != has(self.latestBefore)",
      message = "set exactly one of backupId or latestBefore")
  public static class Restore {
    @Min(1)
    @JsonPropertyDescription("The backup to restore.")
    public @Nullable Long backupId;

    @JsonPropertyDescription("Restore the newest backup taken before this time (RFC 3339).")
    public @Nullable String latestBefore;

    @JsonPropertyDescription(
        "The environment to restore onto; the action's environment when empty.")
    public @Nullable String targetEnvironment;

    @Required
    @JsonPropertyDescription(
        "Must repeat the target environment, so a typo in Git cannot overwrite it.")
    public @Nullable String confirm;
  }

  /** Plugin or theme updates. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @ValidationRule(
      value =
          "has(self.all) && self.all ? !has(self.items) : has(self.items) && size(self.items) > 0",
      message = "set all: true, or list the items")
  public static class ComponentUpdate {
    @JsonPropertyDescription("Update everything that has an update.")
    public @Nullable Boolean all;

    @JsonPropertyDescription("What to update, by name, optionally to a version.")
    public @Nullable List<ComponentVersion> items;
  }

  /** A plugin or theme, and optionally the version to update it to. */
  public static class ComponentVersion {
    @JsonPropertyDescription("The plugin or theme, by its WordPress slug.")
    @Required
    @Pattern("^[a-z0-9][-a-z0-9_.]*$")
    public @Nullable String name;

    @Pattern("^[0-9][0-9A-Za-z.+-]*$")
    @JsonPropertyDescription("The version; the latest when empty.")
    public @Nullable String version;
  }

  /** A WP-CLI command. */
  public static class WpCli {
    @Required
    @Size(max = 5000)
    @Pattern(WP_CLI_PATTERN)
    @JsonPropertyDescription(
        "The command, starting with `wp`; only letters, digits, spaces and _-./:=@' "
            + "(Kinsta's rule).")
    public @Nullable String command;
  }

  /** When to run, like a CronJob. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class Schedule {
    @Required
    @Pattern("^(@(yearly|annually|monthly|weekly|daily|midnight|hourly)|(\\S+\\s+){4}\\S+)$")
    @JsonPropertyDescription(
        "Five-field cron expression (minute hour day-of-month month day-of-week) or @daily etc.")
    public @Nullable String cron;

    @Default("UTC")
    @JsonPropertyDescription("Time zone of the schedule, e.g. `Europe/Berlin`.")
    public String timeZone = "UTC";

    @Default("Forbid")
    @JsonPropertyDescription(
        "When a slot comes while the last run is still going: Forbid skips it, Replace stops "
            + "following the old run and starts a new one, Allow queues it.")
    public ConcurrencyPolicy concurrencyPolicy = ConcurrencyPolicy.Forbid;

    @Min(1)
    @JsonPropertyDescription(
        "A slot not started within this many seconds (e.g. the operator was down) is recorded "
            + "as missed instead of run late.")
    public @Nullable Long startingDeadlineSeconds;

    @JsonPropertyDescription("Stop starting new runs; runs in flight are still followed.")
    public @Nullable Boolean suspend;

    @JsonPropertyDescription("How many succeeded runs status keeps.")
    @Default("3")
    @Min(0)
    @Max(100)
    public Integer successfulRunsHistoryLimit = 3;

    @JsonPropertyDescription("How many failed runs status keeps.")
    @Default("3")
    @Min(0)
    @Max(100)
    public Integer failedRunsHistoryLimit = 3;
  }

  /** What to do with a slot that comes while a run is going. */
  public enum ConcurrencyPolicy {
    Forbid,
    Replace,
    Allow
  }
}
