package dev.operators.kinsta.operator;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The operator's log output: SLF4J over {@code java.util.logging} (slf4j-jdk14), one line per
 * record on standard output with the resource JOSDK puts in the MDC. The JDK's own logging is
 * already in every JVM, where a full logging framework would load several hundred classes more (see
 * docs/dependencies.md).
 */
public final class ConsoleLogging {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss,SSS").withZone(ZoneId.systemDefault());

  /** Held so that the levels set here stay: the JDK keeps loggers only weakly. */
  @SuppressWarnings("UnusedVariable")
  private static volatile List<Logger> configured = List.of();

  private ConsoleLogging() {}

  /**
   * Everything at WARN and above, JOSDK's lifecycle at INFO, and the operator's own loggers at
   * {@code operatorLevel} (an SLF4J level name: TRACE, DEBUG, INFO, WARN or ERROR; INFO when absent
   * or unknown).
   */
  public static void install(@Nullable String operatorLevel) {
    install(operatorLevel, Level.INFO);
  }

  /**
   * As {@link #install(String)}, with JOSDK's lifecycle at {@code frameworkLevel}: a quiet console
   * for a person who reads a table instead of the log.
   */
  public static void install(@Nullable String operatorLevel, Level frameworkLevel) {
    LogManager.getLogManager().reset();
    Logger root = Logger.getLogger("");
    root.setLevel(
        frameworkLevel.intValue() > Level.WARNING.intValue() ? frameworkLevel : Level.WARNING);
    root.addHandler(new LineHandler(System.out));
    configured =
        List.of(
            root,
            level("dev.operators.kinsta", julLevel(operatorLevel)),
            level("io.javaoperatorsdk", frameworkLevel),
            level("io.fabric8.kubernetes.client.informers", Level.WARNING),
            level("com.networknt", Level.SEVERE));
  }

  /** What {@link #install} reads from the environment. */
  public static void installFromEnvironment() {
    install(System.getenv("KINSTA_LOG_LEVEL"));
  }

  /** The line a record is written as, for handlers that keep the same format. */
  public static String format(LogRecord record) {
    StringBuilder line =
        new StringBuilder(160)
            .append(TIME.format(Instant.ofEpochMilli(record.getMillis())))
            .append(' ')
            .append(String.format(Locale.ROOT, "%-5s", slf4jName(record.getLevel())))
            .append(" [")
            .append(Thread.currentThread().getName())
            .append("] ")
            .append(simpleName(record.getLoggerName()))
            .append(' ')
            .append(orEmpty(MDC.get("resource.namespace")))
            .append('/')
            .append(orEmpty(MDC.get("resource.name")))
            .append(" - ")
            .append(record.getMessage());
    Throwable thrown = record.getThrown();
    if (thrown != null) {
      StringWriter trace = new StringWriter();
      thrown.printStackTrace(new PrintWriter(trace));
      line.append(System.lineSeparator()).append(trace.toString().stripTrailing());
    }
    return line.toString();
  }

  static Level julLevel(@Nullable String slf4jLevel) {
    if (slf4jLevel == null) {
      return Level.INFO;
    }
    return switch (slf4jLevel.strip().toUpperCase(Locale.ROOT)) {
      case "TRACE" -> Level.FINEST;
      case "DEBUG" -> Level.FINE;
      case "WARN" -> Level.WARNING;
      case "ERROR" -> Level.SEVERE;
      default -> Level.INFO;
    };
  }

  private static String slf4jName(Level level) {
    int value = level.intValue();
    if (value >= Level.SEVERE.intValue()) {
      return "ERROR";
    }
    if (value >= Level.WARNING.intValue()) {
      return "WARN";
    }
    if (value >= Level.INFO.intValue()) {
      return "INFO";
    }
    return value >= Level.FINE.intValue() ? "DEBUG" : "TRACE";
  }

  private static Logger level(String name, Level level) {
    Logger logger = Logger.getLogger(name);
    logger.setLevel(level);
    return logger;
  }

  private static String simpleName(@Nullable String loggerName) {
    if (loggerName == null) {
      return "";
    }
    return loggerName.substring(loggerName.lastIndexOf('.') + 1);
  }

  private static String orEmpty(@Nullable String value) {
    return value == null ? "" : value;
  }

  /**
   * Formats in the logging thread, so the thread name and the MDC are the caller's; one println per
   * record keeps lines whole when threads log at once.
   */
  private static final class LineHandler extends Handler {
    private final PrintStream out;

    LineHandler(PrintStream out) {
      this.out = out;
    }

    @Override
    public void publish(LogRecord record) {
      if (isLoggable(record)) {
        out.println(format(record));
      }
    }

    @Override
    public void flush() {
      out.flush();
    }

    @Override
    public void close() {
      flush();
    }
  }
}
