package dev.operators.kinsta.wordpress.siteaction;

import dev.operators.kinsta.api.v1alpha1.OperationType;
import dev.operators.kinsta.api.v1alpha1.TrackedOperation;
import java.util.Arrays;

/**
 * The Kinsta operation an action's run starts, one type per kind of action (so the in-flight and
 * duration metrics tell a push from a cache clear); what a run records when it ends is in {@link
 * Runs#follow()}.
 */
enum ActionOperation implements OperationType {
  CLEAR_CACHE,
  CLEAR_EDGE_CACHE,
  CLEAR_CDN_CACHE,
  RESTART_PHP,
  PUSH_ENVIRONMENT,
  CREATE_BACKUP,
  RESTORE_BACKUP,
  UPDATE_PLUGINS,
  UPDATE_THEMES,
  DELETE_BACKUP,
  RESET_SITE,
  RUN_WP_CLI,
  /** What every action's run was tracked as before the types above; still followed to its end. */
  RUN_ACTION;

  /** Whether the operation in flight is an action's run. */
  static boolean isRun(TrackedOperation operation) {
    return Arrays.stream(values()).anyMatch(operation::is);
  }
}
