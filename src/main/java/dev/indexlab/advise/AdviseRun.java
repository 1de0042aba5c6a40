package dev.indexlab.advise;

import dev.indexlab.bench.WrittenTables;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.workload.Route;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The advise step on a prepared (seeded, analyzed) database: samples the workload (each route a few
 * times, rolled back) for the statements to explain and the index scans it makes, reads the
 * catalog, runs the rules, runs the what-if for every candidate, and writes the candidate folders.
 * This is what {@code indexlab advise} and {@code indexlab run} call.
 *
 * <pre>{@code
 * AdviseRun.Outcome o = AdviseRun.run(db, routes, findings, AdviseRun.Settings.defaults(dir));
 * o.whatIf().get("idx_song_history_user_id").verdict();   // PLANNER_USES
 * }</pre>
 *
 * <p>Every candidate is written, rejected ones too, with the what-if verdict in its header and
 * {@code candidate.properties}; measure only those whose {@link WhatIfVerdict#measure()} is true.
 * UNUSED_INDEX proposals need the whole workload sampled: when a route fails, none is made.
 */
public final class AdviseRun {
  private AdviseRun() {}

  /**
   * How to run: where candidates go and with which version base, the parameter seed, how many
   * invocations per route to sample (0 = do not run the workload), how many parameter sets per
   * statement to explain, and whether to run the what-if at all.
   */
  public record Settings(
      Path candidatesDir,
      int versionBase,
      long seed,
      int invocations,
      int perStatement,
      boolean whatIf) {
    /** 20 invocations per route, 2 parameter sets per statement, what-if on. */
    public static Settings defaults(Path candidatesDir, int versionBase) {
      return new Settings(candidatesDir, versionBase, 42, 20, 2, true);
    }
  }

  /** What the step found and wrote; {@code whatIf} is keyed by candidate name. */
  public record Outcome(
      Catalog catalog,
      Advice advice,
      WorkloadSample sample,
      Optional<IndexUsage> usage,
      Map<String, WhatIfResult> whatIf,
      CandidateWriter.Result written) {}

  /** Runs the step on {@code db}; see the class comment. */
  public static Outcome run(
      ConnectionSpec db, List<Route> routes, List<PlanFinding> findings, Settings settings)
      throws SQLException, IOException {
    try (Connection c = db.open()) {
      WorkloadSample sample = WorkloadSample.empty();
      Optional<IndexUsage> usage = Optional.empty();
      if (settings.invocations() > 0 && !routes.isEmpty()) {
        Map<String, Long> before = IndexUsage.snapshot(c);
        sample = WorkloadSample.run(c, routes, settings.seed(), settings.invocations());
        if (sample.failures().isEmpty()) {
          usage =
              Optional.of(IndexUsage.between(before, IndexUsage.snapshot(c), sample.describe()));
        }
      }
      Catalog catalog = CatalogReader.read(c);
      PartitionReads reads = PartitionReads.explain(c, catalog, sample);
      Advice advice = Advisor.advise(catalog, findings, usage, reads);
      Map<String, WhatIfResult> whatIf = new LinkedHashMap<>();
      if (settings.whatIf()) {
        Optional<Set<String>> deleted = Optional.empty();
        if (!routes.isEmpty()) {
          Set<String> tables = new LinkedHashSet<>();
          for (Route r : routes) {
            tables.addAll(WrittenTables.deletedFrom(c, r));
          }
          deleted = Optional.of(tables);
        }
        AffectedStatements affected =
            new AffectedStatements(catalog, sample, settings.perStatement(), deleted);
        WhatIfPlanner planner = new WhatIfPlanner(c);
        for (Candidate cand : advice.candidates()) {
          whatIf.put(cand.name(), planner.evaluate(cand, affected.forCandidate(c, cand)));
        }
      }
      CandidateWriter.Result written =
          new CandidateWriter(
                  settings.candidatesDir(), settings.versionBase(), Optional.of(catalog))
              .write(advice.candidates(), whatIf);
      return new Outcome(catalog, advice, sample, usage, whatIf, written);
    }
  }
}
