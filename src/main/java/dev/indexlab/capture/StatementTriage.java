package dev.indexlab.capture;

import dev.indexlab.capture.ParameterUse.TableRef;
import dev.indexlab.text.OneLine;
import dev.indexlab.workload.SqlScanner;
import java.util.Locale;
import java.util.Optional;
import net.sf.jsqlparser.JSQLParserException;

/**
 * Sorts captured statements: utility statements (no SELECT, INSERT, UPDATE or DELETE), catalog
 * queries (a table in {@code pg_catalog} or {@code information_schema}, or a {@code pg_*} one),
 * indexlab's own statements (its {@code indexlab_*} tables and Flyway's history) and statements
 * that read no table are left out; the rest are kept with their parse, or with the reason the
 * parser could not read them.
 */
final class StatementTriage {
  static final String UTILITY = "utility";
  static final String CATALOG = "catalog";
  static final String OWN = "indexlab's own";
  static final String NO_TABLE = "no table";

  private StatementTriage() {}

  /** The verdict on one statement: left out (with the reason) or kept (parsed, or not). */
  record Verdict(String leftOut, ParsedStatement parsed, String parseError) {}

  static Verdict of(String sql) {
    if (StatementParser.dataVerb(sql).isEmpty()) {
      return new Verdict(UTILITY, null, null);
    }
    if (SqlScanner.split(sql).size() > 1) {
      // one entry is one statement; several would be run together by the PREPARE that types them
      return new Verdict(null, null, "holds more than one statement");
    }
    ParsedStatement p;
    try {
      p = StatementParser.parse(sql);
    } catch (JSQLParserException | RuntimeException e) {
      String m = e.getMessage() == null ? e.toString() : e.getMessage();
      return new Verdict(null, null, "JSqlParser could not read it: " + firstLine(m));
    }
    if (p.tables().isEmpty()) {
      return new Verdict(NO_TABLE, p, null);
    }
    Optional<String> out =
        p.tables().stream().map(StatementTriage::kind).flatMap(Optional::stream).findFirst();
    return out.map(k -> new Verdict(k, p, null)).orElseGet(() -> new Verdict(null, p, null));
  }

  private static Optional<String> kind(TableRef t) {
    String schema = t.schema() == null ? null : StatementParser.unquote(t.schema());
    String name = t.plainName().toLowerCase(Locale.ROOT);
    if ("pg_catalog".equals(schema)
        || "information_schema".equals(schema)
        || (schema == null && name.startsWith("pg_"))) {
      return Optional.of(CATALOG);
    }
    if (name.startsWith("indexlab_") || name.equals("flyway_schema_history")) {
      return Optional.of(OWN);
    }
    return Optional.empty();
  }

  private static String firstLine(String s) {
    String line = OneLine.first(s.strip());
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}
