package dev.operators.kinsta.wordpress.client;

import dev.operators.kinsta.transport.KinstaCredentials;
import dev.operators.kinsta.transport.KinstaRequest;
import dev.operators.kinsta.transport.KinstaTransport;
import dev.operators.kinsta.wordpress.client.dto.Backup;
import dev.operators.kinsta.wordpress.client.dto.DownloadableBackup;
import dev.operators.kinsta.wordpress.client.dto.OperationRef;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@link Backups} over the Vert.x transport. */
final class VertxBackups extends KinstaEndpoints implements Backups {
  VertxBackups(KinstaTransport transport, KinstaCredentials credentials, boolean reporting) {
    super(transport, credentials, reporting);
  }

  @Override
  public List<DownloadableBackup> downloadableBackups(String environmentId) {
    return readList(
        KinstaRequest.get("/sites/environments/{env_id}/downloadable-backups", environmentId),
        "/environment/downloadable_backups",
        DownloadableBackup.class);
  }

  @Override
  public List<Backup> listBackups(String environmentId) {
    return readList(
        KinstaRequest.get("/sites/environments/{env_id}/backups", environmentId),
        "/environment/backups",
        Backup.class);
  }

  @Override
  public OperationRef createManualBackup(String environmentId, @Nullable String tag) {
    return operation(
        KinstaRequest.post("/sites/environments/{env_id}/manual-backups", environmentId)
            .body(Map.of("tag", tag == null ? "" : tag)));
  }

  @Override
  public OperationRef restoreBackup(
      String targetEnvironmentId, long backupId, String notifiedUserId) {
    return operation(
        KinstaRequest.post(
                "/sites/environments/{target_env_id}/backups/restore", targetEnvironmentId)
            .body(Map.of("backup_id", backupId, "notified_user_id", notifiedUserId)));
  }

  @Override
  public OperationRef deleteBackup(long backupId) {
    return operation(KinstaRequest.delete("/sites/environments/backups/{backup_id}", backupId));
  }
}
