package dev.indexlab.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;

/**
 * Losing the PostgreSQL server in the middle of a command: found within seconds (the embedded
 * postmaster's exit is watched; a user's server is checked after a failure) and reported as one
 * line, "the PostgreSQL server stopped: ...", instead of a failure per remaining route. The
 * command-line entry point installs what then happens ({@link #onLoss}): the same clean-up as on a
 * signal, then exit 1. Without it (tests driving the pipeline in-process), {@link #lost} only marks
 * the command as stopping.
 */
public final class ServerLoss {
  /** The first words of the line, and of the message of {@link #check}'s exception. */
  public static final String PREFIX = "the PostgreSQL server stopped: ";

  private static volatile Consumer<String> handler = why -> {};

  private ServerLoss() {}

  /** What to do when the server is lost; {@code why} is the line's end. */
  public static void onLoss(Consumer<String> action) {
    handler = action;
  }

  /** Reports the loss of the server, unless indexlab is stopping anyway. */
  public static void lost(String why) {
    if (ExitCleanup.stopping()) {
      return;
    }
    handler.accept(why);
  }

  /**
   * After a failure on {@code db}: when the server does not take a new connection (a connection
   * error, SQLSTATE class 08, or a shutdown, 57P), the server is gone; reports it and returns true.
   */
  public static boolean check(ConnectionSpec db) {
    try (Connection c = db.open()) {
      return false;
    } catch (SQLException e) {
      String state = e.getSQLState() == null ? "" : e.getSQLState();
      if (state.startsWith("08") || state.startsWith("57P")) {
        lost(db.maskedUrl() + " takes no connection (" + Secrets.maskAll(e.getMessage()) + ")");
        return true;
      }
      return false;
    }
  }
}
