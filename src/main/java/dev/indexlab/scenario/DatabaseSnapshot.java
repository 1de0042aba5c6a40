package dev.indexlab.scenario;

import dev.indexlab.schema.TableChecksums;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an in-place run must give back as it found it, read from the catalog and the rows: every
 * index's definition by schema-qualified name ({@link IndexInventory}; sizes are left out, a
 * re-created index may be laid out differently), the installed extensions and their versions, a
 * digest of each table's rows ({@link TableChecksums}), and the schemas holding the candidates'
 * Flyway history table ({@value CandidateApplier#HISTORY_TABLE}). {@link #differences} compares two
 * snapshots.
 */
record DatabaseSnapshot(
    Map<String, String> indexes,
    Map<String, String> extensions,
    Map<String, TableChecksums.Digest> tables,
    List<String> historySchemas) {

  /** Reads all of it over {@code c}; the checksums read every row of every table. */
  static DatabaseSnapshot read(Connection c) throws SQLException {
    return new DatabaseSnapshot(
        indexDefinitions(c), extensions(c), TableChecksums.compute(c), historySchemas(c));
  }

  /** {@link IndexInventory}'s indexes, name to {@code pg_get_indexdef} definition. */
  static Map<String, String> indexDefinitions(Connection c) throws SQLException {
    Map<String, String> out = new TreeMap<>();
    IndexInventory.read(c).forEach((name, info) -> out.put(name, info.definition()));
    return out;
  }

  /** The schemas in which {@value CandidateApplier#HISTORY_TABLE} exists. */
  static List<String> historySchemas(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT n.nspname FROM pg_class r JOIN pg_namespace n ON n.oid = r.relnamespace"
                + " WHERE r.relname = ? AND r.relkind IN ('r', 'p') ORDER BY 1")) {
      ps.setString(1, CandidateApplier.HISTORY_TABLE);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  /** Installed extensions, name to version. */
  static Map<String, String> extensions(Connection c) throws SQLException {
    Map<String, String> out = new TreeMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT extname, extversion FROM pg_extension");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
    }
    return out;
  }

  /**
   * How {@code now} differs from this snapshot, one short phrase per difference ("index
   * public.x_idx added", "table public.orders: 100 rows, sum 12 before, 101 rows, sum 15 now");
   * empty when they are the same.
   */
  List<String> differences(DatabaseSnapshot now) {
    List<String> out = new ArrayList<>();
    compare("index", indexes, now.indexes, false, out);
    compare("extension", extensions, now.extensions, true, out);
    compare("table", tables, now.tables, true, out);
    for (String schema : now.historySchemas) {
      if (!historySchemas.contains(schema)) {
        out.add("table " + schema + "." + CandidateApplier.HISTORY_TABLE + " left behind");
      }
    }
    for (String schema : historySchemas) {
      if (!now.historySchemas.contains(schema)) {
        out.add("table " + schema + "." + CandidateApplier.HISTORY_TABLE + " missing");
      }
    }
    return out;
  }

  private static <V> void compare(
      String what,
      Map<String, V> before,
      Map<String, V> after,
      boolean showValues,
      List<String> out) {
    TreeSet<String> names = new TreeSet<>(before.keySet());
    names.addAll(after.keySet());
    for (String name : names) {
      V b = before.get(name);
      V a = after.get(name);
      if (b == null) {
        out.add(what + " " + name + " added");
      } else if (a == null) {
        out.add(what + " " + name + " missing");
      } else if (!Objects.equals(a, b)) {
        out.add(
            what
                + " "
                + name
                + (showValues ? ": " + b + " before, " + a + " now" : ": definition changed"));
      }
    }
  }
}
