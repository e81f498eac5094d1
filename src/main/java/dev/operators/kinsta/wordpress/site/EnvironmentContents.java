package dev.operators.kinsta.wordpress.site;

import dev.operators.kinsta.api.v1alpha1.KinstaSiteStatus.BackupEntry;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteStatus.Component;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteStatus.Contents;
import dev.operators.kinsta.wordpress.client.dto.Backup;
import dev.operators.kinsta.wordpress.client.dto.WordPressComponent;
import dev.operators.kinsta.wordpress.inventory.EnvironmentReport;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** An environment's plugins, themes and backups, as the usage reports read them, for status. */
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
    contents.downloadableBackups = report.downloadableBackups();
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

  private static BackupEntry backup(Backup backup) {
    BackupEntry entry = new BackupEntry();
    entry.id = backup.id();
    entry.type = backup.type();
    entry.createdAt =
        backup.createdAt() == null ? null : Instant.ofEpochMilli(backup.createdAt()).toString();
    entry.tag = backup.note() == null || backup.note().isBlank() ? null : backup.note();
    return entry;
  }
}
