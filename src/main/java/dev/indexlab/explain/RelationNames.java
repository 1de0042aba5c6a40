package dev.indexlab.explain;

import dev.indexlab.SqlResources;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives the schema of a relation a plan names without one (EXPLAIN reports schemas only with
 * VERBOSE), so findings can name {@code schema.table}.
 */
@FunctionalInterface
interface RelationNames {
  /** The schema of {@code relation}, or null when unknown. */
  String schemaOf(String relation);

  /**
   * The schemas of the database's tables, read once: a table visible on the connection's
   * search_path wins over same-named tables elsewhere.
   */
  static RelationNames fromCatalog(Connection c) throws SQLException {
    Map<String, String> schemas = new HashMap<>();
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(SqlResources.text(RelationNames.class, "relation-schemas.sql"))) {
      while (rs.next()) {
        schemas.put(rs.getString(1), rs.getString(2)); // visible rows come last and win
      }
    }
    return schemas::get;
  }
}
