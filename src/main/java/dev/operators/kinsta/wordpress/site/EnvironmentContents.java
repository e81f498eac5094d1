package dev.operators.kinsta.wordpress.site;

import dev.operators.kinsta.api.v1alpha1.KinstaSiteStatus.BackupEntry;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteStatus.Component;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteStatus.Contents;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteStatus.DownloadableEntry;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteStatus.RedirectEntry;
import dev.operators.kinsta.wordpress.client.dto.Backup;
import dev.operators.kinsta.wordpress.client.dto.DownloadableBackup;
import dev.operators.kinsta.wordpress.client.dto.RedirectRule;
import dev.operators.kinsta.wordpress.client.dto.WordPressComponent;
import dev.operators.kinsta.wordpress.inventory.EnvironmentReport;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An environment's plugins, themes, backups, denied addresses and redirect rules, as the usage
 * reports read them, for status.
 */
final class EnvironmentContents {
  private EnvironmentContents() {}

  static Contents of(EnvironmentReport report) {
    Contents contents = new Contents();
    contents.plugins = components(report.plugins(), Contents.MAX_PLUGINS);
    contents.themes = components(report.themes(), Contents.MAX_PLUGINS / 2);
    contents.updatesAvailable =
        (int)
            (report.plugins().stream().filter(EnvironmentContents::hasUpdate).count()
                + report.themes().stream().filter(EnvironmentContents::hasUpdate).count());
    contents.backups =
        report.backups().stream()
            .sorted(
                Comparator.comparing(
                        (Backup b) -> b.createdAt() == null ? Long.MIN_VALUE : b.createdAt())
                    .reversed())
            .limit(Contents.MAX_BACKUPS)
            .map(EnvironmentContents::backup)
            .toList();
    contents.downloadableBackups = report.downloadableBackups().size();
    contents.downloadable =
        report.downloadableBackups().stream()
            .sorted(
                Comparator.comparing(
                        (DownloadableBackup b) ->
                            b.createdAt() == null ? Long.MIN_VALUE : b.createdAt())
                    .reversed())
            .limit(Contents.MAX_BACKUPS)
            .map(EnvironmentContents::downloadable)
            .toList();
    contents.deniedIps = report.deniedIps().stream().limit(Contents.MAX_RULES).toList();
    contents.redirects =
        report.redirects().stream()
            .limit(Contents.MAX_RULES)
            .map(EnvironmentContents::redirect)
            .toList();
    contents.readAt = report.readAt().toString();
    return contents;
  }

  private static List<Component> components(List<WordPressComponent> listed, int most) {
    return listed.stream()
        .sorted(Comparator.comparing(c -> String.valueOf(c.name())))
        .limit(most)
        .map(
            listedOne -> {
              Component component = new Component();
              component.name = listedOne.name();
              component.version = listedOne.version();
              component.status = listedOne.status();
              component.updateVersion = hasUpdate(listedOne) ? listedOne.updateVersion() : null;
              return component;
            })
        .toList();
  }

  private static boolean hasUpdate(WordPressComponent component) {
    return component.updateVersion() != null
        && !component.updateVersion().isBlank()
        && !component.updateVersion().equals(component.version());
  }

  private static DownloadableEntry downloadable(DownloadableBackup backup) {
    DownloadableEntry entry = new DownloadableEntry();
    entry.id = backup.id();
    entry.createdAt = timestamp(backup.createdAt());
    entry.expiresAt = timestamp(backup.expiresAt());
    entry.generating = backup.isGenerationInProgress();
    return entry;
  }

  private static RedirectEntry redirect(RedirectRule rule) {
    RedirectEntry entry = new RedirectEntry();
    entry.domain = rule.domain();
    entry.from = rule.from();
    entry.to = rule.to();
    entry.type = rule.type();
    return entry;
  }

  private static BackupEntry backup(Backup backup) {
    BackupEntry entry = new BackupEntry();
    entry.id = backup.id();
    entry.type = backup.type();
    entry.createdAt = timestamp(backup.createdAt());
    entry.tag = backup.note() == null || backup.note().isBlank() ? null : backup.note();
    return entry;
  }

  /** Kinsta's milliseconds since the epoch as an RFC 3339 time, or null when absent. */
  private static @Nullable String timestamp(@Nullable Long millis) {
    return millis == null ? null : Instant.ofEpochMilli(millis).toString();
  }
}
