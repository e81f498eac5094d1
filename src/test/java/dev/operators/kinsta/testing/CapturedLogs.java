package dev.operators.kinsta.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Everything the operator's own loggers write while it is attached, as formatted text with any
 * stack trace.
 */
public final class CapturedLogs extends Handler implements AutoCloseable {
  /** Held while attached: the JDK keeps loggers only weakly. */
  private final Logger operator = Logger.getLogger("dev.operators.kinsta");

  private final List<String> lines = new CopyOnWriteArrayList<>();

  private CapturedLogs() {}

  public static CapturedLogs attach() {
    CapturedLogs handler = new CapturedLogs();
    handler.operator.addHandler(handler);
    return handler;
  }

  @Override
  public void publish(LogRecord record) {
    if (!operator.isLoggable(record.getLevel())) {
      return;
    }
    StringBuilder line = new StringBuilder(String.valueOf(record.getMessage()));
    for (Throwable thrown = record.getThrown(); thrown != null; thrown = thrown.getCause()) {
      line.append(" | ").append(thrown);
    }
    lines.add(line.toString());
  }

  public List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    operator.removeHandler(this);
  }
}
