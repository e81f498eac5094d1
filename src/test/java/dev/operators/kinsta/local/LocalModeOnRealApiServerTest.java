package dev.operators.kinsta.local;

import dev.operators.kinsta.testing.cluster.TestClusterBinaries;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Local mode on the real API server, with the kubectl built beside it: apply validates, as in any
 * cluster. This is the README's first command as a person runs it, with the simulator's realistic
 * timings and Kinsta's limits: every example must be Ready within four minutes.
 */
class LocalModeOnRealApiServerTest extends LocalModeChecks {
  @Override
  String kubernetes() {
    return "real";
  }

  @Override
  Path kubectlBinary() {
    return TestClusterBinaries.locate().resolve("kubectl");
  }

  @Override
  String simulator() {
    return "realistic";
  }

  @Override
  Duration convergeWithin() {
    return Duration.ofMinutes(4);
  }

  @Override
  String serverVersion() {
    return "v1.37.2";
  }

  @Override
  List<String> apply() {
    return List.of("apply");
  }
}
