package dev.indexlab.advise;

import dev.indexlab.check.CandidateKind;
import dev.indexlab.text.OneLine;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The cheap what-if that comes before any measurement. In one transaction it EXPLAINs (no ANALYZE,
 * nothing runs) each affected statement with its bound values, applies the candidate's SQL (a plain
 * {@code CREATE INDEX}; {@code CONCURRENTLY} is removed because it cannot run in a transaction),
 * EXPLAINs again and rolls back. A candidate whose new index appears in no plan is rejected; a drop
 * that makes some plan more than {@value #DROP_COST_TOLERANCE_PERCENT}% more expensive is rejected.
 *
 * <pre>{@code
 * try (Connection c = spec.open()) {
 *   WhatIfResult r = new WhatIfPlanner(c).evaluate(candidate, statements);
 * }
 * }</pre>
 *
 * <p>Hazards: the index build holds a SHARE lock on the table until the rollback, so writers wait
 * (a 5 s {@code lock_timeout} bounds the wait for the lock itself); the build reads the whole
 * table. Run it on a copy. Nothing is left behind but PostgreSQL's in-place refresh of the table's
 * {@code pg_class} size estimate, which every index build makes.
 */
final class WhatIfPlanner {
  /** A drop may raise an affected plan's estimated cost by this much and still be measured. */
  public static final int DROP_COST_TOLERANCE_PERCENT = 25;

  private static final Pattern CONCURRENTLY = Pattern.compile("(?i)\\bCONCURRENTLY\\b\\s*");
  private static final Pattern INDEX_DDL =
      Pattern.compile("(?is)^\\s*(CREATE\\s+(UNIQUE\\s+)?INDEX|DROP\\s+INDEX|REINDEX)\\b.*");

  private final Connection c;

  /** Works on {@code c}, which the caller owns; its autocommit setting is restored afterwards. */
  public WhatIfPlanner(Connection c) {
    this.c = c;
  }

  /** Runs the what-if for {@code candidate} over {@code statements}; leaves nothing behind. */
  public WhatIfResult evaluate(Candidate candidate, List<WhatIfStatement> statements)
      throws SQLException {
    if (candidate.kind() == CandidateKind.REWRITE) {
      return new WhatIfResult(
          candidate,
          WhatIfVerdict.NOT_APPLICABLE,
          List.of(),
          List.of(),
          List.of(),
          "a route rewrite: checked for equivalence and measured, not explained here");
    }
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      execute("SET LOCAL lock_timeout = '5s'");
      Set<String> indexesBefore = indexNames();
      List<Object> before = explainAll(statements);
      String failure = apply(candidate);
      if (failure != null) {
        return new WhatIfResult(
            candidate, WhatIfVerdict.FAILED, List.of(), List.of(), List.of(), failure);
      }
      Set<String> indexesAfter = indexNames();
      Set<String> created = new TreeSet<>(indexesAfter);
      created.removeAll(indexesBefore);
      Set<String> dropped = new TreeSet<>(indexesBefore);
      dropped.removeAll(indexesAfter);
      List<Object> after = explainAll(statements);
      List<StatementWhatIf> results = new ArrayList<>();
      for (int i = 0; i < statements.size(); i++) {
        results.add(compare(statements.get(i), before.get(i), after.get(i), created, dropped));
      }
      return judge(candidate, created, dropped, results);
    } finally {
      c.rollback();
      c.setAutoCommit(autoCommit);
    }
  }

  /** The candidate's statements as the what-if runs them: index DDL without CONCURRENTLY. */
  static List<String> transactional(Candidate candidate) {
    List<String> out = new ArrayList<>();
    for (String s : candidate.statements()) {
      out.add(INDEX_DDL.matcher(s).matches() ? CONCURRENTLY.matcher(s).replaceAll("") : s);
    }
    return out;
  }

  private String apply(Candidate candidate) throws SQLException {
    for (String sql : transactional(candidate)) {
      Savepoint sp = c.setSavepoint();
      try (Statement st = c.createStatement()) {
        st.execute(sql);
        c.releaseSavepoint(sp);
      } catch (SQLException e) {
        c.rollback(sp);
        return "candidate SQL failed: "
            + OneLine.joined(e.getMessage())
            + " [SQLSTATE "
            + e.getSQLState()
            + "] in: "
            + OneLine.joined(sql);
      }
    }
    return null;
  }

  private List<Object> explainAll(List<WhatIfStatement> statements) throws SQLException {
    List<Object> plans = new ArrayList<>();
    for (WhatIfStatement s : statements) {
      Savepoint sp = c.setSavepoint();
      try {
        plans.add(PlanSummary.parse(s.planJson(c)));
        c.releaseSavepoint(sp);
      } catch (SQLException e) {
        c.rollback(sp);
        plans.add(OneLine.joined(e.getMessage()) + " [SQLSTATE " + e.getSQLState() + "]");
      }
    }
    return plans;
  }

  private static StatementWhatIf compare(
      WhatIfStatement s, Object before, Object after, Set<String> created, Set<String> dropped) {
    if (before instanceof PlanSummary b && after instanceof PlanSummary a) {
      return new StatementWhatIf(
          s, b.totalCost(), a.totalCost(), b.usesAny(dropped), a.usesAny(created), null);
    }
    String error = before instanceof String e ? e : (String) after;
    return new StatementWhatIf(s, Double.NaN, Double.NaN, false, false, error);
  }

  private static WhatIfResult judge(
      Candidate candidate, Set<String> created, Set<String> dropped, List<StatementWhatIf> rs) {
    List<StatementWhatIf> explained = rs.stream().filter(StatementWhatIf::explained).toList();
    List<String> createdList = List.copyOf(created);
    List<String> droppedList = List.copyOf(dropped);
    boolean drop =
        candidate.kind() == CandidateKind.DROP_INDEX || (created.isEmpty() && !dropped.isEmpty());
    if (explained.isEmpty()) {
      String why =
          rs.isEmpty() ? "no affected statement" : "no affected statement could be explained";
      if (drop) {
        return new WhatIfResult(
            candidate,
            WhatIfVerdict.DROP_KEEPS_PLANS,
            createdList,
            droppedList,
            rs,
            why + ": no plan of the workload can change");
      }
      return new WhatIfResult(
          candidate, WhatIfVerdict.NO_STATEMENTS, createdList, droppedList, rs, why);
    }
    List<StatementWhatIf> relevant = WhatIfResult.relevant(rs);
    String costs =
        (relevant.size() == explained.size() ? "cost " : "their cost ")
            + WhatIfResult.costChange(
                relevant.stream().mapToDouble(StatementWhatIf::costBefore).sum(),
                relevant.stream().mapToDouble(StatementWhatIf::costAfter).sum());
    if (drop) {
      List<StatementWhatIf> users = explained.stream().filter(StatementWhatIf::usedBefore).toList();
      double worst =
          users.stream()
              .mapToDouble(StatementWhatIf::change)
              .filter(d -> !Double.isNaN(d))
              .max()
              .orElse(0);
      boolean keeps = worst * 100 <= DROP_COST_TOLERANCE_PERCENT;
      String summary =
          String.format(
              Locale.ROOT,
              "%d of %d statements used %s; worst cost change %+.1f%%; %s",
              users.size(),
              explained.size(),
              String.join(", ", droppedList),
              100 * worst,
              costs);
      return new WhatIfResult(
          candidate,
          keeps ? WhatIfVerdict.DROP_KEEPS_PLANS : WhatIfVerdict.DROP_COSTS_MORE,
          createdList,
          droppedList,
          rs,
          summary);
    }
    long using = explained.stream().filter(StatementWhatIf::usesAfter).count();
    String summary =
        (using > 0 ? "planner uses " : "planner ignores ")
            + (created.isEmpty() ? "(no new index)" : String.join(", ", created))
            + " in "
            + using
            + " of "
            + explained.size()
            + " statements; "
            + costs
            + best(explained);
    return new WhatIfResult(
        candidate,
        using > 0 ? WhatIfVerdict.PLANNER_USES : WhatIfVerdict.PLANNER_IGNORES,
        createdList,
        droppedList,
        rs,
        summary);
  }

  /** {@code ; best -99.5% in users_delete statement 2} when a using statement got cheaper. */
  private static String best(List<StatementWhatIf> explained) {
    return explained.stream()
        .filter(s -> s.usesAfter() && s.change() < 0)
        .min(java.util.Comparator.comparingDouble(StatementWhatIf::change))
        .map(
            s ->
                String.format(
                    Locale.ROOT,
                    "; best %+.1f%% in %s",
                    100 * s.change(),
                    s.statement().describe()))
        .orElse("");
  }

  private Set<String> indexNames() throws SQLException {
    Set<String> names = new HashSet<>();
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT relname FROM pg_class WHERE relkind IN ('i', 'I')")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  private void execute(String sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }
}
