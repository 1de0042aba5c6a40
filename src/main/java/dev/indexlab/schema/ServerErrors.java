package dev.indexlab.schema;

import dev.indexlab.text.OneLine;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Reads what the server said about a failed statement: its message (with the detail line, which
 * names the offending key), the 1-based character position of the error in the statement, and, for
 * COPY, the line of the data that was rejected.
 */
public final class ServerErrors {
  private static final Pattern COPY_LINE = Pattern.compile("COPY [^,]+, line (\\d+)");

  private ServerErrors() {}

  /** The server's message and detail on one line; the driver's message when there is none. */
  public static String describe(SQLException e) {
    ServerErrorMessage m = serverMessage(e);
    if (m == null || m.getMessage() == null) {
      return OneLine.joined(e.getMessage() == null ? "(no message)" : e.getMessage());
    }
    String detail = m.getDetail() == null ? "" : "; " + OneLine.joined(m.getDetail());
    return OneLine.joined(m.getMessage()) + detail;
  }

  /** The server's detail line, or null. */
  public static String detail(SQLException e) {
    ServerErrorMessage m = serverMessage(e);
    return m == null ? null : m.getDetail();
  }

  /** The 1-based position of the error in the statement text, or 0 when the server gave none. */
  public static int position(SQLException e) {
    ServerErrorMessage m = serverMessage(e);
    return m == null ? 0 : m.getPosition();
  }

  /** The data line (1-based, as COPY counts, header included) COPY rejected, or 0. */
  public static long copyLine(SQLException e) {
    ServerErrorMessage m = serverMessage(e);
    if (m == null || m.getWhere() == null) {
      return 0;
    }
    Matcher matcher = COPY_LINE.matcher(m.getWhere());
    return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
  }

  /** The SQLSTATE, or an empty string. */
  public static String state(SQLException e) {
    return e.getSQLState() == null ? "" : e.getSQLState();
  }

  /**
   * The 1-based line of {@code sql} that holds character {@code position} (1-based), counting from
   * {@code firstLine}; the line of the first character when {@code position} is 0.
   */
  public static int lineAt(String sql, int position, int firstLine) {
    int end = Math.min(Math.max(position - 1, 0), sql.length());
    int line = firstLine;
    for (int i = 0; i < end; i++) {
      if (sql.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static ServerErrorMessage serverMessage(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof PSQLException p && p.getServerErrorMessage() != null) {
        return p.getServerErrorMessage();
      }
    }
    return null;
  }
}
