package dev.indexlab.explain;

import dev.indexlab.SqlResources;
import dev.indexlab.db.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Looks behind foreign-key triggers that dominate a statement's time, as an engineer would by hand:
 * finds each trigger's constraint in the catalog, writes the statement its referential action runs
 * ({@link ReferentialStatement}), gets the key of an affected parent row by re-running the
 * statement with {@code RETURNING} the key columns (rolled back), and explains the derived
 * statement with that key, analyzed and rolled back. Cascades that themselves fire dominating
 * foreign-key triggers are followed, up to a depth limit.
 *
 * <pre>{@code
 * List<DrillDown> d = new TriggerDrillDown()
 *     .drillDown(connection, "DELETE FROM users WHERE id = ?", List.of(300L), plan);
 * }</pre>
 *
 * <p>Nothing changes in the database. Failures (a constraint not found, a statement that already
 * has RETURNING, a derived statement that errors) become a drill-down with a note, not an
 * exception. An action fired by an UPDATE matches on the key before the update, which RETURNING
 * gives only from PostgreSQL 18 on; on older servers such a drill-down carries the generic plan.
 */
public final class TriggerDrillDown {
  /** Default share of execution time the foreign-key triggers must take to be drilled into. */
  public static final double DEFAULT_MIN_TRIGGER_SHARE = 0.5;

  /** Default number of cascade levels followed. */
  public static final int DEFAULT_MAX_DEPTH = 3;

  private static final int MAX_KEYS = 10_000;

  /** PostgreSQL's SQLSTATE for a missing privilege (SET of a superuser-only setting). */
  private static final String INSUFFICIENT_PRIVILEGE = "42501";

  private final StatementExplainer explainer;
  private final Map<String, Boolean> plainTables = new HashMap<>();
  private boolean replicaRefused;
  private final double minTriggerShare;
  private final int maxDepth;
  private final boolean deleteActionsAlways;

  /**
   * With the defaults: triggers at 50% of execution time or more, three levels deep, and the
   * referential actions of a DELETE (cascades, SET NULL) always: with the indexes in place they are
   * cheap, and a plan that no longer dominates is exactly the one that shows the index at work.
   */
  public TriggerDrillDown() {
    this(new StatementExplainer(), DEFAULT_MIN_TRIGGER_SHARE, DEFAULT_MAX_DEPTH, true);
  }

  /**
   * @param minTriggerShare the share (0..1) of a statement's execution time its foreign-key
   *     triggers (its own and those its cascades fire) must reach, at every level, before its own
   *     are drilled into (0 drills into all)
   * @param maxDepth how many levels of cascades to follow (1 = only the statement's own triggers)
   */
  public TriggerDrillDown(StatementExplainer explainer, double minTriggerShare, int maxDepth) {
    this(explainer, minTriggerShare, maxDepth, false);
  }

  /**
   * As above; with {@code deleteActionsAlways}, a DELETE's own foreign-key triggers (its
   * referential actions) are drilled into whatever their share of the time.
   */
  public TriggerDrillDown(
      StatementExplainer explainer,
      double minTriggerShare,
      int maxDepth,
      boolean deleteActionsAlways) {
    this.explainer = explainer;
    this.minTriggerShare = minTriggerShare;
    this.maxDepth = maxDepth;
    this.deleteActionsAlways = deleteActionsAlways;
  }

  /**
   * The drill-downs of {@code plan}, the analyzed plan of {@code jdbcSql} run with {@code params};
   * empty when its foreign-key triggers do not dominate (and it is not a DELETE drilled always).
   */
  public List<DrillDown> drillDown(Connection c, String jdbcSql, List<Object> params, Plan plan) {
    return drillDown(c, jdbcSql, params, plan, 0);
  }

  private List<DrillDown> drillDown(
      Connection c, String sql, List<Object> params, Plan plan, int depth) {
    List<DrillDown> out = new ArrayList<>();
    Optional<PlanNode> target = plan.modifyTable();
    if (depth >= maxDepth || !plan.analyzed() || target.isEmpty()) {
      return out;
    }
    String relation = target.get().relationName();
    double execution = plan.executionTimeMs() == null ? 0.0 : plan.executionTimeMs();
    // every foreign-key trigger in the plan runs because of this statement: its own, and those
    // its cascades fire (charged to the child table), which may be where the time goes
    List<TriggerTime> foreignKeyTriggers =
        plan.triggers().stream().filter(TriggerTime::isForeignKeyTrigger).toList();
    double triggerTime = foreignKeyTriggers.stream().mapToDouble(TriggerTime::timeOrZero).sum();
    boolean always = deleteActionsAlways && "Delete".equals(target.get().operation());
    if (foreignKeyTriggers.isEmpty()
        || execution <= 0.0
        || (!always && triggerTime < minTriggerShare * execution)) {
      return out;
    }
    // a statement on a partitioned table fires the foreign-key triggers PostgreSQL put on the
    // partitions the rows are in: those are its own too
    Set<String> partitions =
        foreignKeyTriggers.stream().allMatch(t -> t.relation().equals(relation))
            ? Set.of()
            : partitionsOf(c, relation);
    List<TriggerTime> own =
        foreignKeyTriggers.stream()
            .filter(t -> t.relation().equals(relation) || partitions.contains(t.relation()))
            .toList();
    if (own.isEmpty()) {
      return out;
    }
    // the statement's keys, by the RETURNING that reads them: its foreign keys usually all
    // reference the same key, which is then read once
    Map<String, List<List<Object>>> keys = new HashMap<>();
    for (TriggerTime trigger : own) {
      out.add(one(c, sql, params, target.get().operation(), trigger, depth, keys));
    }
    return out;
  }

  private DrillDown one(
      Connection c,
      String sql,
      List<Object> params,
      String operation,
      TriggerTime trigger,
      int depth,
      Map<String, List<List<Object>>> known) {
    Optional<ForeignKeyTrigger> found;
    try {
      found = ForeignKeyCatalog.find(c, trigger);
    } catch (SQLException e) {
      return skipped(trigger, "catalog lookup failed: " + StatementExplainer.message(e));
    }
    if (found.isEmpty()) {
      return skipped(trigger, "no foreign key trigger " + trigger.triggerName() + " found");
    }
    ForeignKeyTrigger fk = found.get();
    ReferentialStatement derived = ReferentialStatement.derive(fk);
    boolean needsOld =
        "Update".equals(operation) && derived.bindings().stream().anyMatch(b -> b.old());
    int major = serverMajor(c);
    if (needsOld && major < 18) {
      ExplainResult generic = explainer.explainGeneric(c, derived.numberedSql());
      return unexplained(
          trigger,
          fk,
          derived,
          generic,
          "an action fired by UPDATE matches the key before the update, which RETURNING gives"
              + " only from PostgreSQL 18 on: generic plan (estimates only)");
    }
    if ("Merge".equals(operation)) {
      return unexplained(
          trigger, fk, derived, null, "drill-down of MERGE statements is not supported");
    }
    if (StatementText.hasReturning(sql)) {
      return unexplained(
          trigger,
          fk,
          derived,
          null,
          "the statement already has a RETURNING clause, so its keys cannot be read");
    }
    List<List<Object>> keys;
    try {
      boolean oldAndNew = "Update".equals(operation) && major >= 18;
      keys =
          parentKeys(
              c,
              sql,
              params,
              derived.bindings(),
              oldAndNew,
              "Delete".equals(operation) ? fk : null,
              known);
    } catch (SQLException e) {
      return unexplained(
          trigger,
          fk,
          derived,
          null,
          "re-running the statement with RETURNING failed: " + StatementExplainer.message(e));
    }
    if (keys.isEmpty()) {
      return unexplained(trigger, fk, derived, null, "the statement changed no row when re-run");
    }
    List<Object> values = keys.get(0);
    ExplainResult r = explainer.explain(c, derived.jdbcSql(), values, true);
    List<DrillDown> nested =
        r.succeeded() ? drillDown(c, derived.jdbcSql(), values, r.plan(), depth + 1) : List.of();
    return result(trigger, fk, derived, values, keys.size(), r, null, nested);
  }

  /**
   * A drill-down that explained no derived statement with real keys: {@code generic} is its generic
   * plan (null when none), {@code note} says why.
   */
  private static DrillDown unexplained(
      TriggerTime trigger,
      ForeignKeyTrigger fk,
      ReferentialStatement derived,
      ExplainResult generic,
      String note) {
    return result(trigger, fk, derived, List.of(), 0, generic, note, List.of());
  }

  private static DrillDown result(
      TriggerTime trigger,
      ForeignKeyTrigger fk,
      ReferentialStatement derived,
      List<Object> values,
      int affected,
      ExplainResult r,
      String note,
      List<DrillDown> nested) {
    String why = note;
    if (r != null && !r.succeeded()) {
      why = "explaining the derived statement failed: " + r.failureSummary();
    }
    return new DrillDown(
        fk.constraintName(),
        trigger.relation(),
        fk,
        derived.jdbcSql(),
        values,
        affected,
        r == null ? null : r.plan(),
        why,
        nested);
  }

  private static DrillDown skipped(TriggerTime trigger, String why) {
    return new DrillDown(
        trigger.constraintName(),
        trigger.relation(),
        null,
        null,
        List.of(),
        0,
        null,
        why,
        List.of());
  }

  /**
   * The distinct values of the bound columns over the rows {@code sql} changes, read by re-running
   * it with RETURNING appended (rolled back), or from {@code known} when the same RETURNING already
   * ran for another of its foreign keys. For a DELETE whose table has no trigger or rule of its
   * own, where the server allows it, the re-run sets {@code session_replication_role = replica} for
   * itself, so the cascades it would fire (the expensive part of the statement, explained
   * separately anyway) do not run again. The table is the foreign key's referenced table: a
   * DELETE's own foreign-key triggers are its referential actions.
   */
  private List<List<Object>> parentKeys(
      Connection c,
      String sql,
      List<Object> params,
      List<ReferentialStatement.Binding> bindings,
      boolean oldAndNew,
      ForeignKeyTrigger deletedFrom,
      Map<String, List<List<Object>>> known)
      throws SQLException {
    StringBuilder returning = new StringBuilder();
    for (ReferentialStatement.Binding b : bindings) {
      returning.append(returning.length() == 0 ? "" : ", ");
      if (oldAndNew) {
        returning.append(b.old() ? "old." : "new.");
      }
      returning.append(Identifiers.quote(b.column()));
    }
    String withReturning = StatementText.withoutTerminator(sql) + "\nRETURNING " + returning;
    List<List<Object>> seen = known.get(withReturning);
    if (seen != null) {
      return seen;
    }
    List<List<Object>> keys = null;
    if (deletedFrom != null && !replicaRefused && plain(c, deletedFrom)) {
      try {
        keys = returning(c, withReturning, params, bindings.size(), true);
      } catch (SQLException e) {
        if (!INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
          throw e;
        }
        replicaRefused = true;
      }
    }
    if (keys == null) {
      keys = returning(c, withReturning, params, bindings.size(), false);
    }
    known.put(withReturning, keys);
    return keys;
  }

  /**
   * Whether the DELETE's table (the foreign key's referenced table) is an ordinary table with no
   * trigger or rule of its own; the catalog query runs in a rolled-back savepoint, so that its
   * failure cannot abort the route's transaction.
   */
  private boolean plain(Connection c, ForeignKeyTrigger fk) throws SQLException {
    String table = fk.referencedSchema() + "." + fk.referencedTable();
    Boolean known = plainTables.get(table);
    if (known != null) {
      return known;
    }
    boolean plain =
        StatementExplainer.inRolledBackScope(
            c,
            () -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      SqlResources.text(TriggerDrillDown.class, "plain-table.sql"))) {
                ps.setString(1, fk.referencedSchema());
                ps.setString(2, fk.referencedTable());
                try (ResultSet rs = ps.executeQuery()) {
                  return rs.next() && rs.getBoolean(1);
                }
              }
            });
    plainTables.put(table, plain);
    return plain;
  }

  private static List<List<Object>> returning(
      Connection c, String withReturning, List<Object> params, int columns, boolean replica)
      throws SQLException {
    return StatementExplainer.inRolledBackScope(
        c,
        () -> {
          Set<List<Object>> keys = new LinkedHashSet<>();
          if (replica) {
            try (Statement st = c.createStatement()) {
              st.execute("SET LOCAL session_replication_role = replica");
            }
          }
          try (PreparedStatement ps = c.prepareStatement(withReturning)) {
            for (int i = 0; i < params.size(); i++) {
              if (params.get(i) == null) {
                ps.setNull(i + 1, Types.NULL);
              } else {
                ps.setObject(i + 1, params.get(i));
              }
            }
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next() && keys.size() < MAX_KEYS) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                  row.add(rs.getObject(i));
                }
                keys.add(row);
              }
            }
          }
          return new ArrayList<>(keys);
        });
  }

  /**
   * The names of the partitions under {@code relation} (as the plan names it: visible on the
   * search_path), at any depth; empty for a table that is not partitioned or not found.
   */
  private static Set<String> partitionsOf(Connection c, String relation) {
    Set<String> out = new LinkedHashSet<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT r.relname FROM pg_partition_tree(to_regclass(quote_ident(?))) t"
                + " JOIN pg_class r ON r.oid = t.relid WHERE t.level > 0")) {
      ps.setString(1, relation);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      // no partitions known: the statement's own triggers are those on its table
    }
    return out;
  }

  private static int serverMajor(Connection c) {
    try {
      return c.getMetaData().getDatabaseMajorVersion();
    } catch (SQLException e) {
      return 0;
    }
  }
}
