package dev.indexlab.cli;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Decides, before any library logs, whether the libraries' own log lines reach the console: Flyway,
 * Testcontainers, HikariCP and zonky log through SLF4J's simple logger, pgjdbc through {@code
 * java.util.logging}. Without {@code --verbose} both are off, so indexlab's one-line messages are
 * all a user sees; with it, warnings and errors show.
 */
final class ThirdPartyLogging {
  private static final String SLF4J_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

  // java.util.logging keeps loggers weakly: hold the configured one, or its level is lost
  private static final Logger PGJDBC = Logger.getLogger("org.postgresql");

  private ThirdPartyLogging() {}

  /** Sets the levels; takes effect for every logger the libraries create afterwards. */
  static void configure(boolean verbose) {
    if (verbose && System.getProperty(SLF4J_LEVEL) == null) {
      System.setProperty(SLF4J_LEVEL, "warn");
    }
    PGJDBC.setLevel(verbose ? Level.WARNING : Level.OFF);
  }
}
