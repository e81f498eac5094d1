package dev.operators.kinsta.simulator;

import dev.operators.kinsta.operator.ConsoleLogging;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator on its own: {@code java -cp …
 * dev.operators.kinsta.simulator.KinstaSimulatorMain [port]}. Prints a ready-made company and API
 * key, so the operator or a script can be pointed at it at once.
 */
public final class KinstaSimulatorMain {
  private KinstaSimulatorMain() {}

  public static void main(String[] args) throws InterruptedException {
    ConsoleLogging.installFromEnvironment();
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8787;
    KinstaSimulator simulator =
        KinstaSimulator.start(SimulatorSettings.realistic(), "127.0.0.1", port);
    KinstaSimulator.SeededCompany company = simulator.addCompany("Example Agency");
    System.out.println(
        "Kinsta simulator on "
            + simulator.kinstaBaseUrl()
            + " (Sevalla v2 paths on "
            + simulator.sevallaBaseUrl()
            + ")");
    System.out.println("company id: " + company.companyId());
    System.out.println(
        "API key:    " + company.apiKey() + "   (a simulator key; it works nowhere else)");
    System.out.println(
        "control:    POST /_simulator/companies | /_simulator/complete | /_simulator/faults,"
            + " GET /_simulator/journal");
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  simulator.close();
                  stop.countDown();
                }));
    stop.await();
  }
}
