package dev.indexlab.cli;

import dev.indexlab.gate.GateSettings;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How {@code baseline save} and {@code gate} measure: which routes, the JMH profile, the EXPLAIN
 * draws. Options left out take the baseline's values when there is one, else the defaults.
 */
final class GateMeasureOptions {
  @Mixin RouteOptions routes;

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      description =
          "JMH profile of one JMH run: gate (default for a baseline: 1 fork, 1x0.3 s warm-up,"
              + " 3x0.4 s), gate-round (default per A/B round: 1 fork, 1x0.3 s, 2x0.5 s), quick,"
              + " standard or thorough. A gate against a baseline uses the baseline's.")
  String profile;

  @Option(
      names = "--explain-draws",
      paramLabel = "N",
      description =
          "Parameter draws explained per route, after one warm-up run of the route (default: 3,"
              + " or the baseline's).")
  Integer explainDraws;

  @Option(
      names = "--parameter-sets",
      paramLabel = "N",
      description = "Parameter sets drawn per route for JMH (default: 1000, or the baseline's).")
  Integer parameterSets;

  @Mixin ProfileOverrides overrides;

  /** {@code defaults} with the options that were given applied. */
  GateSettings apply(GateSettings defaults) {
    GateSettings s = defaults;
    if (profile != null) {
      s = s.withProfile(GateSettings.profile(profile));
    }
    if (!overrides.none()) {
      s = s.withProfile(overrides.applyTo(s.profile()));
    }
    if (explainDraws != null) {
      s = s.withExplainDraws(DrawsOption.checked("--explain-draws", explainDraws));
    }
    if (parameterSets != null) {
      s = s.withParameterSets(parameterSets);
    }
    return s;
  }

  /** Checks the numbers given, before anything starts; a bad one is a usage error. */
  void checkNumbers() {
    if (explainDraws != null) {
      DrawsOption.checked("--explain-draws", explainDraws);
    }
    if (parameterSets != null) {
      OptionChecks.atLeast("--parameter-sets", parameterSets, 1);
    }
  }

  List<String> routes() {
    return routes.ids();
  }
}
