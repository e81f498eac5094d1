package dev.operators.kinsta.wordpress.inventory;

import dev.operators.kinsta.wordpress.client.dto.Backup;
import dev.operators.kinsta.wordpress.client.dto.DownloadableBackup;
import dev.operators.kinsta.wordpress.client.dto.RedirectRule;
import dev.operators.kinsta.wordpress.client.dto.WordPressComponent;
import java.time.Instant;
import java.util.List;

/**
 * What an environment runs, as the usage reports last read it (not in the company's site list): its
 * plugins and themes with their updates, its backups and downloadable backups, and its denied IP
 * addresses and redirect rules, whether or not the spec manages them.
 */
public record EnvironmentReport(
    List<WordPressComponent> plugins,
    List<WordPressComponent> themes,
    List<Backup> backups,
    List<DownloadableBackup> downloadableBackups,
    List<String> deniedIps,
    List<RedirectRule> redirects,
    Instant readAt) {

  /** The same report, read at another time: equal reports say nothing changed. */
  public boolean sameAs(EnvironmentReport other) {
    return plugins.equals(other.plugins)
        && themes.equals(other.themes)
        && backups.equals(other.backups)
        && downloadableBackups.equals(other.downloadableBackups)
        && deniedIps.equals(other.deniedIps)
        && redirects.equals(other.redirects);
  }
}
