package dev.indexlab.schema;

import dev.indexlab.SqlResources;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders tables so that every table is loaded after the tables its foreign keys reference.
 * Self-references and DEFERRABLE constraints do not constrain the order (the loader defers them to
 * commit). A cycle of non-deferrable foreign keys is reported with the tables and constraints on
 * it; its tables then keep their given order.
 */
final class LoadOrder {
  private LoadOrder() {}

  /** A foreign key from {@code child} to {@code parent}. */
  record Edge(TableName child, TableName parent, String constraint, boolean deferrable) {}

  /**
   * The tables in loading order, and for each the other tables of the set it references through a
   * non-deferrable foreign key (a loader skips a table whose parent failed to load).
   */
  public record Plan(List<TableName> order, Map<TableName, Set<TableName>> parents) {}

  /** {@code tables} in foreign-key order; ties keep the given order. */
  public static Plan plan(Connection c, List<TableName> tables, LoadProblems problems)
      throws SQLException {
    List<Edge> edges = edges(c);
    Map<TableName, Set<TableName>> parents = new LinkedHashMap<>();
    for (TableName t : tables) {
      parents.put(t, new LinkedHashSet<>());
    }
    for (Edge e : edges) {
      if (!e.deferrable() && !e.child().equals(e.parent()) && parents.containsKey(e.parent())) {
        Set<TableName> p = parents.get(e.child());
        if (p != null) {
          p.add(e.parent());
        }
      }
    }
    return new Plan(sort(tables, edges, problems), parents);
  }

  static List<TableName> sort(List<TableName> tables, List<Edge> edges, LoadProblems problems) {
    Set<TableName> wanted = new LinkedHashSet<>(tables);
    Map<TableName, List<Edge>> needs = new LinkedHashMap<>();
    for (TableName t : wanted) {
      needs.put(t, new ArrayList<>());
    }
    for (Edge e : edges) {
      if (!e.deferrable()
          && !e.child().equals(e.parent())
          && wanted.contains(e.child())
          && wanted.contains(e.parent())) {
        needs.get(e.child()).add(e);
      }
    }
    List<TableName> order = new ArrayList<>();
    Set<TableName> done = new LinkedHashSet<>();
    boolean progress = true;
    while (progress && done.size() < wanted.size()) {
      progress = false;
      for (TableName t : wanted) {
        if (!done.contains(t) && needs.get(t).stream().allMatch(e -> done.contains(e.parent()))) {
          done.add(t);
          order.add(t);
          progress = true;
          break;
        }
      }
    }
    if (done.size() < wanted.size()) {
      problems.problem(
          "data/: foreign keys form a cycle: "
              + cycle(wanted, done, needs)
              + "; make one of them DEFERRABLE, or load those rows from a data/*.sql file");
      wanted.stream().filter(t -> !done.contains(t)).forEach(order::add);
    }
    return order;
  }

  private static String cycle(
      Set<TableName> wanted, Set<TableName> done, Map<TableName, List<Edge>> needs) {
    TableName start = wanted.stream().filter(t -> !done.contains(t)).findFirst().orElseThrow();
    List<Edge> path = new ArrayList<>();
    Map<TableName, Integer> seen = new LinkedHashMap<>();
    TableName t = start;
    while (!seen.containsKey(t)) {
      seen.put(t, path.size());
      Edge next =
          needs.get(t).stream().filter(e -> !done.contains(e.parent())).findFirst().orElseThrow();
      path.add(next);
      t = next.parent();
    }
    List<Edge> loop = path.subList(seen.get(t), path.size());
    StringBuilder b = new StringBuilder(loop.get(0).child().toString());
    for (Edge e : loop) {
      b.append(" -> ").append(e.parent()).append(" (").append(e.constraint()).append(')');
    }
    return b.toString();
  }

  static List<Edge> edges(Connection c) throws SQLException {
    List<Edge> edges = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(SqlResources.text(LoadOrder.class, "foreign_keys.sql"))) {
      while (rs.next()) {
        edges.add(
            new Edge(
                new TableName(rs.getString(1), rs.getString(2)),
                new TableName(rs.getString(3), rs.getString(4)),
                rs.getString(5),
                rs.getBoolean(6)));
      }
    }
    return edges;
  }
}
