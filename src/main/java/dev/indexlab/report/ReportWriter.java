package dev.indexlab.report;

import dev.indexlab.IndexlabException;
import dev.indexlab.Setting;
import dev.indexlab.results.RunResults;
import dev.indexlab.results.RunResults.CandidateResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Writes the markdown report of a run: a summary, one write-up per candidate, a page with every
 * route's plans, two SVG charts, a copy of {@code results.json} and the plan JSON files the pages
 * link to.
 *
 * <pre>{@code
 * RunResults results = RunResultsJson.read(resultsDir.resolve(RunResultsJson.FILE_NAME));
 * List<String> files = new ReportWriter(results, resultsDir, flags).writeTo(Path.of("reports"));
 * }</pre>
 *
 * <p>Layout of the output directory:
 *
 * <pre>
 * README.md                        summary: setup, route table, charts, candidates, links
 * &lt;candidate-id&gt;.md                 one write-up per candidate
 * routes.md                        every route, statement by statement, plans before and after
 * charts/route-times.svg           mean time per route, baseline vs optimized, log scale
 * charts/latency-distribution.svg  distributions of the routes that changed most
 * results.json                     the results the pages were made from
 * plans/...                        plan JSON files, at their path relative to the results dir
 * </pre>
 *
 * <p>The output depends on the results and the plan files only: the same input gives the same bytes
 * (no clock, no locale, stable order). Nothing is deleted from the output directory; files of an
 * earlier report that this one does not write stay as they were.
 */
public final class ReportWriter {
  /** The summary page's file name. */
  public static final String SUMMARY = "README.md";

  private final RunResults results;
  private final Path resultsDir;
  private final Function<Setting, String> flags;

  /**
   * @param results the run to report
   * @param resultsDir the directory that the plan file paths in {@code results} are relative to
   * @param flags the command line's flag for each setting, for the pages' prose ({@code cli}'s)
   */
  public ReportWriter(RunResults results, Path resultsDir, Function<Setting, String> flags) {
    if (results == null || results.meta() == null) {
      throw IndexlabException.usage("cannot write a report: the results have no meta section");
    }
    this.results = results;
    this.resultsDir = resultsDir;
    this.flags = flags;
  }

  /**
   * Writes the report into {@code outDir} (created if needed), removing what an earlier report
   * wrote there and this one does not ({@link ReportManifest}).
   *
   * @return every file written, relative to {@code outDir} with {@code /} separators, sorted
   * @throws IndexlabException (job failed) when a file cannot be written
   */
  public List<String> writeTo(Path outDir) {
    RunIndex run = new RunIndex(results, flags);
    PlanFiles plans = new PlanFiles(resultsDir, outDir);
    List<String> routeIds = new ArrayList<>();
    for (RouteTable.Slot slot : new RouteTable(run).order()) {
      if (slot.routeId() != null) {
        routeIds.add(slot.routeId());
      }
    }
    Map<String, String> pages = new TreeMap<>();
    for (CandidateResult c : run.candidates()) {
      pages.put(run.pageOf(c), new CandidatePage(run, c, plans).render());
    }
    pages.put(RoutesPage.FILE, new RoutesPage(run, routeIds, plans).render());
    ReportCharts charts = new ReportCharts(run, routeIds);
    charts.routeTimes().ifPresent(svg -> pages.put(ReportCharts.ROUTE_TIMES, svg));
    charts.distribution().ifPresent(svg -> pages.put(ReportCharts.DISTRIBUTION, svg));
    pages.put(
        SUMMARY,
        new SummaryPage(
                run,
                plans,
                pages.containsKey(ReportCharts.ROUTE_TIMES),
                pages.containsKey(ReportCharts.DISTRIBUTION))
            .render());
    pages.put(RunResultsJson.FILE_NAME, RunResultsJson.toJson(results));
    try {
      for (Map.Entry<String, String> page : pages.entrySet()) {
        Path file = outDir.resolve(page.getKey());
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, page.getValue(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw IndexlabException.failed(
          "cannot write the report to " + outDir + ": " + e.getMessage(), e);
    }
    TreeSet<String> written = new TreeSet<>(pages.keySet());
    written.addAll(plans.copied());
    written.addAll(plans.copiedText());
    ReportManifest.replace(outDir, List.copyOf(written));
    return List.copyOf(written);
  }
}
