package dev.indexlab.bench;

import dev.indexlab.bench.BenchResults.RouteResult;
import dev.indexlab.bench.BenchResults.Stats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The compact table {@code bench} prints: one line per measured route with its latency in
 * milliseconds (mean ± JMH's 99.9% error, p50, p90, p99, max), the number of samples and the
 * profile; then one line per route that failed.
 */
public final class ResultTable {
  private static final String[] HEADER = {
    "route", "mean ms", "± error", "p50 ms", "p90 ms", "p99 ms", "max ms", "samples", "profile"
  };

  private ResultTable() {}

  /** The table for {@code results}, lines ending in {@code \n}. */
  public static String render(BenchResults results) {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADER);
    for (RouteResult r : results.routes()) {
      Stats s = r.stats();
      rows.add(
          new String[] {
            r.id(),
            ms(s.mean()),
            s.error() == null ? "n/a" : ms(s.error()),
            ms(s.p50()),
            ms(s.p90()),
            ms(s.p99()),
            ms(s.max()),
            Long.toString(s.n()),
            results.settings().profile()
          });
    }
    int[] width = new int[HEADER.length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      String[] row = rows.get(r);
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        String cell = row[i];
        boolean left = i == 0 || i == row.length - 1;
        String pad = " ".repeat(width[i] - cell.length());
        line.append(i == 0 ? "" : "  ").append(left ? cell + pad : pad + cell);
      }
      out.append(line.toString().stripTrailing()).append('\n');
      if (r == 0) {
        out.append("-".repeat(line.toString().stripTrailing().length())).append('\n');
      }
    }
    BenchResults.Settings st = results.settings();
    out.append(
        String.format(
            Locale.ROOT,
            "%d route(s) measured, %d thread(s), transactions %s, seed %d%s; %s%n",
            results.routes().size(),
            st.threads(),
            st.transactions().equals("commit") ? "COMMITTED (data changed)" : "rolled back",
            st.seed(),
            st.scale() == null ? "" : ", scale " + trim(st.scale()),
            "error = half-width of JMH's 99.9% confidence interval of the mean"));
    for (RouteProblem p : results.failures()) {
      out.append("FAILED ").append(p.route()).append(" (").append(p.stage()).append("): ");
      out.append(p.message()).append('\n');
    }
    return out.toString();
  }

  /** A latency with 3 significant decimals below 10 ms, 2 below 100, 1 above. */
  static String ms(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    double a = Math.abs(v);
    String f = a < 10 ? "%.3f" : a < 100 ? "%.2f" : "%.1f";
    return String.format(Locale.ROOT, f, v);
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
