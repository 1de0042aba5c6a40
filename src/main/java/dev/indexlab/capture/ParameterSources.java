package dev.indexlab.capture;

import dev.indexlab.SqlResources;
import dev.indexlab.capture.ParameterUse.How;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;

/**
 * Decides where each placeholder of a captured statement gets its values (docs/workloads.md,
 * "Capture"): values the log recorded, else a sample of the column it is compared with or written
 * to, an int range for LIMIT and OFFSET, a generated value for a unique or generated key that an
 * INSERT writes, and otherwise a {@code todo:} line that {@code indexlab check} reports.
 */
final class ParameterSources {
  /** About this many rows of a big table are sampled (TABLESAMPLE BERNOULLI, a fixed seed). */
  static final long SAMPLE_ROWS = 10_000;

  private final Connection c;

  ParameterSources(Connection c) {
    this.c = c;
  }

  /** Facts about a column, from {@code column-facts.sql}. */
  record ColumnFacts(
      String relation,
      String quotedColumn,
      String type,
      String category,
      long estimatedRows,
      boolean unique,
      boolean generated) {}

  /**
   * The plan for {@code s}, parsed as {@code p}; {@code paramsFile} is the file (relative to the
   * workload) that logged values go to.
   */
  ParameterPlan plan(CapturedStatement s, ParsedStatement p, String paramsFile)
      throws SQLException {
    SortedSet<Integer> numbers = Placeholders.numbers(s.sql());
    List<ParameterTypes.Type> types = ParameterTypes.of(c, s.sql());
    Map<Integer, String> names = new LinkedHashMap<>();
    Map<Integer, String> typnames = new LinkedHashMap<>();
    Set<String> taken = new HashSet<>();
    for (int n : numbers) {
      names.put(n, unique(baseName(p.uses().get(n), n), taken));
      typnames.put(n, n <= types.size() ? types.get(n - 1).typname() : "");
    }
    List<String> params = new ArrayList<>();
    if (numbers.isEmpty()) {
      return new ParameterPlan(names, params, typnames);
    }
    if (!s.loggedValues().isEmpty()) {
      params.add(String.join(", ", names.values()) + " file: " + paramsFile);
      return new ParameterPlan(names, params, typnames);
    }
    for (int n : numbers) {
      ParameterUse use = p.uses().get(n);
      ParameterTypes.Type type =
          n <= types.size() ? types.get(n - 1) : new ParameterTypes.Type("", "unknown");
      params.add(names.get(n) + " " + source(s, p, n, use, type));
    }
    return new ParameterPlan(names, params, typnames);
  }

  private String source(
      CapturedStatement s, ParsedStatement p, int n, ParameterUse use, ParameterTypes.Type type)
      throws SQLException {
    if (use instanceof ParameterUse.Limit) {
      long limit = s.rows() > 0 && s.calls() > 0 ? (s.rows() + s.calls() - 1) / s.calls() : 10;
      limit = Math.max(1, limit);
      return "int: " + limit + ".." + limit;
    }
    if (use instanceof ParameterUse.Offset o) {
      long rows = o.table() == null ? -1 : estimatedRows(o.table().regclassText());
      return "int: 0.." + (rows > 0 ? rows : 100);
    }
    if (use instanceof ParameterUse.Column col) {
      Optional<ColumnFacts> facts = facts(col);
      if (facts.isPresent()) {
        return columnSource(facts.get(), col.how(), type);
      }
      return todo(
          n,
          type,
          "compared with column "
              + col.column()
              + ", which indexlab found in none of "
              + String.join(", ", col.tables().stream().map(t -> t.regclassText()).toList()));
    }
    return todo(n, type, "not compared with a column indexlab could read in the statement");
  }

  private static String columnSource(ColumnFacts f, How how, ParameterTypes.Type type) {
    String col = f.quotedColumn();
    String text = f.category().equals("S") ? col : col + "::text";
    String from = from(f);
    return switch (how) {
      case LIKE ->
          "sample: SELECT left("
              + text
              + ", 3) || '%' FROM "
              + from
              + " AND length("
              + text
              + ") >= 3";
      case ILIKE ->
          "sample: SELECT '%' || split_part("
              + text
              + ", ' ', 1) || '%' FROM "
              + from
              + " AND split_part("
              + text
              + ", ' ', 1) <> ''";
      case WRITTEN ->
          f.unique() || f.generated()
              ? generated(f, type)
              : "sample: SELECT " + col + " FROM " + from;
      case EQUALS, RANGE -> "sample: SELECT " + col + " FROM " + from;
    };
  }

  /** {@code rel [TABLESAMPLE ...] WHERE col IS NOT NULL}: spread over a big table, limited. */
  private static String from(ColumnFacts f) {
    String sample = "";
    if (f.estimatedRows() > SAMPLE_ROWS) {
      double percent = 100.0 * SAMPLE_ROWS / f.estimatedRows();
      sample = String.format(Locale.ROOT, " TABLESAMPLE BERNOULLI (%.4g) REPEATABLE (0)", percent);
    }
    return f.relation() + sample + " WHERE " + f.quotedColumn() + " IS NOT NULL";
  }

  /** A new value for a unique or generated column an INSERT writes. */
  private static String generated(ColumnFacts f, ParameterTypes.Type type) {
    String t = type.typname().isEmpty() ? f.type() : type.typname();
    return switch (t) {
      case "int4", "int8", "integer", "bigint" -> "int: 1000000000..2000000000";
      case "uuid" -> "format: {hex:8}-{hex:4}-4{hex:3}-a{hex:3}-{hex:12}";
      case "text", "varchar", "bpchar", "character varying" -> "format: {base62:12}";
      default ->
          "todo: "
              + f.type()
              + ", a new value for "
              + f.relation()
              + "."
              + f.quotedColumn()
              + " (unique or generated)";
    };
  }

  private static String todo(int n, ParameterTypes.Type type, String why) {
    return "todo: $" + n + " is " + type.sqlType() + ", " + why;
  }

  private Optional<ColumnFacts> facts(ParameterUse.Column col) throws SQLException {
    for (ParameterUse.TableRef t : col.tables()) {
      try (PreparedStatement ps =
          c.prepareStatement(SqlResources.text(ParameterSources.class, "column-facts.sql"))) {
        ps.setString(1, t.regclassText());
        ps.setString(2, col.column());
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            return Optional.of(
                new ColumnFacts(
                    rs.getString("relation"),
                    rs.getString("quoted_column"),
                    rs.getString("type"),
                    rs.getString("category"),
                    rs.getLong("estimated_rows"),
                    rs.getBoolean("is_unique"),
                    rs.getBoolean("is_generated")));
          }
        }
      }
    }
    return Optional.empty();
  }

  private long estimatedRows(String relation) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(SqlResources.text(ParameterSources.class, "relation-rows.sql"))) {
      ps.setString(1, relation);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : -1;
      }
    }
  }

  private static String baseName(ParameterUse use, int n) {
    String raw;
    if (use instanceof ParameterUse.Column col) {
      raw = col.column();
    } else if (use instanceof ParameterUse.Limit) {
      raw = "limit";
    } else if (use instanceof ParameterUse.Offset) {
      raw = "offset";
    } else {
      raw = "p" + n;
    }
    String name = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    return name.isEmpty() || Character.isDigit(name.charAt(0)) ? "p_" + name : name;
  }

  /**
   * {@code base}, or {@code base_2}, {@code base_3}… : the first not yet in {@code taken}, added.
   */
  static String unique(String base, Set<String> taken) {
    String name = base;
    for (int k = 2; !taken.add(name); k++) {
      name = base + "_" + k;
    }
    return name;
  }
}
