package dev.operators.kinsta.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * One operator, on the test run's real API server, and one simulator for a whole test class (each
 * test takes a tenant of its own). After each test the simulator's faults are cleared and its
 * answers must have kept to Kinsta's contract.
 */
public abstract class SharedHarnessTest {
  protected static OperatorHarness harness;

  @BeforeAll
  static void startHarness() {
    harness = OperatorHarness.start();
  }

  @AfterAll
  static void stopHarness() {
    harness.close();
  }

  /**
   * The operator on the Fabric8 mock API server, which enforces no CRD schema. The real API server
   * rejects a spec that breaks the schema before the operator sees it ({@code CrdAdmissionTest}); a
   * cluster whose CRDs are older than the operator would not, and only here can a test show the
   * operator's own check of such a spec.
   */
  protected static OperatorHarness withoutSchemaEnforcement() {
    return OperatorHarness.onMockServer();
  }

  @AfterEach
  void contractKeptAndFaultsCleared() {
    harness.kinsta.simulator.clearFaults();
    assertEquals(List.of(), harness.kinsta.simulator.contractViolations());
  }
}
