package dev.operators.kinsta.local;

import dev.operators.kinsta.testing.cluster.TestClusterBinaries;
import java.nio.file.Path;
import java.util.List;

/**
 * Local mode on the real API server, with the kubectl built beside it: apply validates, as in any
 * cluster.
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
  String serverVersion() {
    return "v1.37.2";
  }

  @Override
  List<String> apply() {
    return List.of("apply");
  }
}
