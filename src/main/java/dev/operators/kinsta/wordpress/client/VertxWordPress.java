package dev.operators.kinsta.wordpress.client;

import dev.operators.kinsta.transport.KinstaCredentials;
import dev.operators.kinsta.transport.KinstaRequest;
import dev.operators.kinsta.transport.KinstaTransport;
import dev.operators.kinsta.transport.budget.Lane;
import dev.operators.kinsta.wordpress.client.dto.OperationRef;
import dev.operators.kinsta.wordpress.client.dto.WordPressComponent;
import java.util.List;
import java.util.Map;

/** {@link WordPress} over the Vert.x transport. */
final class VertxWordPress extends KinstaEndpoints implements WordPress {
  VertxWordPress(KinstaTransport transport, KinstaCredentials credentials, boolean reporting) {
    super(transport, credentials, reporting);
  }

  @Override
  public List<WordPressComponent> listPlugins(String environmentId) {
    return readList(
        KinstaRequest.get("/sites/environments/{env_id}/plugins", environmentId),
        "/environment/container_info/wp_plugins/data",
        WordPressComponent.class);
  }

  @Override
  public List<WordPressComponent> listThemes(String environmentId) {
    return readList(
        KinstaRequest.get("/sites/environments/{env_id}/themes", environmentId),
        "/environment/container_info/wp_themes/data",
        WordPressComponent.class);
  }

  @Override
  public OperationRef updatePlugin(String environmentId, String name, String version) {
    return operation(
        KinstaRequest.put("/sites/environments/{env_id}/plugins", environmentId)
            .body(Map.of("name", name, "update_version", version)));
  }

  @Override
  public OperationRef updateTheme(String environmentId, String name, String version) {
    return operation(
        KinstaRequest.put("/sites/environments/{env_id}/themes", environmentId)
            .body(Map.of("name", name, "update_version", version)));
  }

  @Override
  public OperationRef bulkUpdatePlugins(String environmentId, List<String> names) {
    return operation(
        KinstaRequest.put("/sites/environments/{env_id}/plugins/bulk-update", environmentId)
            .body(Map.of("plugins", names.stream().map(name -> Map.of("name", name)).toList())));
  }

  @Override
  public OperationRef bulkUpdateThemes(String environmentId, List<String> names) {
    return operation(
        KinstaRequest.put("/sites/environments/{env_id}/themes/bulk-update", environmentId)
            .body(Map.of("themes", names.stream().map(name -> Map.of("name", name)).toList())));
  }

  @Override
  public OperationRef runWpCliCommand(String environmentId, String command) {
    return operation(
        KinstaRequest.post("/sites/environments/{env_id}/run-wp-cli-command", environmentId)
            .body(Map.of("wp_command", command)));
  }

  @Override
  public String getLogs(String environmentId, String fileName, int lines) {
    KinstaRequest request =
        KinstaRequest.get("/sites/environments/{env_id}/logs", environmentId)
            .query("file_name", fileName)
            .query("lines", lines)
            .lane(Lane.LOGS);
    return call(request).at("/environment/container_info/logs").asText("");
  }
}
