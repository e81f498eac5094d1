package dev.operators.kinsta.config;

import java.util.List;

/** The operator's settings are wrong; the message lists every problem, one per line. */
public final class ConfigException extends RuntimeException {
  public ConfigException(List<String> problems) {
    super("invalid operator configuration:\n  - " + String.join("\n  - ", problems));
  }
}
