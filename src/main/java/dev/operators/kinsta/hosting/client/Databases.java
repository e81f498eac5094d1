package dev.operators.kinsta.hosting.client;

import dev.operators.kinsta.hosting.client.dto.CreateDatabaseRequest;
import dev.operators.kinsta.hosting.client.dto.Database;
import dev.operators.kinsta.hosting.client.dto.DatabaseSummary;
import dev.operators.kinsta.hosting.client.dto.InternalConnection;
import dev.operators.kinsta.hosting.client.dto.InternalConnectionTarget;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Sevalla's v3 calls on databases and their internal connections. */
public interface Databases {
  /** {@code GET /databases}, every page. */
  List<DatabaseSummary> listDatabases();

  /** {@code GET /databases/{id}}. */
  Database getDatabase(String databaseId);

  /** {@code POST /databases}: answers the new database, {@code creating} at first. */
  DatabaseSummary createDatabase(CreateDatabaseRequest request);

  /** {@code PATCH /databases/{id}}: size (by resource type id) and display name. */
  void updateDatabase(
      String databaseId, @Nullable String resourceTypeId, @Nullable String displayName);

  /** {@code POST /databases/{id}/reset-password}: the status goes through passwordChange. */
  void resetDatabasePassword(String databaseId, String newPassword);

  /** {@code DELETE /databases/{id}}; the database disappears (404) some time later. */
  void deleteDatabase(String databaseId);

  /** {@code GET /databases/{id}/internal-connections}: where it is the source or the target. */
  List<InternalConnection> listInternalConnections(String databaseId);

  /** {@code POST /databases/{id}/internal-connections}: answers the connection's id. */
  String createInternalConnection(
      String databaseId, InternalConnectionTarget targetType, String targetId);

  /** {@code DELETE /databases/{id}/internal-connections/{connection_id}}. */
  void deleteInternalConnection(String databaseId, String connectionId);

  /** {@code POST /databases/{id}/external-connection/toggle}: flips it, some time later. */
  void toggleExternalConnection(String databaseId);
}
