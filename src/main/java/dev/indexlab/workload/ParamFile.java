package dev.indexlab.workload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.postgresql.util.PGobject;

/**
 * A file of recorded parameter value sets, the source of {@code @param NAMES file: PATH}
 * (docs/route-files.md, "Parameter files"). CSV, UTF-8: the first line names the columns, each
 * {@code name} or {@code name:type} with {@code type} a PostgreSQL type name as {@code pg_type}
 * spells it ({@code int8}, {@code text}, {@code timestamptz}); every further line is one value set.
 * Quoting follows RFC 4180; an unquoted empty field is NULL and a quoted one ({@code ""}) the empty
 * string. A typed value is bound as that type from its text, as the server printed it in its log;
 * an untyped one as a number when it looks like an integer, else as text.
 */
public record ParamFile(List<String> names, List<String> types, List<List<Object>> rows) {
  public ParamFile {
    names = List.copyOf(names);
    types = List.copyOf(types);
    rows = List.copyOf(rows);
  }

  /** Reads {@code file}; an {@link IOException} names what is wrong and where. */
  public static ParamFile read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    List<List<Field>> records = parse(file, text);
    if (records.isEmpty()) {
      throw new IOException(file + ":1: no header line");
    }
    List<String> names = new ArrayList<>();
    List<String> types = new ArrayList<>();
    for (Field f : records.get(0)) {
      String h = f.text() == null ? "" : f.text().trim();
      int colon = h.indexOf(':');
      names.add(colon < 0 ? h : h.substring(0, colon).trim());
      types.add(colon < 0 ? "" : h.substring(colon + 1).trim());
    }
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 1; i < records.size(); i++) {
      List<Field> rec = records.get(i);
      if (rec.size() != names.size()) {
        throw new IOException(
            file
                + ":"
                + rec.get(0).line()
                + ": "
                + rec.size()
                + " fields, the header has "
                + names.size());
      }
      List<Object> row = new ArrayList<>(rec.size());
      for (int k = 0; k < rec.size(); k++) {
        row.add(value(rec.get(k).text(), types.get(k)));
      }
      rows.add(row);
    }
    return new ParamFile(names, types, rows);
  }

  /**
   * The rows reduced to {@code wanted}'s columns, in that order; an IOException for a missing name.
   */
  public List<List<Object>> columns(Path file, List<String> wanted) throws IOException {
    List<Integer> at = new ArrayList<>();
    for (String w : wanted) {
      int i = names.indexOf(w);
      if (i < 0) {
        throw new IOException(
            file + ":1: no column " + w + " (columns: " + String.join(", ", names) + ")");
      }
      at.add(i);
    }
    List<List<Object>> out = new ArrayList<>(rows.size());
    for (List<Object> r : rows) {
      List<Object> picked = new ArrayList<>(at.size());
      at.forEach(i -> picked.add(r.get(i)));
      out.add(picked);
    }
    return out;
  }

  /**
   * Writes value sets in this format: {@code header} entries are {@code name} or {@code name:type};
   * a null value is written as an empty field, every other value quoted.
   */
  public static void write(Path file, List<String> header, List<List<String>> rows)
      throws IOException {
    StringBuilder b = new StringBuilder();
    b.append(String.join(",", header)).append('\n');
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        String v = row.get(i);
        if (v != null) {
          b.append('"').append(v.replace("\"", "\"\"")).append('"');
        }
      }
      b.append('\n');
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, b, StandardCharsets.UTF_8);
  }

  private static Object value(String text, String type) throws IOException {
    if (text == null) {
      return null;
    }
    if (type.isEmpty()) {
      return text.matches("-?\\d{1,18}") ? (Object) Long.parseLong(text) : text;
    }
    try {
      PGobject o = new PGobject();
      o.setType(type.toLowerCase(Locale.ROOT));
      o.setValue(text);
      return o;
    } catch (SQLException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /** One field: its text (null when unquoted and empty) and the line its record starts on. */
  public record Field(String text, int line) {}

  /**
   * The records of CSV text as PostgreSQL writes it (a parameter file, a csvlog), blank lines
   * skipped; an {@link IOException} names the line of an unterminated quoted field.
   */
  public static List<List<Field>> parse(Path file, String s) throws IOException {
    List<List<Field>> records = new ArrayList<>();
    List<Field> current = new ArrayList<>();
    StringBuilder b = new StringBuilder();
    boolean quoted = false;
    int line = 1;
    int recordLine = 1;
    int i = 0;
    int n = s.length();
    if (n > 0 && s.charAt(0) == '\uFEFF') {
      i = 1;
    }
    while (i <= n) {
      if (i == n || s.charAt(i) == '\n' || s.charAt(i) == '\r') {
        boolean blankLine = current.isEmpty() && b.length() == 0 && !quoted;
        if (!blankLine) {
          current.add(new Field(quoted || b.length() > 0 ? b.toString() : null, recordLine));
          records.add(current);
        }
        current = new ArrayList<>();
        b.setLength(0);
        quoted = false;
        if (i < n - 1 && s.charAt(i) == '\r' && s.charAt(i + 1) == '\n') {
          i++;
        }
        i++;
        line++;
        recordLine = line;
        continue;
      }
      char c = s.charAt(i);
      if (c == ',') {
        current.add(new Field(quoted || b.length() > 0 ? b.toString() : null, recordLine));
        b.setLength(0);
        quoted = false;
        i++;
      } else if (c == '"' && b.length() == 0 && !quoted) {
        quoted = true;
        i++;
        while (true) {
          if (i >= n) {
            throw new IOException(file + ":" + recordLine + ": unterminated quoted field");
          }
          char q = s.charAt(i);
          if (q == '"') {
            if (i + 1 < n && s.charAt(i + 1) == '"') {
              b.append('"');
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (q == '\n') {
            line++;
          }
          b.append(q);
          i++;
        }
      } else {
        b.append(c);
        i++;
      }
    }
    return records;
  }
}
