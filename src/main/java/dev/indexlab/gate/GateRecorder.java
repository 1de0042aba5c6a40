package dev.indexlab.gate;

import dev.indexlab.IndexlabException;
import dev.indexlab.IndexlabVersion;
import dev.indexlab.Setting;
import dev.indexlab.bench.BenchSettings;
import dev.indexlab.bench.ConnectionFile;
import dev.indexlab.bench.JmhErrors;
import dev.indexlab.bench.JmhLauncher;
import dev.indexlab.bench.JmhStatistics;
import dev.indexlab.bench.Preflight;
import dev.indexlab.bench.WrittenTables;
import dev.indexlab.db.Secrets;
import dev.indexlab.db.ServerVersion;
import dev.indexlab.workload.Route;
import dev.indexlab.workload.RouteCatalog;
import dev.indexlab.workload.RouteProblem;
import dev.indexlab.workload.SampledRows;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.RunnerException;

/**
 * Measures routes on one or more {@link GateSide}s and returns one {@link Baseline} per side.
 *
 * <ol>
 *   <li>Plans first, on the untouched data: every route of every side is tried once ({@link
 *       Preflight}), then its statements are explained ({@link StatementSnapshot#capture}) and the
 *       tables its plans touch are sized ({@link RelationSizes}).
 *   <li>Then time, route by route: {@link GateSettings#rounds()} rounds, each running one JMH trial
 *       ({@link JmhLauncher}, forked JVM) per side, the sides' order alternating from round to
 *       round (A B, B A, A B ...), so slow drift of the machine hits both sides alike. A route that
 *       writes has its tables vacuumed after each run. Samples are pooled per side.
 * </ol>
 *
 * A route that fails on a side is recorded with its error on that side; it never stops the others.
 */
public final class GateRecorder {
  private final GateSettings settings;
  private final PrintWriter progress;

  /**
   * @param progress where progress lines go (stderr for the CLI)
   */
  public GateRecorder(GateSettings settings, PrintWriter progress) {
    this.settings = settings;
    this.progress = progress;
  }

  /**
   * Measures {@code routeIds} (every route when empty) on each side.
   *
   * @throws IndexlabException a usage error when an id names a route on no side
   */
  public List<Baseline> record(List<GateSide> sides, List<String> routeIds) {
    String started = Instant.now().toString();
    List<Map<String, RouteMeasurement>> state = new ArrayList<>();
    Set<String> order = new LinkedHashSet<>();
    for (GateSide side : sides) {
      state.add(select(side, routeIds, order));
    }
    for (String id : routeIds) {
      if (state.stream().noneMatch(m -> m.containsKey(id))) {
        throw IndexlabException.usage(Setting.ROUTES + " " + id + ": no such route");
      }
    }
    String postgresVersion = postgresVersion(sides.get(0));
    long t0 = System.nanoTime();
    for (int s = 0; s < sides.size(); s++) {
      // the sampling queries' rows, read once per side for its preflight and its EXPLAIN draws
      SampledRows sampled = SampledRows.forOneRun();
      for (RouteMeasurement m : state.get(s).values()) {
        if (m.runnable()) {
          capture(sides.get(s), m, sampled);
        }
      }
    }
    long t1 = System.nanoTime();
    say("gate: plans explained in %.1f s", (t1 - t0) / 1e9);
    time(sides, state, order);
    say("gate: JMH done in %.1f s", (System.nanoTime() - t1) / 1e9);
    List<Baseline> out = new ArrayList<>();
    for (int s = 0; s < sides.size(); s++) {
      out.add(baseline(sides.get(s), state.get(s), postgresVersion, started));
    }
    return out;
  }

  private Map<String, RouteMeasurement> select(GateSide side, List<String> ids, Set<String> order) {
    RouteCatalog selection = RouteCatalog.load(side.workload()).choose(ids);
    Map<String, RouteMeasurement> out = new LinkedHashMap<>();
    for (Route r : selection.routes()) {
      out.put(r.id(), new RouteMeasurement(r.id(), r, null));
      order.add(r.id());
    }
    for (RouteProblem p : selection.problems()) {
      if (p.stage() == RouteProblem.Stage.UNKNOWN) {
        continue; // not a route of this side; another side may have it
      }
      out.putIfAbsent(p.route(), new RouteMeasurement(p.route(), null, p.text()));
      order.add(p.route());
    }
    return out;
  }

  private void capture(GateSide side, RouteMeasurement m, SampledRows sampled) {
    var problem =
        Preflight.check(side.db(), m.route, side.seed(), settings.parameterSets(), sampled);
    if (problem.isPresent()) {
      m.error = problem.get().message();
      say("gate: %s (%s) cannot run: %s", m.id, side.label(), m.error);
      return;
    }
    say("gate: explaining %s (%s) ...", m.id, side.label());
    try (Connection c = side.db().open()) {
      m.statements =
          StatementSnapshot.capture(c, m.route, settings.explainDraws(), side.seed(), sampled);
      Set<String> relations = new LinkedHashSet<>();
      m.statements.forEach(
          s ->
              s.nodes().stream()
                  .filter(n -> n.relation() != null)
                  .forEach(n -> relations.add(n.relation())));
      c.setAutoCommit(true);
      m.rows = RelationSizes.rows(c, relations);
    } catch (SQLException | IndexlabException e) {
      m.error = "EXPLAIN failed: " + Secrets.maskAll(String.valueOf(e.getMessage()));
    }
  }

  /** One JMH run to make: a route on a side, and the progress line that announces it. */
  private record Task(int side, RouteMeasurement measurement, String line) {}

  private void time(
      List<GateSide> sides, List<Map<String, RouteMeasurement>> state, Set<String> order) {
    List<Task> tasks = new ArrayList<>();
    for (String id : order) {
      for (int round = 0; round < settings.rounds(); round++) {
        for (int k = 0; k < sides.size(); k++) {
          int s = round % 2 == 0 ? k : sides.size() - 1 - k;
          RouteMeasurement m = state.get(s).get(id);
          if (m == null || !m.runnable()) {
            continue;
          }
          String line =
              String.format(
                  Locale.ROOT,
                  "gate: measuring %s (%s%s) ...",
                  id,
                  sides.get(s).label(),
                  settings.rounds() > 1 ? ", round " + (round + 1) + "/" + settings.rounds() : "");
          tasks.add(new Task(s, m, line));
        }
      }
    }
    run(sides, tasks);
  }

  /** Makes the JMH runs in order, one launcher per side; a failed run marks its route. */
  private void run(List<GateSide> sides, List<Task> tasks) {
    Path log;
    try {
      log = Files.createTempFile("indexlab-gate-", ".jmh.log");
    } catch (IOException e) {
      throw IndexlabException.failed("cannot create the JMH log file: " + e.getMessage(), e);
    }
    boolean keepLog = false;
    List<ConnectionFile> files = new ArrayList<>();
    try (PrintStream logStream = new PrintStream(Files.newOutputStream(log), true, "UTF-8")) {
      List<JmhLauncher> launchers = new ArrayList<>();
      for (GateSide side : sides) {
        ConnectionFile f = ConnectionFile.write(side.db());
        files.add(f);
        launchers.add(
            new JmhLauncher(
                benchSettings(side), side.workload().directory(), f, logStream, progress));
      }
      for (Task task : tasks) {
        RouteMeasurement m = task.measurement();
        if (!m.runnable()) {
          continue;
        }
        say("%s", task.line());
        long t0 = System.nanoTime();
        try {
          RunResult run = launchers.get(task.side()).run(m.id);
          m.add(JmhStatistics.samples(run));
        } catch (RunnerException | RuntimeException e) {
          if (String.valueOf(e.getMessage()).contains("JMH lock")) {
            throw new IndexlabException(
                IndexlabException.USAGE,
                "another JMH run on this machine kept JMH's lock; run the gate alone",
                e);
          }
          m.error = "JMH failed: " + JmhErrors.describe(e) + " (JMH output in " + log + ")";
          keepLog = true;
        }
        m.seconds += (System.nanoTime() - t0) / 1e9;
        vacuum(sides.get(task.side()), m.route);
      }
    } catch (IOException e) {
      throw IndexlabException.failed("cannot write the JMH log " + log + ": " + e.getMessage(), e);
    } finally {
      files.forEach(ConnectionFile::close);
      if (!keepLog) {
        try {
          Files.deleteIfExists(log);
        } catch (IOException e) {
          // a left-over temp file is harmless
        }
      }
    }
  }

  private BenchSettings benchSettings(GateSide side) {
    return new BenchSettings(
        settings.profile(),
        1,
        false,
        side.seed(),
        settings.parameterSets(),
        side.scale(),
        "gate",
        Path.of(System.getProperty("java.io.tmpdir")));
  }

  private void vacuum(GateSide side, Route route) {
    if (!WrittenTables.writes(route)) {
      return;
    }
    try (Connection c = side.db().open()) {
      WrittenTables.vacuum(c, WrittenTables.of(c, route));
    } catch (SQLException e) {
      say("gate: VACUUM after %s (%s) failed: %s", route.id(), side.label(), e.getMessage());
    }
  }

  /** JMH runs per route in a second measurement against a stored baseline (S R, then R S). */
  static final int CONFIRM_ROUNDS = 2;

  /**
   * Against a stored baseline: measures each of {@code suspects} (route id → the unchanged route to
   * alternate with it, or null) a second time, {@value #CONFIRM_ROUNDS} JMH runs, alternating with
   * its reference route (S R, R S), so that both feel the same state of the machine: the
   * reference's ratio to its own baseline then stands for the machine factor of that moment.
   */
  public Remeasurement remeasure(GateSide side, Map<String, String> suspects) {
    RouteCatalog catalog = RouteCatalog.load(side.workload());
    Map<String, RouteMeasurement> again = new LinkedHashMap<>();
    Map<String, RouteMeasurement> references = new LinkedHashMap<>();
    Map<String, String> referenceIds = new LinkedHashMap<>();
    List<Task> tasks = new ArrayList<>();
    suspects.forEach(
        (id, ref) -> {
          Optional<Route> route = catalog.find(id);
          if (route.isEmpty()) {
            return;
          }
          RouteMeasurement s = new RouteMeasurement(id, route.get(), null);
          again.put(id, s);
          RouteMeasurement r =
              ref == null
                  ? null
                  : catalog.find(ref).map(x -> new RouteMeasurement(ref, x, null)).orElse(null);
          if (r != null) {
            references.put(id, r);
            referenceIds.put(id, ref);
          }
          for (int round = 0; round < CONFIRM_ROUNDS; round++) {
            String suffix = ", " + (round + 1) + "/" + CONFIRM_ROUNDS;
            Task mine =
                new Task(
                    0,
                    s,
                    "gate: measuring "
                        + id
                        + " again ("
                        + side.label()
                        + suffix
                        + "): slower on time alone"
                        + (r == null ? "" : ", alternating with " + ref));
            Task theirs =
                r == null
                    ? null
                    : new Task(
                        0,
                        r,
                        "gate: measuring "
                            + ref
                            + " again ("
                            + side.label()
                            + suffix
                            + "): reference for "
                            + id);
            if (round % 2 == 1 && theirs != null) {
              tasks.add(theirs);
              tasks.add(mine);
            } else {
              tasks.add(mine);
              if (theirs != null) {
                tasks.add(theirs);
              }
            }
          }
        });
    run(List.of(side), tasks);
    Map<String, RouteSnapshot> current = new LinkedHashMap<>();
    again.forEach((id, m) -> current.put(id, m.snapshot(side.workload(), settings.sampleCap())));
    Map<String, RouteSnapshot> referenceRuns = new LinkedHashMap<>();
    references.forEach(
        (id, m) -> referenceRuns.put(id, m.snapshot(side.workload(), settings.sampleCap())));
    return new Remeasurement(current, Map.of(), referenceIds, referenceRuns);
  }

  /**
   * In an interleaved A/B run: measures {@code ids} a second time on both sides, the same rounds
   * alternating as the first time. Side 0 is base, side 1 head.
   */
  public Remeasurement remeasure(List<GateSide> sides, Collection<String> ids) {
    List<Map<String, RouteMeasurement>> state = new ArrayList<>();
    for (GateSide side : sides) {
      RouteCatalog catalog = RouteCatalog.load(side.workload());
      Map<String, RouteMeasurement> m = new LinkedHashMap<>();
      for (String id : ids) {
        catalog.find(id).ifPresent(r -> m.put(id, new RouteMeasurement(id, r, null)));
      }
      state.add(m);
    }
    say("gate: measuring %s again: slower on time alone", String.join(", ", ids));
    time(sides, state, new LinkedHashSet<>(ids));
    List<Map<String, RouteSnapshot>> out = new ArrayList<>();
    for (int s = 0; s < sides.size(); s++) {
      Map<String, RouteSnapshot> snapshots = new LinkedHashMap<>();
      GateSide side = sides.get(s);
      state
          .get(s)
          .forEach((id, m) -> snapshots.put(id, m.snapshot(side.workload(), settings.sampleCap())));
      out.add(snapshots);
    }
    return new Remeasurement(out.get(out.size() - 1), out.get(0), Map.of(), Map.of());
  }

  private Baseline baseline(
      GateSide side, Map<String, RouteMeasurement> routes, String postgresVersion, String started) {
    WorkloadDigest digest = WorkloadDigest.of(side.workload());
    BaselineMeta meta =
        new BaselineMeta(
            IndexlabVersion.current(),
            side.workload().name(),
            digest.digest(),
            digest.files(),
            side.source(),
            side.scale(),
            side.seed(),
            settings.metaProfile(),
            settings.rounds(),
            settings.explainDraws(),
            settings.parameterSets(),
            postgresVersion,
            started);
    List<RouteSnapshot> out = new ArrayList<>();
    for (RouteMeasurement m : routes.values()) {
      out.add(m.snapshot(side.workload(), settings.sampleCap()));
    }
    return new Baseline(Baseline.FORMAT, meta, out);
  }

  private static String postgresVersion(GateSide side) {
    try (Connection c = side.db().open()) {
      return ServerVersion.text(c);
    } catch (SQLException e) {
      throw new IndexlabException(
          IndexlabException.USAGE,
          "cannot reach "
              + side.db().maskedUrl()
              + ": "
              + Secrets.scrub(e.getMessage(), side.db().password()),
          e);
    }
  }

  private void say(String format, Object... args) {
    progress.println(String.format(Locale.ROOT, format, args));
    progress.flush();
  }
}
