package dev.indexlab.report;

import dev.indexlab.Setting;
import dev.indexlab.results.RunResults;
import dev.indexlab.results.RunResults.CandidateResult;
import dev.indexlab.results.RunResults.RouteDelta;
import dev.indexlab.results.RunResults.RouteResult;
import dev.indexlab.results.RunResults.ScenarioResult;
import dev.indexlab.results.RunResults.StatementCapture;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Lookups over one run's results, shared by every page: the baseline, optimized and per-candidate
 * scenarios, routes by id, candidates in report order, and each candidate's page file name; and the
 * command line's name for a setting a page mentions.
 */
final class RunIndex {
  static final String BASELINE = "baseline";
  static final String OPTIMIZED = "optimized";

  /** Pages the report writes besides candidate pages; a candidate never takes these names. */
  static final Set<String> RESERVED_PAGES = Set.of("readme", "routes", "results", "index");

  private final RunResults results;
  private final Function<Setting, String> flags;
  private final Map<String, String> pageNames = new LinkedHashMap<>();
  private final ChangeWording wording;
  private final Map<String, RouteComparison> comparisons = new LinkedHashMap<>();

  /**
   * @param flags the command line's flag for each setting ({@code cli} knows them): a page names
   *     one in prose that goes into a file, where no {@code cli} writer renders a mark
   */
  RunIndex(RunResults results, Function<Setting, String> flags) {
    this.results = results;
    this.flags = flags;
    this.wording = new ChangeWording(results.meta() == null ? null : results.meta().rule());
    Set<String> taken = new HashSet<>();
    for (CandidateResult c : candidates()) {
      String base = fileSafe(c.id());
      if (RESERVED_PAGES.contains(base.toLowerCase(Locale.ROOT))) {
        base = base + "-candidate";
      }
      String name = base;
      for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
        name = base + "-" + n;
      }
      pageNames.put(c.id(), name + ".md");
    }
  }

  RunResults results() {
    return results;
  }

  /** The flag that gives {@code s}, for a page's prose. */
  String flag(Setting s) {
    return flags.apply(s);
  }

  /** The route's baseline against optimized comparison, computed once (the test resamples). */
  RouteComparison comparison(String routeId) {
    return comparisons.computeIfAbsent(routeId, id -> RouteComparison.compute(this, id));
  }

  /** The words for changes, by the run's own decision rule. */
  ChangeWording wording() {
    return wording;
  }

  /** The scenario named "baseline", else the first one; null when there is none. */
  ScenarioResult baseline() {
    ScenarioResult named = scenario(BASELINE);
    if (named != null) {
      return named;
    }
    return scenarios().isEmpty() ? null : scenarios().get(0);
  }

  /** The scenario named "optimized"; null when the run had none (nothing accepted). */
  ScenarioResult optimized() {
    return scenario(OPTIMIZED);
  }

  /** The candidate's own scenario: named like it, or the only one that applies it alone. */
  ScenarioResult scenarioOf(CandidateResult candidate) {
    ScenarioResult named = scenario(candidate.id());
    if (named != null) {
      return named;
    }
    for (ScenarioResult s : scenarios()) {
      if (s.candidates() != null && s.candidates().equals(List.of(candidate.id()))) {
        return s;
      }
    }
    return null;
  }

  ScenarioResult scenario(String name) {
    for (ScenarioResult s : scenarios()) {
      if (name.equals(s.name())) {
        return s;
      }
    }
    return null;
  }

  List<ScenarioResult> scenarios() {
    return results.scenarios() == null ? List.of() : results.scenarios();
  }

  /** The route of {@code scenario} whose id (or else name) is {@code route}; null if absent. */
  static RouteResult route(ScenarioResult scenario, String route) {
    if (scenario == null || scenario.routes() == null || route == null) {
      return null;
    }
    for (RouteResult r : scenario.routes()) {
      if (route.equals(r.id())) {
        return r;
      }
    }
    for (RouteResult r : scenario.routes()) {
      if (route.equals(r.name())) {
        return r;
      }
    }
    return null;
  }

  /** The statement with {@code index} of a route; null if absent. */
  static StatementCapture statement(RouteResult route, int index) {
    if (route == null || route.statements() == null) {
      return null;
    }
    for (StatementCapture s : route.statements()) {
      if (s.index() == index) {
        return s;
      }
    }
    return null;
  }

  /**
   * Whether {@code after} runs other SQL than {@code before} (ignoring surrounding blanks): the
   * statement was rewritten. False when {@code after} is absent or has no SQL.
   */
  static boolean rewritten(StatementCapture before, StatementCapture after) {
    return after != null
        && after.sql() != null
        && !after.sql().strip().equals(before.sql() == null ? "" : before.sql().strip());
  }

  static List<StatementCapture> statements(RouteResult route) {
    return route == null || route.statements() == null ? List.of() : route.statements();
  }

  /** The display name of a route id: its name in the baseline (or any scenario), else the id. */
  String routeName(String routeId) {
    RouteResult r = route(baseline(), routeId);
    for (int i = 0; r == null && i < scenarios().size(); i++) {
      r = route(scenarios().get(i), routeId);
    }
    return r == null || r.name() == null ? routeId : r.name();
  }

  /** Candidates: accepted first by weighted time saved (largest first), then rejected; by id. */
  List<CandidateResult> candidates() {
    List<CandidateResult> list =
        new ArrayList<>(results.candidates() == null ? List.of() : results.candidates());
    list.sort(
        Comparator.comparing((CandidateResult c) -> !accepted(c))
            .thenComparingDouble(c -> -saved(c))
            .thenComparing(CandidateResult::id, Comparator.nullsFirst(Comparator.naturalOrder())));
    return list;
  }

  /**
   * Whether {@code c} is a rewrite that changes the application's API ({@code API_REWRITE}):
   * measured against the route it replaces, never accepted.
   */
  static boolean changesApi(CandidateResult c) {
    return UnfixedFindings.API_REWRITE.equalsIgnoreCase(c.kind() == null ? "" : c.kind().strip());
  }

  /** Whether {@code c} rewrites a route's SQL: a plain rewrite, or one that changes the API. */
  static boolean isRewrite(CandidateResult c) {
    return "rewrite".equalsIgnoreCase(c.kind()) || changesApi(c);
  }

  static boolean accepted(CandidateResult c) {
    return c.decision() != null && c.decision().accepted();
  }

  static double saved(CandidateResult c) {
    if (c.decision() == null || !Double.isFinite(c.decision().weightedMsSavedPerMinute())) {
      return 0;
    }
    return c.decision().weightedMsSavedPerMinute();
  }

  static List<RouteDelta> deltas(CandidateResult c) {
    return c.deltas() == null ? List.of() : c.deltas();
  }

  /** A delta's JMH time of one side: the median (the rule's), else the mean older results kept. */
  static double jmhMs(RouteDelta d, boolean before) {
    if (d.jmh() != null) {
      return before ? d.jmh().medianBefore() : d.jmh().medianAfter();
    }
    return before ? d.meanBeforeMs() : d.meanAfterMs();
  }

  /** The file name of a candidate's write-up, e.g. {@code song_history_user_id.md}. */
  String pageOf(CandidateResult candidate) {
    return pageNames.get(candidate.id());
  }

  /** {@code id} reduced to letters, digits, {@code . _ -}; never empty. */
  static String fileSafe(String id) {
    String safe = id == null ? "" : id.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[.-]+", "");
    return safe.isEmpty() ? "candidate" : safe;
  }
}
