package dev.indexlab.results;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.indexlab.stats.BoxStats;
import dev.indexlab.stats.HistogramEntry;
import dev.indexlab.stats.Significance;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one {@code indexlab run} measured, as written to {@code results.json}: the
 * reproducibility header, every scenario's route timings and plans, and every candidate's
 * evaluation and decision. Reports and the gate read only this (and the plan files it names), so
 * {@code indexlab report --from} can rebuild them without touching a database.
 */
public record RunResults(
    Meta meta, List<ScenarioResult> scenarios, List<CandidateResult> candidates) {

  /** What was run, where and how. */
  public record Meta(
      String date,
      String indexlabVersion,
      String postgresVersion,
      Map<String, String> settings,
      String target,
      String workload,
      double scale,
      long seed,
      String profile,
      boolean commit,
      int threads,
      int cores,
      long memoryBytes,
      String javaVersion,
      String os,
      String scenarioDatabases,
      Rule rule) {
    /** {@link #scenarioDatabases} of a run whose scenarios ran on copies of the seeded database. */
    public static final String COPIES = "copies";

    /** {@link #scenarioDatabases} of a run that applied and reverted on the database itself. */
    public static final String IN_PLACE = "in place";

    /** True when baseline and optimized were timed side by side (each on its own copy). */
    public boolean sideBySide() {
      return COPIES.equals(scenarioDatabases);
    }
  }

  /**
   * The decision rule's settings of the run, so that reports judge "changed" with the same rule:
   * {@code minGain} and {@code maxRegression} are fractions, the others ms per call; {@code
   * minGainMs} is the significance rule's floor.
   */
  public record Rule(
      double minGain, double minGainMs, double maxRegression, double maxRegressionMs) {
    /** Default {@link #minGain()}, in percent (the unit {@code run --min-gain} takes). */
    public static final int DEFAULT_MIN_GAIN_PERCENT = 20;

    /** Default {@link #maxRegression()}, in percent (the unit {@code --max-regression} takes). */
    public static final int DEFAULT_MAX_REGRESSION_PERCENT = 10;

    /** Default {@link #maxRegressionMs()}: a slowdown under 0.5 ms per call never blocks. */
    public static final double DEFAULT_MAX_REGRESSION_MS = 0.5;

    /**
     * The defaults, the floor being {@link Significance#DEFAULT_FLOOR_MS}. Reports also judge a
     * results.json that predates {@code meta.rule} by them, which is right only while they are the
     * defaults that run had: should one change, give such files the old figures instead.
     */
    public static final Rule DEFAULTS =
        new Rule(
            DEFAULT_MIN_GAIN_PERCENT / 100.0,
            Significance.DEFAULT_FLOOR_MS,
            DEFAULT_MAX_REGRESSION_PERCENT / 100.0,
            DEFAULT_MAX_REGRESSION_MS);

    /** The significance rule the run decided with. */
    public Significance significance() {
      return Significance.withFloor(minGainMs);
    }
  }

  /** One isolated database copy: baseline, a candidate, or the accepted set ("optimized"). */
  public record ScenarioResult(
      String name, List<String> candidates, List<RouteResult> routes, List<String> errors) {

    /** The routes by id, in order. */
    public Map<String, RouteResult> byId() {
      Map<String, RouteResult> m = new LinkedHashMap<>();
      routes.forEach(r -> m.put(r.id(), r));
      return m;
    }
  }

  /**
   * One route in one scenario: JMH timing and the EXPLAIN capture of each statement. {@code
   * hotUpdateShare} is the share (0..1) of the rows the route updated during its EXPLAIN capture
   * that were heap-only tuple updates, from {@code pg_stat_user_tables} (null when the route
   * updates nothing or it was not measured); {@code draws} its per-draw EXPLAIN totals (null in
   * results written before they were recorded); {@code description} the route file's
   * {@code @description} (null when it has none, or in results written before it was recorded).
   */
  public record RouteResult(
      String id,
      String name,
      String file,
      double weight,
      boolean writes,
      Timing timing,
      List<StatementCapture> statements,
      String error,
      Double hotUpdateShare,
      Draws draws,
      String description) {

    /**
     * The route's EXPLAIN time: the median over its draws of each draw's total (every statement of
     * one execution of the route, cascades included); without per-draw figures, the sum of the
     * statements' medians.
     */
    public double explainMs() {
      if (draws != null && !draws.totalsMs().isEmpty()) {
        return draws.medianMs();
      }
      return statements == null
          ? 0
          : statements.stream().mapToDouble(StatementCapture::medianExecutionMs).sum();
    }

    /** This route with {@code other} as its JMH timing. */
    public RouteResult withTiming(Timing other) {
      return new RouteResult(
          id,
          name,
          file,
          weight,
          writes,
          other,
          statements,
          error,
          hotUpdateShare,
          draws,
          description);
    }
  }

  /**
   * A route's EXPLAIN draws: each draw is one execution of the whole route with one parameter set
   * (draw k uses the same values in every scenario of a run). {@code totalsMs} holds each draw's
   * execution time, its statements summed (cascades included), in draw order; {@code shown} is the
   * draw whose plans the pages show (the baseline's median draw, the same one in every scenario),
   * and {@code shownParameters} its parameter values as text.
   */
  public record Draws(List<Double> totalsMs, int shown, Map<String, String> shownParameters) {
    /** The median of the draws' totals. */
    public double medianMs() {
      double[] v = totalsMs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      int n = v.length;
      return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
  }

  /**
   * A route's JMH SampleTime figures in one scenario, in milliseconds, as {@code
   * BenchResults.RouteResult.timing()} derives them. Each {@code histogram} entry is a bucket (see
   * {@link dev.indexlab.stats.LogHistogram#buckets()}) or a raw value, in ascending order ({@link
   * HistogramEntry} says how each is written); reports interpolate the percentiles not stored here
   * (p5, p25, p75) for the box plot ({@link #box()}). {@code reusedFrom} names the scenario whose
   * timing this is when the route was not timed again here (the optimized scenario's routes that
   * read and write no table the accepted set changes, and run the baseline's plans); null when
   * measured here.
   */
  public record Timing(
      double mean,
      double error,
      double p50,
      double p90,
      double p95,
      double p99,
      double max,
      long samples,
      List<HistogramEntry> histogram,
      String reusedFrom,
      double[] values) {

    /** This timing, standing in for a scenario that did not time the route again. */
    public Timing reusedFrom(String scenario) {
      return new Timing(mean, error, p50, p90, p95, p99, max, samples, histogram, scenario, values);
    }

    /** Whether the sample values the significance rule compares were kept. */
    public boolean hasValues() {
      return values != null && values.length > 0;
    }

    /** The box plot of this timing ({@link BoxStats#of(double, double, double, List)}). */
    public Optional<BoxStats> box() {
      return BoxStats.of(p50, p95, p99, histogram);
    }
  }

  /**
   * EXPLAIN (ANALYZE, BUFFERS, WAL) of one statement over several parameter draws; {@code draws} is
   * how many were explained (fewer than asked when the capture stopped early on a route many times
   * slower than in the baseline; 0 when not recorded). {@code findings} are the explain step's
   * findings in the plans shown, in the shape {@link StoredFinding} gives them in the file.
   */
  public record StatementCapture(
      int index,
      String label,
      String sql,
      double medianExecutionMs,
      double minExecutionMs,
      double maxExecutionMs,
      double planningMs,
      long sharedHit,
      long sharedRead,
      long walBytes,
      String planText,
      String planJsonFile,
      List<Trigger> triggers,
      List<DrillDown> drillDowns,
      @JsonSerialize(contentConverter = StoredFinding.Out.class)
          @JsonDeserialize(contentConverter = StoredFinding.In.class)
          List<Finding> findings,
      List<String> indexesUsed,
      List<String> nodeTypes,
      String error,
      int draws,
      long rowsExamined) {

    /** Shared buffers touched per execution (hit + read). */
    public long sharedBuffers() {
      return sharedHit + sharedRead;
    }
  }

  /** A constraint trigger's time in one execution. */
  public record Trigger(String name, String relation, double timeMs, long calls) {}

  /** The statement a foreign key's action runs, explained with the real key value. */
  public record DrillDown(
      String constraint,
      String referencingTable,
      List<String> columns,
      String action,
      String sql,
      double executionMs,
      long sharedBuffers,
      String planText,
      List<DrillDown> nested) {}

  /** One candidate's evaluation against the baseline. */
  public record CandidateResult(
      String id,
      String kind,
      String description,
      List<String> ddl,
      List<String> reasons,
      String productionMigration,
      WhatIf whatIf,
      Build build,
      List<String> affectedRoutes,
      List<RouteDelta> deltas,
      String equivalence,
      Decision decision,
      List<String> credited) {

    /** The same result with another decision. */
    public CandidateResult withDecision(Decision other) {
      return with(other, credited);
    }

    /**
     * The same result credited with {@code routes}: the routes whose optimized plans use its
     * indexes, or that it rewrites. A route's gain belongs to the candidates it credits.
     */
    public CandidateResult withCredited(List<String> routes) {
      return with(decision, List.copyOf(routes));
    }

    private CandidateResult with(Decision decision, List<String> credited) {
      return new CandidateResult(
          id,
          kind,
          description,
          ddl,
          reasons,
          productionMigration,
          whatIf,
          build,
          affectedRoutes,
          deltas,
          equivalence,
          decision,
          credited);
    }
  }

  /** The cheap planner check before building anything. */
  public record WhatIf(boolean plannerWouldUse, List<String> details) {}

  /** What building the candidate cost. */
  public record Build(
      long millis,
      long bytes,
      List<String> indexes,
      String error,
      List<PartitionedIndex> partitioned) {
    public Build {
      partitioned = partitioned == null ? List.of() : List.copyOf(partitioned);
    }

    /** A build that made no index on a partitioned table. */
    public Build(long millis, long bytes, List<String> indexes, String error) {
      this(millis, bytes, indexes, error, List.of());
    }
  }

  /**
   * An index a candidate built on a partitioned table ({@code table}, {@code schema.table}): one
   * index on the parent and one per partition, {@code partitions} of them, {@code bytes} in all.
   */
  public record PartitionedIndex(String index, String table, int partitions, long bytes) {}

  /**
   * One route before and after a candidate. {@code jmh} is the significance rule's comparison of
   * the two sides' JMH samples (null when JMH did not time both sides); {@code
   * hotUpdateShareBefore/After} are the share (0..1) of the route's updates of the indexed table
   * that were heap-only tuple updates, from {@code pg_stat_user_tables.n_tup_hot_upd / n_tup_upd};
   * null when not measured or the route updates nothing.
   */
  public record RouteDelta(
      String route,
      double meanBeforeMs,
      double meanAfterMs,
      double p95BeforeMs,
      double p95AfterMs,
      double explainBeforeMs,
      double explainAfterMs,
      long buffersBefore,
      long buffersAfter,
      long walBytesBefore,
      long walBytesAfter,
      boolean writesIndexedTable,
      boolean usesCandidate,
      Significance.Change jmh,
      Double hotUpdateShareBefore,
      Double hotUpdateShareAfter,
      long rowsExaminedBefore,
      long rowsExaminedAfter) {

    /**
     * Whether the route's work fell by at least {@code fraction} (0.2 = a fifth): its shared
     * buffers, or the rows its scans examined (when both sides recorded them).
     */
    public boolean workFellBy(double fraction) {
      boolean rows =
          rowsExaminedBefore > 0
              && rowsExaminedAfter >= 0
              && rowsExaminedAfter <= rowsExaminedBefore * (1 - fraction);
      return buffersAfter <= buffersBefore * (1 - fraction) || rows;
    }

    /** Whether JMH timed neither side: the candidate was decided on its EXPLAIN figures. */
    public boolean untimed() {
      return Double.isNaN(meanBeforeMs) && Double.isNaN(meanAfterMs);
    }

    /** Whether the significance rule calls the JMH difference a change (either way). */
    public boolean significant() {
      return jmh != null && jmh.changed();
    }

    /** This delta for a route the candidate rewrites: its new SQL is the candidate in use. */
    public RouteDelta asUsed() {
      return new RouteDelta(
          route,
          meanBeforeMs,
          meanAfterMs,
          p95BeforeMs,
          p95AfterMs,
          explainBeforeMs,
          explainAfterMs,
          buffersBefore,
          buffersAfter,
          walBytesBefore,
          walBytesAfter,
          writesIndexedTable,
          true,
          jmh,
          hotUpdateShareBefore,
          hotUpdateShareAfter,
          rowsExaminedBefore,
          rowsExaminedAfter);
    }
  }

  /** Accepted or rejected, and the rule that decided. */
  public record Decision(boolean accepted, String reason, double weightedMsSavedPerMinute) {
    /** "accepted — reason" or "rejected — reason", as the run's log says it. */
    public String describe() {
      return (accepted ? "accepted" : "rejected") + " — " + reason;
    }
  }
}
