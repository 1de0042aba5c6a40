package dev.indexlab.explain;

import dev.indexlab.results.ColumnRoles;
import dev.indexlab.results.Finding;
import dev.indexlab.results.FindingKind;
import dev.indexlab.stats.Numbers;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What every finding rule needs about the plan it inspects, and how findings are built. */
final class RuleContext {
  final String routeId;
  final Integer statementIndex;
  final String drillDown;
  final Plan plan;
  final FindingThresholds thresholds;
  private final RelationNames names;
  private final Map<String, String> relationByAlias = new HashMap<>();

  RuleContext(
      String routeId,
      Integer statementIndex,
      String drillDown,
      Plan plan,
      FindingThresholds thresholds,
      RelationNames names) {
    this.routeId = routeId;
    this.statementIndex = statementIndex;
    this.drillDown = drillDown;
    this.plan = plan;
    this.thresholds = thresholds;
    this.names = names;
    plan.root()
        .walk()
        .filter(n -> n.alias() != null && n.relationName() != null)
        .forEach(n -> relationByAlias.putIfAbsent(n.alias(), n.relationName()));
  }

  /** The relation an alias stands for in this plan, or null. */
  String relationOfAlias(String alias) {
    return alias == null ? null : relationByAlias.get(alias);
  }

  /** The statement's execution time, or 0 when not analyzed. */
  double executionMs() {
    return plan.executionTimeMs() == null ? 0.0 : plan.executionTimeMs();
  }

  /** {@code part} as a share of execution time (0 when not analyzed). */
  double share(double partMs) {
    double total = executionMs();
    return total <= 0 ? 0.0 : partMs / total;
  }

  /** Puts a part's time and its {@link #share} into a finding's numbers, in that order. */
  void putTime(Map<String, Number> numbers, double partMs) {
    numbers.put("timeMs", round(partMs, 3));
    numbers.put("shareOfExecution", round(share(partMs), 4));
  }

  /**
   * A finding: its columns are the roles' index order (none for {@link ColumnRoles#NONE}), then the
   * other columns of {@code columns}.
   */
  Finding finding(
      FindingKind kind,
      String path,
      PlanNode node,
      String relation,
      String schema,
      List<String> columns,
      ColumnRoles roles,
      Map<String, Number> numbers,
      String message) {
    String s = relation == null ? null : (schema != null ? schema : names.schemaOf(relation));
    String qualified = relation == null ? null : (s == null ? relation : s + "." + relation);
    return new Finding(
        kind,
        routeId,
        statementIndex,
        drillDown,
        path,
        node == null ? "Trigger" : textType(node),
        qualified,
        s,
        relation,
        keyColumnsFirst(roles, columns),
        roles,
        numbers,
        message);
  }

  private static List<String> keyColumnsFirst(ColumnRoles roles, List<String> columns) {
    List<String> out = new java.util.ArrayList<>(roles.indexColumns());
    columns.stream().filter(c -> !out.contains(c)).forEach(out::add);
    return out;
  }

  /** The node's name as EXPLAIN's text begins its line, e.g. {@code Seq Scan}, {@code Delete}. */
  static String textType(PlanNode node) {
    String header = NodeHeaderText.header(node);
    int cut = header.length();
    for (String stop : new String[] {" on ", " using ", "  (cost="}) {
      int at = header.indexOf(stop);
      if (at >= 0 && at < cut) {
        cut = at;
      }
    }
    int paren = header.indexOf(" (");
    if (paren >= 0 && paren < cut) {
      cut = paren;
    }
    return header.substring(0, cut);
  }

  static String rows(double v) {
    return String.format(Locale.ROOT, "%,.0f", v);
  }

  static String ms(double v) {
    return String.format(Locale.ROOT, "%.1f ms", v);
  }

  /**
   * A share (0..1) as a percentage with the digits of {@link Numbers#percentChange}, as the reports
   * write shares: 0.981 → "98.1%", 0.9998 → "99.98%" (a share that is not whole never reads 100%).
   */
  static String percent(double fraction) {
    return Numbers.percentChange(1, 1 - Math.abs(fraction)) + "%";
  }

  static double round(double v, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(v * scale) / scale;
  }
}
