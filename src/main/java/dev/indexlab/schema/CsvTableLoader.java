package dev.indexlab.schema;

import dev.indexlab.db.Identifiers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;

/**
 * Loads one {@code data/TABLE.csv} file into its table: the header row names the columns (in any
 * order, a subset is fine: the others take their defaults), and the file is streamed to {@code COPY
 * table (columns) FROM STDIN WITH (FORMAT csv, HEADER true)}. A bad header is reported at line 1
 * with the table's columns; a row the server rejects at the line COPY names.
 */
final class CsvTableLoader {
  private static final int BUFFER = 64 * 1024;
  private static final Pattern KEY_DETAIL =
      Pattern.compile("^Key \\((.+?)\\)=\\((.*)\\) is not present");

  private CsvTableLoader() {}

  /**
   * Copies {@code file} into {@code table}; returns the rows copied, or -1 when a problem was
   * reported (in the caller's transaction, which a failed COPY aborts: use a savepoint).
   */
  public static long load(
      Connection c, Path file, TableName table, UserTables tables, LoadProblems problems)
      throws SQLException {
    List<String> header;
    try {
      header = header(file);
    } catch (IOException e) {
      problems.problem(LoadProblems.shown(file) + ": cannot read: " + e.getMessage());
      return -1;
    }
    if (header == null) {
      problems.problem(file, 1, "empty file; the first line must name the columns");
      return -1;
    }
    List<String> columns = columns(file, table, header, tables, problems);
    if (columns == null) {
      return -1;
    }
    String sql =
        "COPY "
            + table.quoted()
            + " ("
            + columns.stream().map(Identifiers::quote).collect(Collectors.joining(", "))
            + ") FROM STDIN WITH (FORMAT csv, HEADER true)";
    try (InputStream in = Files.newInputStream(file)) {
      return c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, in, BUFFER);
    } catch (IOException e) {
      problems.problem(LoadProblems.shown(file) + ": cannot read: " + e.getMessage());
      return -1;
    } catch (SQLException e) {
      if (ServerErrors.state(e).startsWith("08")) {
        throw e;
      }
      long line = ServerErrors.copyLine(e);
      if (line == 0) {
        line = lineOfKey(file, header, ServerErrors.detail(e));
      }
      if (line > 0) {
        problems.problem(file, line, ServerErrors.describe(e));
      } else {
        problems.problem(LoadProblems.shown(file) + ": " + ServerErrors.describe(e));
      }
      return -1;
    }
  }

  private static List<String> columns(
      Path file, TableName table, List<String> header, UserTables tables, LoadProblems problems) {
    List<String> columns = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String field : header) {
      String column = tables.column(table, field);
      if (column == null) {
        wrong.add("no column \"" + field + "\"");
      } else if (tables.isGenerated(table, column)) {
        wrong.add("column \"" + column + "\" is generated");
      } else if (!seen.add(column)) {
        wrong.add("column \"" + column + "\" named twice");
      } else {
        columns.add(column);
      }
    }
    if (!wrong.isEmpty()) {
      problems.problem(
          file,
          1,
          "header does not match table "
              + table
              + ": "
              + String.join(", ", wrong)
              + " (columns: "
              + String.join(", ", tables.columns(table))
              + ")");
      return null;
    }
    return columns;
  }

  /**
   * The line of the first row holding the key a foreign key violation names ({@code Key (a, b)=(1,
   * 2) is not present ...}): such violations are found after the last row, so the server's context
   * names no line. 0 when the detail cannot be matched to one line.
   */
  static long lineOfKey(Path file, List<String> header, String detail) {
    Matcher m = KEY_DETAIL.matcher(detail == null ? "" : detail);
    if (!m.find()) {
      return 0;
    }
    List<String> names = List.of(m.group(1).split(",\\s*"));
    List<String> values = List.of(m.group(2).split(",\\s*"));
    if (names.size() != values.size()) {
      return 0;
    }
    int[] index = new int[names.size()];
    for (int i = 0; i < names.size(); i++) {
      index[i] = header.indexOf(names.get(i).replace("\"", ""));
      if (index[i] < 0) {
        return 0;
      }
    }
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      r.readLine();
      long lineNo = 1;
      String line;
      while ((line = r.readLine()) != null) {
        lineNo++;
        List<String> row = fields(line);
        boolean match = true;
        for (int i = 0; i < index.length && match; i++) {
          match = index[i] < row.size() && row.get(index[i]).equals(values.get(i));
        }
        if (match) {
          return lineNo;
        }
      }
    } catch (IOException e) {
      return 0;
    }
    return 0;
  }

  /** The fields of the first line, parsed as CSV (a leading byte-order mark dropped). */
  static List<String> header(Path file) throws IOException {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line = r.readLine();
      if (line == null || line.isBlank()) {
        return null;
      }
      if (line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      return fields(line);
    }
  }

  /** Splits one CSV line: fields separated by commas, double quotes around, doubled inside. */
  static List<String> fields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          field.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        fields.add(field.toString().strip());
        field.setLength(0);
      } else {
        field.append(ch);
      }
    }
    fields.add(field.toString().strip());
    return fields;
  }
}
