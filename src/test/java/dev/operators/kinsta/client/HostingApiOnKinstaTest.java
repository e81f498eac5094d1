package dev.operators.kinsta.client;

import org.junit.jupiter.api.BeforeAll;

/** The hosting client against Kinsta's contract (the default hosting base URL). */
class HostingApiOnKinstaTest extends HostingApiTests {
  @BeforeAll
  static void startSimulator() {
    fixture = start(false);
  }
}
