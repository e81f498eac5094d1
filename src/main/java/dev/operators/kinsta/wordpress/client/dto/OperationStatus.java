package dev.operators.kinsta.wordpress.client.dto;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where an asynchronous operation stands. {@link State#NOT_FOUND} is normal for a while right after
 * a site is created; the caller decides how long to count it as running.
 */
public record OperationStatus(State state, @Nullable String message, @Nullable JsonNode data) {
  public enum State {
    IN_PROGRESS,
    SUCCEEDED,
    FAILED,
    NOT_FOUND
  }

  /**
   * A text field of the operation's {@code data}, e.g. {@code idSite} or a WP-CLI {@code result}.
   */
  public Optional<String> dataText(String field) {
    if (data == null || !data.isObject()) {
      return Optional.empty();
    }
    JsonNode value = data.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }
}
