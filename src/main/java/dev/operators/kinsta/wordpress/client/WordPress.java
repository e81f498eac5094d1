package dev.operators.kinsta.wordpress.client;

import dev.operators.kinsta.wordpress.client.dto.OperationRef;
import dev.operators.kinsta.wordpress.client.dto.WordPressComponent;
import java.util.List;

/** The Kinsta API's calls on what runs inside an environment: plugins, themes, WP-CLI, logs. */
public interface WordPress {
  /** {@code GET /sites/environments/{env_id}/plugins}. */
  List<WordPressComponent> listPlugins(String environmentId);

  /** {@code GET /sites/environments/{env_id}/themes}. */
  List<WordPressComponent> listThemes(String environmentId);

  /** {@code PUT /sites/environments/{env_id}/plugins}: update one plugin to a version. */
  OperationRef updatePlugin(String environmentId, String name, String version);

  /** {@code PUT /sites/environments/{env_id}/themes}: update one theme to a version. */
  OperationRef updateTheme(String environmentId, String name, String version);

  /** {@code PUT /sites/environments/{env_id}/plugins/bulk-update}. */
  OperationRef bulkUpdatePlugins(String environmentId, List<String> names);

  /** {@code PUT /sites/environments/{env_id}/themes/bulk-update}. */
  OperationRef bulkUpdateThemes(String environmentId, List<String> names);

  /**
   * {@code POST /sites/environments/{env_id}/run-wp-cli-command}; the output arrives in the
   * operation's data.
   */
  OperationRef runWpCliCommand(String environmentId, String command);

  /**
   * {@code GET /sites/environments/{env_id}/logs}: {@code error}, {@code access} or {@code
   * kinsta-cache-perf}.
   */
  String getLogs(String environmentId, String fileName, int lines);
}
