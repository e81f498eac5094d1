package dev.operators.kinsta.hosting.client;

import dev.operators.kinsta.hosting.client.dto.CreateDatabaseRequest;
import dev.operators.kinsta.hosting.client.dto.Database;
import dev.operators.kinsta.hosting.client.dto.DatabaseSummary;
import dev.operators.kinsta.hosting.client.dto.InternalConnection;
import dev.operators.kinsta.hosting.client.dto.InternalConnectionTarget;
import dev.operators.kinsta.transport.KinstaCredentials;
import dev.operators.kinsta.transport.KinstaRequest;
import dev.operators.kinsta.transport.KinstaTransport;
import dev.operators.kinsta.transport.budget.Lane;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@link Databases} over the Vert.x transport. */
final class VertxDatabases extends HostingEndpoints implements Databases {
  VertxDatabases(KinstaTransport transport, KinstaCredentials credentials) {
    super(transport, credentials);
  }

  @Override
  public List<DatabaseSummary> listDatabases() {
    return pages("/databases", DatabaseSummary.class);
  }

  @Override
  public Database getDatabase(String databaseId) {
    return read(KinstaRequest.get("/databases/{id}", databaseId), "", Database.class);
  }

  @Override
  public DatabaseSummary createDatabase(CreateDatabaseRequest body) {
    return read(
        KinstaRequest.post("/databases").body(body).lane(Lane.CREATION), "", DatabaseSummary.class);
  }

  @Override
  public void updateDatabase(
      String databaseId, @Nullable String resourceTypeId, @Nullable String displayName) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (resourceTypeId != null) {
      body.put("resource_type_id", resourceTypeId);
    }
    if (displayName != null) {
      body.put("display_name", displayName);
    }
    call(KinstaRequest.patch("/databases/{id}", databaseId).body(body).onService(databaseId));
  }

  @Override
  public void resetDatabasePassword(String databaseId, String newPassword) {
    call(
        KinstaRequest.post("/databases/{id}/reset-password", databaseId)
            .body(Map.of("new_password", newPassword))
            .onService(databaseId));
  }

  @Override
  public void deleteDatabase(String databaseId) {
    call(KinstaRequest.delete("/databases/{id}", databaseId).onService(databaseId));
  }

  @Override
  public List<InternalConnection> listInternalConnections(String databaseId) {
    return readList(
        KinstaRequest.get("/databases/{id}/internal-connections", databaseId),
        "",
        InternalConnection.class);
  }

  @Override
  public String createInternalConnection(
      String databaseId, InternalConnectionTarget targetType, String targetId) {
    return required(
            KinstaRequest.post("/databases/{id}/internal-connections", databaseId)
                .body(Map.of("target_type", targetType.wireName(), "target_id", targetId))
                .lane(Lane.WRITE),
            "/id")
        .asText();
  }

  @Override
  public void deleteInternalConnection(String databaseId, String connectionId) {
    call(
        KinstaRequest.delete(
                "/databases/{id}/internal-connections/{connection_id}", databaseId, connectionId)
            .lane(Lane.WRITE));
  }

  @Override
  public void toggleExternalConnection(String databaseId) {
    call(
        KinstaRequest.post("/databases/{id}/external-connection/toggle", databaseId)
            .onService(databaseId));
  }
}
