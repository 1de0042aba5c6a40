package dev.indexlab.schema;

import dev.indexlab.workload.SqlScanner;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Runs a plain SQL file as psql would, such as {@code pg_dump --format=plain} output: statements
 * end at top-level semicolons (quotes, dollar quotes and comments respected), each {@code COPY ...
 * FROM stdin;} streams the lines after it up to {@code \.} through pgjdbc's CopyManager without
 * holding the table in memory, and psql meta-commands ({@code \connect}, {@code \restrict}, ...)
 * are skipped with a note.
 *
 * <p>The script runs inside the caller's transaction (auto-commit must be off) and the caller
 * commits. Statements that cannot run in a transaction block ({@code VACUUM}, {@code CREATE INDEX
 * CONCURRENTLY}, ...) commit what came before and run on their own. {@code SET client_encoding} and
 * {@code CREATE/ALTER/DROP DATABASE} are skipped (the file is read as UTF-8, the workload is loaded
 * into indexlab's database); ownership and privilege statements that name a role this server lacks,
 * and {@code SET}s of parameters this server does not know (a dump from another version), are
 * skipped with a note. A failing statement is reported as {@code file:line: message}, the line
 * being where the server placed the error.
 */
public final class SqlScript {
  private static final Pattern COPY_FROM_STDIN =
      Pattern.compile("(?is)copy\\s.+?\\sfrom\\s+stdin\\b.*");
  private static final Pattern CLIENT_ENCODING =
      Pattern.compile("(?is)set\\s+(?:session\\s+)?client_encoding\\s*(?:=|to)\\s*'?([^';\\s]*).*");
  private static final Pattern DATABASE =
      Pattern.compile("(?is)(?:create|alter|drop)\\s+database\\b");
  private static final Pattern NO_TRANSACTION =
      Pattern.compile(
          "(?is)(?:vacuum\\b|alter\\s+system\\b|(?:create|drop)\\s+(?:unique\\s+)?index\\s+"
              + "concurrently\\b|reindex\\b[^;]*\\bconcurrently\\b|alter\\s+type\\b[^;]*\\badd\\s+value\\b)");
  private static final Pattern OWNERSHIP =
      Pattern.compile(
          "(?is)(?:alter\\s[^;]*\\sowner\\s+to\\s|grant\\s|revoke\\s|alter\\s+default\\s+privileges\\s"
              + "|comment\\s+on\\s+extension\\s|security\\s+label\\s)");
  private static final Set<String> UNSUPPORTED_META =
      Set.of("\\copy", "\\i", "\\ir", "\\include", "\\include_relative");
  private static final Pattern SETTING = Pattern.compile("(?is)set\\s");
  private static final Set<String> MISSING_ROLE_STATES = Set.of("42704", "42501");
  private static final String UNDEFINED_OBJECT = "42704";
  private static final int COPY_CHUNK = 64 * 1024;

  /** What a script did: statements run (COPY included) and rows copied. */
  public record Result(int statements, long copiedRows) {
    /** The sum of two results. */
    public Result plus(Result other) {
      return new Result(statements + other.statements, copiedRows + other.copiedRows);
    }
  }

  private final Connection connection;
  private final Path file;
  private final LoadProblems problems;
  private final BufferedReader in;
  private int lineNo;
  private int statements;
  private long rows;

  private SqlScript(Connection connection, Path file, LoadProblems problems, BufferedReader in) {
    this.connection = connection;
    this.file = file;
    this.problems = problems;
    this.in = in;
  }

  /** Runs {@code file} on {@code c} (auto-commit off); see the class comment. */
  public static Result run(Connection c, Path file, LoadProblems problems) throws SQLException {
    if (c.getAutoCommit()) {
      throw new IllegalStateException("SqlScript runs in the caller's transaction: autocommit on");
    }
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      SqlScript script = new SqlScript(c, file, problems, r);
      try {
        script.read();
      } catch (CharacterCodingException e) {
        problems.problem(file, script.lineNo + 1, "not UTF-8 text");
      }
      return new Result(script.statements, script.rows);
    } catch (IOException e) {
      problems.problem(LoadProblems.shown(file) + ": cannot read: " + e.getMessage());
      return new Result(0, 0);
    }
  }

  private void read() throws IOException, SQLException {
    StringBuilder buffer = new StringBuilder();
    int bufferLine = 0;
    String line;
    while ((line = in.readLine()) != null) {
      lineNo++;
      if (line.stripLeading().startsWith("\\") && isBlank(buffer)) {
        metaCommand(line.strip());
        buffer.setLength(0);
        continue;
      }
      if (buffer.length() == 0) {
        bufferLine = lineNo;
      }
      buffer.append(line).append('\n');
      if (line.indexOf(';') < 0) {
        continue;
      }
      int end;
      while ((end = SqlScanner.statementEnd(buffer.toString(), 0)) >= 0) {
        String text = buffer.substring(0, end);
        String rest = buffer.substring(end + 1);
        int restLine = ServerErrors.lineAt(text, text.length() + 1, bufferLine);
        buffer.setLength(0);
        if (execute(text, bufferLine)) {
          if (!rest.isBlank()) {
            problems.note(where(restLine) + "ignored text after COPY ... FROM stdin;");
          }
          break;
        }
        if (!rest.isBlank()) {
          buffer.append(rest);
          bufferLine = restLine;
        }
      }
    }
    if (!isBlank(buffer)) {
      execute(buffer.toString(), bufferLine);
    }
  }

  private static boolean isBlank(CharSequence buffer) {
    String s = buffer.toString();
    return SqlScanner.codeStart(s) == s.length();
  }

  private String where(long line) {
    return LoadProblems.shown(file) + ":" + line + ": ";
  }

  private void metaCommand(String line) {
    String command = line.split("\\s+", 2)[0];
    if (UNSUPPORTED_META.contains(command.toLowerCase(Locale.ROOT))) {
      problems.problem(
          file,
          lineNo,
          "psql "
              + command
              + " is not supported; put the statements in schema.sql or the rows in"
              + " data/TABLE.csv");
    } else {
      problems.note(where(lineNo) + "skipped psql meta-command " + command);
    }
  }

  /** Runs one statement that starts at {@code firstLine}; true when it was a COPY FROM stdin. */
  private boolean execute(String text, int firstLine) throws IOException, SQLException {
    int start = SqlScanner.codeStart(text);
    if (start == text.length()) {
      return false;
    }
    String code = text.substring(start).strip();
    int codeLine = ServerErrors.lineAt(text, start + 1, firstLine);
    if (COPY_FROM_STDIN.matcher(code).matches()) {
      copy(text, firstLine);
      return true;
    }
    Matcher encoding = CLIENT_ENCODING.matcher(code);
    if (encoding.matches()) {
      String value = encoding.group(1).replace("-", "").toUpperCase(Locale.ROOT);
      if (!value.equals("UTF8")) {
        problems.note(where(codeLine) + "file read as UTF-8; SET client_encoding skipped");
      }
      return false;
    }
    if (DATABASE.matcher(code).lookingAt()) {
      problems.note(where(codeLine) + "skipped (the workload loads into indexlab's database)");
      return false;
    }
    statements++;
    if (NO_TRANSACTION.matcher(code).lookingAt()) {
      connection.commit();
      connection.setAutoCommit(true);
      try {
        send(text);
      } catch (SQLException e) {
        report(e, text, firstLine);
      } finally {
        connection.setAutoCommit(false);
      }
      return false;
    }
    boolean ownership = OWNERSHIP.matcher(code).lookingAt();
    boolean setting = SETTING.matcher(code).lookingAt();
    Savepoint savepoint =
        ownership || setting || !problems.failsFast() ? connection.setSavepoint() : null;
    try {
      send(text);
      if (savepoint != null) {
        connection.releaseSavepoint(savepoint);
      }
    } catch (SQLException e) {
      if (savepoint != null) {
        connection.rollback(savepoint);
      }
      String state = ServerErrors.state(e);
      if ((ownership && MISSING_ROLE_STATES.contains(state))
          || (setting && state.equals(UNDEFINED_OBJECT))) {
        problems.note(where(codeLine) + "skipped: " + ServerErrors.describe(e));
      } else {
        report(e, text, firstLine);
      }
    }
    return false;
  }

  private void send(String sql) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.setEscapeProcessing(false);
      st.execute(sql);
    }
  }

  private void report(SQLException e, String text, int firstLine) {
    int position = ServerErrors.position(e);
    int at = position > 0 ? position : SqlScanner.codeStart(text) + 1;
    String message = ServerErrors.describe(e);
    try {
      int major = connection.getMetaData().getDatabaseMajorVersion();
      message += MissingFunctionHint.of(e, major).map(h -> "; " + h).orElse("");
    } catch (SQLException versionUnknown) {
      // the failure itself is what matters; the hint is a courtesy
    }
    problems.problem(file, ServerErrors.lineAt(text, at, firstLine), message);
  }

  /** Streams the lines after a COPY ... FROM stdin statement, up to {@code \.}, to the server. */
  private void copy(String text, int firstLine) throws IOException, SQLException {
    statements++;
    int statementEndLine = lineNo;
    Savepoint savepoint = problems.failsFast() ? null : connection.setSavepoint();
    SQLException failure = null;
    CopyIn copyIn = null;
    try {
      copyIn = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(text);
    } catch (SQLException e) {
      failure = e;
    }
    byte[] chunk = new byte[COPY_CHUNK];
    int used = 0;
    String line;
    while ((line = in.readLine()) != null) {
      lineNo++;
      if (line.equals("\\.")) {
        break;
      }
      if (failure != null) {
        continue;
      }
      byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
      try {
        if (used + bytes.length > chunk.length) {
          copyIn.writeToCopy(chunk, 0, used);
          used = 0;
        }
        if (bytes.length > chunk.length) {
          copyIn.writeToCopy(bytes, 0, bytes.length);
        } else {
          System.arraycopy(bytes, 0, chunk, used, bytes.length);
          used += bytes.length;
        }
      } catch (SQLException e) {
        failure = e;
      }
    }
    if (failure == null) {
      try {
        if (used > 0) {
          copyIn.writeToCopy(chunk, 0, used);
        }
        rows += copyIn.endCopy();
      } catch (SQLException e) {
        failure = e;
      }
    }
    if (failure == null) {
      if (savepoint != null) {
        connection.releaseSavepoint(savepoint);
      }
      return;
    }
    if (copyIn != null && copyIn.isActive()) {
      try {
        copyIn.cancelCopy();
      } catch (SQLException ignored) {
        // the server has already ended the COPY with the error reported below
      }
    }
    if (savepoint != null) {
      connection.rollback(savepoint);
    }
    long dataLine = ServerErrors.copyLine(failure);
    if (dataLine > 0) {
      problems.problem(file, statementEndLine + dataLine, ServerErrors.describe(failure));
    } else {
      report(failure, text, firstLine);
    }
  }
}
