package dev.operators.kinsta.wordpress.client;

import dev.operators.kinsta.wordpress.client.dto.Backup;
import dev.operators.kinsta.wordpress.client.dto.DownloadableBackup;
import dev.operators.kinsta.wordpress.client.dto.OperationRef;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The Kinsta API's calls on an environment's backups: list, take, restore, delete. */
public interface Backups {
  /** {@code GET /sites/environments/{env_id}/downloadable-backups}, without their links. */
  List<DownloadableBackup> downloadableBackups(String environmentId);

  /** {@code GET /sites/environments/{env_id}/backups}. */
  List<Backup> listBackups(String environmentId);

  /** {@code POST /sites/environments/{env_id}/manual-backups}. */
  OperationRef createManualBackup(String environmentId, @Nullable String tag);

  /** {@code POST /sites/environments/{target_env_id}/backups/restore}. */
  OperationRef restoreBackup(String targetEnvironmentId, long backupId, String notifiedUserId);

  /** {@code DELETE /sites/environments/backups/{backup_id}}. */
  OperationRef deleteBackup(long backupId);
}
