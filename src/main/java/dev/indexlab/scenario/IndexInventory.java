package dev.indexlab.scenario;

import dev.indexlab.results.RunResults;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The indexes of a database, keyed by schema-qualified name, with their definitions and sizes: what
 * a candidate migration added or removed is the difference of two inventories.
 */
public final class IndexInventory {
  private IndexInventory() {}

  /**
   * One index. {@code attachedTo} is the {@code schema.name} of the index on the partitioned parent
   * that a partition's index is attached to (null for any other index); an index on a partitioned
   * table has no storage of its own ({@code bytes} 0).
   */
  public record IndexInfo(
      String name, String table, String definition, long bytes, String attachedTo) {}

  /**
   * The qualified names of {@code own} (a candidate's indexes, {@code schema.name}) and of every
   * index among {@code added} attached to one of them, at any depth: an index on a partitioned
   * table is scanned through its partitions' indexes, so a plan that uses one of those uses it.
   */
  public static List<String> withPartitions(List<String> own, List<IndexInfo> added) {
    List<String> out = new java.util.ArrayList<>(own);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (IndexInfo i : added) {
        if (i.attachedTo() != null && out.contains(i.attachedTo()) && !out.contains(i.name())) {
          out.add(i.name());
          grew = true;
        }
      }
    }
    return out;
  }

  /**
   * The indexes among {@code indexes} that are on a partitioned table, each with the number of
   * partitions it spans and its total size: the sums over the indexes among {@code indexes}
   * attached to it, at any depth (one per leaf partition).
   */
  public static List<RunResults.PartitionedIndex> partitioned(List<IndexInfo> indexes) {
    List<RunResults.PartitionedIndex> out = new ArrayList<>();
    for (IndexInfo parent : indexes) {
      if (indexes.stream().noneMatch(i -> parent.name().equals(i.attachedTo()))) {
        continue;
      }
      if (parent.attachedTo() != null) {
        continue;
      }
      long[] leaves = new long[2];
      leaves(parent, indexes, leaves);
      out.add(
          new RunResults.PartitionedIndex(
              parent.name(), parent.table(), (int) leaves[0], leaves[1]));
    }
    return out;
  }

  private static void leaves(IndexInfo index, List<IndexInfo> all, long[] sum) {
    List<IndexInfo> children =
        all.stream().filter(i -> index.name().equals(i.attachedTo())).toList();
    if (children.isEmpty()) {
      sum[0]++;
      sum[1] += index.bytes();
      return;
    }
    children.forEach(child -> leaves(child, all, sum));
  }

  /** Every index outside the system schemas (indexlab's and Flyway's own tables excluded). */
  public static Map<String, IndexInfo> read(Connection c) throws SQLException {
    Map<String, IndexInfo> out = new TreeMap<>();
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT n.nspname || '.' || i.relname, n.nspname || '.' || t.relname,"
                    + " pg_get_indexdef(i.oid), pg_relation_size(i.oid),"
                    + " (SELECT pn.nspname || '.' || p.relname FROM pg_inherits h"
                    + " JOIN pg_class p ON p.oid = h.inhparent"
                    + " JOIN pg_namespace pn ON pn.oid = p.relnamespace"
                    + " WHERE h.inhrelid = i.oid)"
                    + " FROM pg_index x"
                    + " JOIN pg_class i ON i.oid = x.indexrelid"
                    + " JOIN pg_class t ON t.oid = x.indrelid"
                    + " JOIN pg_namespace n ON n.oid = i.relnamespace"
                    + " WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')"
                    + " AND n.nspname NOT LIKE 'pg\\_toast%'"
                    + " AND t.relname NOT LIKE 'flyway\\_%' AND t.relname NOT LIKE 'indexlab\\_%'")) {
      while (rs.next()) {
        out.put(
            rs.getString(1),
            new IndexInfo(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5)));
      }
    }
    return out;
  }
}
