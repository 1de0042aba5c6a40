package dev.indexlab.results;

import com.fasterxml.jackson.databind.util.StdConverter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How {@code results.json} stores a {@link Finding}: the fields the report reads, in the shape the
 * file has always had ({@code findings.json} holds the whole record). The plan node and the
 * drill-down share {@code node} ({@code /0/Plan/Plans/0 via fkey_a > fkey_b}), and every number is
 * written as a double. A finding read back from {@code results.json} has no node type, no schema or
 * table of its own and no column roles: the report needs none of them, and advising starts from the
 * explain step's findings, never from this file.
 */
record StoredFinding(
    String kind,
    String route,
    Integer statement,
    String node,
    String relation,
    List<String> columns,
    String message,
    Map<String, Double> numbers) {

  /** A finding as {@code results.json} writes it. */
  static final class Out extends StdConverter<Finding, StoredFinding> {
    @Override
    public StoredFinding convert(Finding f) {
      return new StoredFinding(
          f.kind().name(),
          f.routeId(),
          f.statementIndex(),
          f.place(),
          f.relation(),
          f.columns(),
          f.message(),
          f.numbersAsDoubles());
    }
  }

  /** A finding as {@code results.json} reads it back. */
  static final class In extends StdConverter<StoredFinding, Finding> {
    @Override
    public Finding convert(StoredFinding s) {
      String node = s.node();
      int via = node == null ? -1 : node.indexOf(Finding.VIA);
      return new Finding(
          FindingKind.valueOf(s.kind()),
          s.route(),
          s.statement(),
          via < 0 ? null : node.substring(via + Finding.VIA.length()),
          via < 0 ? node : node.substring(0, via),
          null,
          s.relation(),
          null,
          null,
          s.columns() == null ? List.of() : s.columns(),
          ColumnRoles.NONE,
          s.numbers() == null ? Map.of() : new LinkedHashMap<String, Number>(s.numbers()),
          s.message());
    }
  }
}
