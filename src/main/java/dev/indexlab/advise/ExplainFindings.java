package dev.indexlab.advise;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the explain step's findings JSON ({@code FindingReport.json}: objects with {@code kind,
 * routeId, statementIndex, drillDown, nodePath, nodeType, relation, schema, table, columns,
 * numbers, message}) into {@link PlanFinding}s, so the advisor needs no compile-time link to the
 * explain classes. The explain finding lists its columns in index order without saying which are
 * sort keys; for FILTER_ORDER_LIMIT the sort keys and their directions are read from its message
 * ({@code Limit over Sort (sh.created_at DESC) of ...}), and when that fails the last column is
 * taken as an ascending sort key. LEADING_WILDCARD_LIKE findings of the same plan node (one per
 * column of an {@code a LIKE x OR b LIKE x}) become one finding with all the columns.
 */
final class ExplainFindings {
  private static final Pattern SORT = Pattern.compile("^Limit over Sort \\((.*?)\\) of ");
  private static final Pattern KEY =
      Pattern.compile(
          "^(?:(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][\\w$]*)\\.)?(\"(?:[^\"]|\"\")+\"|[A-Za-z_][\\w$]*)"
              + "( DESC)?(?: NULLS (?:FIRST|LAST))?$");

  private ExplainFindings() {}

  /** True when {@code node} looks like one of the explain step's findings. */
  static boolean isExplainFinding(JsonNode node) {
    return node.has("columns") || node.has("routeId");
  }

  /** The advisor's findings for a list of explain findings, LIKE findings grouped by node. */
  static List<PlanFinding> convert(List<JsonNode> nodes) {
    Map<String, PlanFinding> out = new LinkedHashMap<>();
    int i = 0;
    for (JsonNode n : nodes) {
      PlanFinding f = convert(n);
      if (f.kind() == FindingKind.LEADING_WILDCARD_LIKE) {
        String key =
            f.route() + "|" + f.statement() + "|" + f.trigger() + "|" + f.node() + "|" + f.table();
        out.merge(key, f, ExplainFindings::mergeLike);
      } else {
        out.put("#" + i++, f);
      }
    }
    return new ArrayList<>(out.values());
  }

  static PlanFinding convert(JsonNode n) {
    FindingKind kind;
    try {
      kind = FindingKind.valueOf(n.path("kind").asText());
    } catch (IllegalArgumentException e) {
      kind = FindingKind.OTHER;
    }
    List<String> columns = new ArrayList<>();
    n.path("columns").forEach(c -> columns.add(c.asText()));
    Map<String, Double> numbers = new LinkedHashMap<>();
    n.path("numbers").properties().forEach(e -> numbers.put(e.getKey(), e.getValue().asDouble()));
    String schema = text(n, "schema");
    String table = text(n, "table");
    String route = text(n, "routeId");
    Integer statement = n.hasNonNull("statementIndex") ? n.get("statementIndex").asInt() : null;
    String node = text(n, "nodePath");
    String trigger = text(n, "drillDown");
    return switch (kind) {
      case SEQ_SCAN_REMOVES_MOST_ROWS ->
          PlanFinding.seqScan(
              schema, table, columns, List.of(), route, statement, node, trigger, numbers);
      case FILTER_ORDER_LIMIT -> {
        List<IndexKey> sort = sortKeys(text(n, "message"), columns);
        List<String> eq = new ArrayList<>(columns);
        sort.forEach(k -> eq.remove(k.column()));
        yield new PlanFinding(
            kind, schema, table, eq, List.of(), sort, List.of(), route, statement, node, trigger,
            numbers);
      }
      case LEADING_WILDCARD_LIKE ->
          new PlanFinding(
              kind, schema, table, List.of(), List.of(), List.of(), columns, route, statement, node,
              trigger, numbers);
      case OTHER ->
          new PlanFinding(
              kind, schema, table, columns, List.of(), List.of(), List.of(), route, statement, node,
              trigger, numbers);
    };
  }

  /** The sort keys named in a FILTER_ORDER_LIMIT message, else the last column ascending. */
  static List<IndexKey> sortKeys(String message, List<String> columns) {
    List<IndexKey> keys = new ArrayList<>();
    Matcher m = message == null ? null : SORT.matcher(message);
    if (m != null && m.find()) {
      for (String part : m.group(1).split(",\\s*")) {
        Matcher k = KEY.matcher(part.strip());
        if (!k.matches()) {
          keys.clear();
          break;
        }
        keys.add(new IndexKey(IndexStatementParser.unquote(k.group(1)), k.group(2) != null, null));
      }
    }
    if (keys.isEmpty() && !columns.isEmpty()) {
      keys.add(IndexKey.asc(columns.get(columns.size() - 1)));
    }
    return keys;
  }

  private static PlanFinding mergeLike(PlanFinding a, PlanFinding b) {
    List<String> cols = new ArrayList<>(a.likeColumns());
    b.likeColumns().stream().filter(c -> !cols.contains(c)).forEach(cols::add);
    return new PlanFinding(
        a.kind(),
        a.schema(),
        a.table(),
        List.of(),
        List.of(),
        List.of(),
        cols,
        a.route(),
        a.statement(),
        a.node(),
        a.trigger(),
        a.numbers());
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
