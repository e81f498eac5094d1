package dev.operators.kinsta.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * One operator, mock API server and simulator for a whole test class (each test takes a tenant of its own).
 * After each test the simulator's faults are cleared and its answers must have kept to Kinsta's contract.
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

  @AfterEach
  void contractKeptAndFaultsCleared() {
    harness.kinsta.simulator.clearFaults();
    assertEquals(List.of(), harness.kinsta.simulator.contractViolations());
  }
}
