package dev.operators.kinsta.testing;

import dev.operators.kinsta.operator.ConsoleLogging;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The tests' logging, set before the first test: the operator's own loggers at DEBUG, so that
 * redaction is exercised on every line the tests produce.
 */
public final class TestLogging implements LauncherSessionListener {
  @Override
  public void launcherSessionOpened(LauncherSession session) {
    ConsoleLogging.install("DEBUG");
  }
}
