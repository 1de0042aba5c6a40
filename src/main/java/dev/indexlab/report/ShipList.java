package dev.indexlab.report;

import dev.indexlab.report.ChangeWording.Verdict;
import dev.indexlab.results.RunResults.Build;
import dev.indexlab.results.RunResults.CandidateResult;
import dev.indexlab.results.RunResults.RouteDelta;
import dev.indexlab.text.ReportFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The summary's "What to ship": the production migrations of the accepted set in the order to apply
 * them, each with its size, build time, lock, the routes it speeds up and the write cost it adds;
 * then the caveats that apply (a table rewrite under an exclusive lock, an order that decays, a
 * write route that got slower).
 */
final class ShipList {
  private final RunIndex run;

  ShipList(RunIndex run) {
    this.run = run;
  }

  String render(List<RouteComparison> comparisons) {
    List<CandidateResult> accepted = run.candidates().stream().filter(RunIndex::accepted).toList();
    StringBuilder out = new StringBuilder("## What to ship\n\n");
    if (accepted.isEmpty()) {
      return out.append("Nothing: no candidate was accepted.\n\n").toString();
    }
    out.append(
        "The accepted set, in the order to apply it: the order indexlab ranks it (largest"
            + " weighted saving first), so a candidate accepted on top of the accepted set comes"
            + " after the ones it was measured with. Each production migration is on its write-up"
            + " page and in the stories above.\n\n");
    int n = 1;
    for (CandidateResult c : accepted) {
      out.append(n++).append(". ").append(item(c)).append('\n');
    }
    out.append('\n');
    List<String> caveats = caveats(accepted, comparisons);
    if (!caveats.isEmpty()) {
      out.append("Caveats:\n\n");
      caveats.forEach(c -> out.append("- ").append(c).append('\n'));
      out.append('\n');
    }
    return out.toString();
  }

  private String item(CandidateResult c) {
    StringBuilder s = new StringBuilder();
    s.append(MarkdownText.link(c.id(), run.pageOf(c)))
        .append(" (")
        .append(SummaryPage.text(c.kind()))
        .append("): ");
    Build b = c.build();
    if (b != null && b.error() == null && b.bytes() > 0) {
      s.append(ReportFormat.bytes(b.bytes())).append(" on disk, built in ");
      s.append(b.millis() >= 0 ? ReportFormat.grouped(b.millis()) + " ms" : "an unrecorded time");
      s.append(" on the seeded copy; ");
    }
    s.append(lock(c)).append(". ");
    List<String> faster = new ArrayList<>();
    List<String> writes = new ArrayList<>();
    for (RouteDelta d : RunIndex.deltas(c)) {
      Verdict v = ChangeWording.verdict(d.jmh());
      String name = MarkdownText.text(run.routeName(d.route()));
      if (d.usesCandidate() && v.improved()) {
        faster.add(
            name
                + " (JMH -"
                + dev.indexlab.stats.Numbers.percentChange(
                    d.jmh().medianBefore(), d.jmh().medianAfter())
                + "%)");
      }
      if (d.writesIndexedTable() && d.jmh() != null) {
        writes.add(
            name
                + " "
                + ChangeWording.signedMs(d.jmh().medianBefore(), d.jmh().medianAfter())
                + " ms per call ("
                + v.words()
                + ")");
      }
    }
    if (c.credited() != null && !c.credited().isEmpty()) {
      // the routes the run credits it with, as the summary's side-by-side timing has them
      faster.clear();
      for (String route : c.credited()) {
        RouteComparison r = RouteComparison.of(run, route);
        if (r.verdict().improved()) {
          faster.add(
              MarkdownText.text(run.routeName(route))
                  + " (with the accepted set, JMH "
                  + ChangeWording.signedPercent(r.medianBefore(), r.medianAfter())
                  + ")");
        }
      }
    }
    s.append(
        faster.isEmpty()
            ? "Speeds up: see its page (measured on top of the accepted set)"
            : "Speeds up " + String.join(", ", faster));
    if (!writes.isEmpty()) {
      s.append("; write cost, JMH median on its own: ").append(String.join(", ", writes));
    }
    return s.append('.').toString();
  }

  /** The lock the production migration takes, read from its statements. */
  static String lock(CandidateResult c) {
    String sql =
        c.productionMigration() == null ? "" : c.productionMigration().toUpperCase(Locale.ROOT);
    if (sql.contains("CLUSTER ") || sql.contains("VACUUM FULL")) {
      return "its migration rewrites the table under an ACCESS EXCLUSIVE lock (reads and writes wait)";
    }
    if (sql.contains("CONCURRENTLY")) {
      return "CREATE INDEX CONCURRENTLY takes a SHARE UPDATE EXCLUSIVE lock: reads and writes go on";
    }
    if (RunIndex.isRewrite(c)) {
      return "ships with the route's new SQL (an application change)";
    }
    return "lock: see its migration";
  }

  private List<String> caveats(List<CandidateResult> accepted, List<RouteComparison> routes) {
    List<String> out = new ArrayList<>();
    for (CandidateResult c : accepted) {
      String sql =
          c.productionMigration() == null ? "" : c.productionMigration().toUpperCase(Locale.ROOT);
      if (sql.contains("CLUSTER ")) {
        out.add(
            MarkdownText.code(c.id())
                + " runs CLUSTER: it holds an ACCESS EXCLUSIVE lock on the table for as long as the"
                + " rewrite takes, and the order it creates decays as new rows are appended, so it"
                + " must be redone from time to time (pg_repack does the same without the long"
                + " lock).");
      }
    }
    for (RouteComparison r : routes) {
      if (r.verdict().regressed()) {
        out.add(
            MarkdownText.text(run.routeName(r.routeId()))
                + " got slower with the accepted set: "
                + ChangeWording.fromTo(r.medianBefore(), r.medianAfter(), r.verdict())
                + " per call (JMH median), "
                + ChangeWording.signedMs(r.medianBefore(), r.medianAfter())
                + " ms.");
      }
    }
    return out;
  }
}
