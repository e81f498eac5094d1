package dev.operators.kinsta.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Local mode on the embedded mock API server, with the machine's own kubectl if it has one: the
 * mock publishes no OpenAPI, so apply runs with {@code --validate=false}.
 */
class LocalModeOnEmbeddedApiServerTest extends LocalModeChecks {
  @Override
  String kubernetes() {
    return "embedded";
  }

  @Override
  Path kubectlBinary() {
    return List.of(Path.of("/usr/bin/kubectl"), Path.of("/usr/local/bin/kubectl")).stream()
        .filter(Files::isExecutable)
        .findFirst()
        .orElse(null);
  }

  @Override
  String simulator() {
    return "fast";
  }

  @Override
  Duration convergeWithin() {
    return Duration.ofMinutes(2);
  }

  @Override
  String serverVersion() {
    return "v" + KubeApiShim.KUBERNETES_VERSION;
  }

  @Override
  List<String> apply() {
    return List.of("apply", "--validate=false");
  }
}
