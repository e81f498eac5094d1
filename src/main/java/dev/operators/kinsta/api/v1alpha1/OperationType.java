package dev.operators.kinsta.api.v1alpha1;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a tracked operation does. Each kind lists its operation types as an enum in its own package,
 * next to what a finished operation of that type changes in its status.
 */
public interface OperationType {
  /** The enum constant's name, e.g. {@code CREATE_SITE}. */
  String name();

  /**
   * The name written to {@code status.operation.type}, shown in messages and used as a metric
   * label: the constant's name in Pascal case, e.g. {@code CreateSite}.
   */
  default String wireName() {
    return Arrays.stream(name().split("_"))
        .map(word -> word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT))
        .collect(Collectors.joining());
  }
}
