package dev.indexlab.workload;

import dev.indexlab.IndexlabException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a route file (format: docs/route-files.md). Every problem is a {@link RouteProblem} naming
 * the file and line; {@link #parse(Path, List)} collects all of them, {@link #parse(Path)} throws
 * on the first.
 */
public final class RouteParser {
  private static final Pattern DIRECTIVE = Pattern.compile("^\\s*--\\s*@(\\w+)\\s*(.*)$");
  private static final Pattern CONTINUATION = Pattern.compile("^\\s*--\\s{2,}(\\S.*)$");
  private static final Pattern PARAM =
      Pattern.compile("^([A-Za-z_][\\w]*(?:\\s*,\\s*[A-Za-z_][\\w]*)*)\\s+(\\w+)\\s*:\\s*(.*)$");
  private static final Set<String> KINDS =
      Set.of("sample", "file", "int", "text", "oneof", "const", "format", "todo");

  private RouteParser() {}

  /**
   * The reason of a {@code -- @skip REASON} line in the file's header (before any statement): such
   * a file is kept in the workload for the record (a captured statement indexlab could not turn
   * into a route) and is not a route. Empty when there is none or the file cannot be read.
   */
  public static Optional<String> skipReason(Path file) {
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        Matcher d = DIRECTIVE.matcher(line);
        if (!d.matches()) {
          continue;
        }
        String key = d.group(1).toLowerCase(Locale.ROOT);
        if (key.equals("skip")) {
          return Optional.of(d.group(2).trim());
        }
        if (key.equals("statement")) {
          return Optional.empty();
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** Parses a route file; throws a usage error naming the file and line on the first problem. */
  public static Route parse(Path file) {
    List<RouteProblem> problems = new ArrayList<>();
    Optional<Route> route = parse(file, problems);
    if (!problems.isEmpty()) {
      throw IndexlabException.usage(problems.get(0).text());
    }
    return route.orElseThrow();
  }

  /** Parses a route file, adding every problem to {@code errors}; empty when any. */
  public static Optional<Route> parse(Path file, List<RouteProblem> errors) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      errors.add(RouteProblem.parse(file, 0, "cannot read: " + e.getMessage()));
      return Optional.empty();
    }
    return new Reader(file, lines, errors).read();
  }

  /** The parsing state for one file. */
  private static final class Reader {
    private final Path file;
    private final List<String> lines;
    private final List<RouteProblem> errors;
    private final int errorsBefore;
    private String name;
    private String description = "";
    private Isolation isolation = Isolation.READ_COMMITTED;
    private double weight = 1;
    private final List<ParameterSource> params = new ArrayList<>();
    private final List<Block> blocks = new ArrayList<>();

    Reader(Path file, List<String> lines, List<RouteProblem> errors) {
      this.file = file;
      this.lines = lines;
      this.errors = errors;
      this.errorsBefore = errors.size();
    }

    private void error(int line, String message) {
      errors.add(RouteProblem.parse(file, line, message));
    }

    Optional<Route> read() {
      Block current = null;
      StringBuilder preamble = new StringBuilder();
      int preambleLine = 0;
      for (int i = 0; i < lines.size(); i++) {
        int lineNo = i + 1;
        String line = lines.get(i);
        Matcher d = DIRECTIVE.matcher(line);
        if (d.matches()) {
          String key = d.group(1).toLowerCase(Locale.ROOT);
          String value = d.group(2).trim();
          if (key.equals("statement")) {
            current =
                new Block(value.isEmpty() ? "statement " + (blocks.size() + 1) : value, lineNo);
            blocks.add(current);
          } else if (key.equals("returns")) {
            if (current == null) {
              error(lineNo, "@returns before any @statement");
            } else {
              current.returns.addAll(names(value));
              if (current.firstSqlLine != 0) {
                current.text.append('\n');
              }
            }
          } else if (current != null) {
            error(lineNo, "@" + key + " must come before the first @statement");
            current.text.append('\n');
          } else {
            int last = header(key, value, lineNo, i);
            preamble.append("\n".repeat(last - i + 1));
            i = last;
          }
          continue;
        }
        if (current != null) {
          if (current.firstSqlLine == 0) {
            current.firstSqlLine = lineNo;
          }
          current.text.append(line).append('\n');
        } else if (!SqlScanner.stripComments(line).isBlank()) {
          if (preambleLine == 0) {
            preambleLine = lineNo;
          }
          preamble.append(line).append('\n');
        } else {
          preamble.append('\n');
        }
      }
      if (name == null) {
        error(1, "missing '-- @route NAME' header");
      }
      List<RouteStatement> statements = new ArrayList<>();
      if (blocks.isEmpty()) {
        statementsWithoutLabels(preamble.toString(), statements);
      } else {
        if (preambleLine > 0) {
          error(preambleLine, "SQL before the first @statement");
        }
        for (Block b : blocks) {
          blockStatement(b, statements);
        }
      }
      if (statements.isEmpty() && errors.size() == errorsBefore) {
        error(1, "no statement");
      }
      checkParameters(statements);
      if (errors.size() > errorsBefore) {
        return Optional.empty();
      }
      return Optional.of(
          new Route(idOf(file), name, description, file, isolation, weight, params, statements));
    }

    private int header(String key, String value, int lineNo, int index) {
      switch (key) {
        case "route" -> name = value;
        case "description" -> description = value;
        case "isolation" -> {
          try {
            isolation = Isolation.parse(value);
          } catch (IllegalArgumentException e) {
            error(
                lineNo,
                "@isolation '" + value + "': use read committed, repeatable read or serializable");
          }
        }
        case "skip" -> {
          // a set-aside file: Workload.routeFiles() leaves it out (skipReason)
        }
        case "weight" -> {
          try {
            weight = Double.parseDouble(value);
            if (!(weight >= 0) || Double.isInfinite(weight)) {
              error(lineNo, "@weight must be a number >= 0, was '" + value + "'");
            }
          } catch (NumberFormatException e) {
            error(lineNo, "@weight must be a number >= 0, was '" + value + "'");
          }
        }
        case "param" -> {
          StringBuilder spec = new StringBuilder(value);
          int i = index;
          while (i + 1 < lines.size()
              && !DIRECTIVE.matcher(lines.get(i + 1)).matches()
              && CONTINUATION.matcher(lines.get(i + 1)).matches()) {
            Matcher m = CONTINUATION.matcher(lines.get(i + 1));
            m.matches();
            spec.append(' ').append(m.group(1).trim());
            i++;
          }
          param(spec.toString(), lineNo);
          return i;
        }
        default -> error(lineNo, "unknown directive @" + key);
      }
      return index;
    }

    private void param(String text, int lineNo) {
      Matcher m = PARAM.matcher(text);
      if (!m.matches()) {
        error(lineNo, "@param must read 'NAME[, NAME...] KIND: SPEC', was '" + text + "'");
        return;
      }
      String kind = m.group(2).toLowerCase(Locale.ROOT);
      if (!KINDS.contains(kind)) {
        error(
            lineNo,
            "@param kind '"
                + kind
                + "' unknown; use one of "
                + String.join(", ", KINDS.stream().sorted().toList()));
        return;
      }
      List<String> names = names(m.group(1));
      String spec = m.group(3).trim();
      if (kind.equals("todo")) {
        error(
            lineNo,
            "@param "
                + String.join(", ", names)
                + " is to be filled in: "
                + spec
                + " (replace 'todo:' with a source: sample: SELECT ..., file:, int:, text:, oneof:,"
                + " const: or format:)");
        params.add(new ParameterSource(names, kind, spec, lineNo)); // no "unknown parameter" too
        return;
      }
      if (names.size() > 1 && kind.equals("file")) {
        // several names: one row of the file gives them all
      } else if (names.size() > 1 && !kind.equals("sample")) {
        error(lineNo, "only a sample: query or a file: can give several parameters at once");
        return;
      }
      if (kind.equals("file") && !spec.isEmpty()) {
        Path source = file.toAbsolutePath().getParent().resolve(spec);
        try {
          ParamFile.read(source).columns(source, names);
        } catch (IOException e) {
          error(lineNo, "@param " + String.join(", ", names) + ": file: " + e.getMessage());
          params.add(new ParameterSource(names, kind, spec, lineNo)); // declared, if unreadable
          return;
        }
      }
      if (spec.isEmpty() && !kind.equals("const")) {
        error(lineNo, "@param " + names + ": empty " + kind + " spec");
        return;
      }
      String problem = ValueGenerator.validate(kind, spec);
      if (problem != null) {
        error(lineNo, "@param " + String.join(", ", names) + ": " + problem);
        return;
      }
      params.add(new ParameterSource(names, kind, spec, lineNo));
    }

    private void blockStatement(Block b, List<RouteStatement> out) {
      List<SqlScanner.Piece> pieces = SqlScanner.split(b.text.toString());
      if (pieces.isEmpty()) {
        error(b.line, "@statement '" + b.label + "' has no SQL");
        return;
      }
      if (pieces.size() > 1) {
        int extra = lineOf(b, b.text.toString(), pieces.get(1).offset());
        error(
            extra,
            "@statement '"
                + b.label
                + "' holds more than one statement; add an @statement per statement");
        return;
      }
      SqlScanner.Piece p = pieces.get(0);
      int line = lineOf(b, b.text.toString(), p.offset());
      add(out, b.label, line, p.sql(), b.returns);
    }

    private int lineOf(Block b, String text, int offset) {
      int base = b.firstSqlLine == 0 ? b.line + 1 : b.firstSqlLine;
      return base + (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
    }

    private void statementsWithoutLabels(String text, List<RouteStatement> out) {
      for (SqlScanner.Piece p : SqlScanner.split(text)) {
        int line = 1 + (int) text.substring(0, p.offset()).chars().filter(c -> c == '\n').count();
        add(out, "statement " + (out.size() + 1), line, p.sql(), List.of());
      }
    }

    private void add(
        List<RouteStatement> out, String label, int line, String sql, List<String> returns) {
      SqlScanner.Positional pos = SqlScanner.toPositional(sql);
      out.add(new RouteStatement(out.size(), label, line, sql, pos.sql(), pos.names(), returns));
    }

    private void checkParameters(List<RouteStatement> statements) {
      Set<String> known = new HashSet<>();
      for (ParameterSource p : params) {
        for (String n : p.names()) {
          if (!known.add(n)) {
            error(p.line(), "parameter :" + n + " declared twice");
          }
        }
      }
      for (RouteStatement s : statements) {
        for (String n : s.parameterNames()) {
          if (!known.contains(n)) {
            error(
                s.line(),
                "unknown parameter :"
                    + n
                    + " (declare it with @param, or @returns in an earlier statement)");
            known.add(n);
          }
        }
        known.addAll(s.returns());
      }
    }
  }

  /** A route's id: its file name without {@code .sql}. */
  public static String idOf(Path file) {
    return file.getFileName().toString().replaceFirst("\\.sql$", "");
  }

  private static List<String> names(String csv) {
    return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  /** The statements between two {@code @statement} directives. */
  private static final class Block {
    final String label;
    final int line;
    final StringBuilder text = new StringBuilder();
    final List<String> returns = new ArrayList<>();
    int firstSqlLine;

    Block(String label, int line) {
      this.label = label;
      this.line = line;
    }
  }
}
