package dev.operators.kinsta.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Everything the operator's own loggers write while it is attached, as formatted text with any
 * stack trace.
 */
public final class CapturedLogs extends AbstractAppender implements AutoCloseable {
  private final List<String> lines = new CopyOnWriteArrayList<>();

  private CapturedLogs() {
    super("captured-" + System.nanoTime(), null, null, true, Property.EMPTY_ARRAY);
  }

  public static CapturedLogs attach() {
    CapturedLogs appender = new CapturedLogs();
    appender.start();
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    Configuration configuration = context.getConfiguration();
    LoggerConfig logger = configuration.getLoggerConfig("dev.operators.kinsta");
    logger.addAppender(appender, null, null);
    context.updateLoggers();
    return appender;
  }

  @Override
  public void append(LogEvent event) {
    StringBuilder line = new StringBuilder(event.getMessage().getFormattedMessage());
    for (Throwable thrown = event.getThrown(); thrown != null; thrown = thrown.getCause()) {
      line.append(" | ").append(thrown);
    }
    lines.add(line.toString());
  }

  public List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public void close() {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    context.getConfiguration().getLoggerConfig("dev.operators.kinsta").removeAppender(getName());
    context.updateLoggers();
    stop();
  }
}
