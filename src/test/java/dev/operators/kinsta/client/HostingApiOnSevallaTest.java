package dev.operators.kinsta.client;

import org.junit.jupiter.api.BeforeAll;

/**
 * The hosting client against Sevalla's v2 contract, the documented alternative hosting base URL.
 */
class HostingApiOnSevallaTest extends HostingApiTests {
  @BeforeAll
  static void startSimulator() {
    fixture = start(true);
  }
}
