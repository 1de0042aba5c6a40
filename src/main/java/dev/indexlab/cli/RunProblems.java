package dev.indexlab.cli;

import dev.indexlab.results.RunResults;
import java.util.ArrayList;
import java.util.List;

/**
 * What makes {@code indexlab run} exit 1: every error a scenario recorded (a failed route, a route
 * left out because its file did not parse, such as an unknown {@code :param}) and every candidate
 * whose migration failed. The summary report lists the same problems.
 */
final class RunProblems {
  private RunProblems() {}

  /** One line per problem, scenario or candidate first; empty when the run found none. */
  static List<String> of(RunResults r) {
    List<String> lines = new ArrayList<>();
    for (RunResults.ScenarioResult s : r.scenarios()) {
      if (s.errors() != null) {
        s.errors().forEach(e -> lines.add(s.name() + ": " + e));
      }
    }
    for (RunResults.CandidateResult c : r.candidates()) {
      if (c.build() != null && c.build().error() != null) {
        lines.add(c.id() + ": its migration failed: " + c.build().error());
      }
    }
    return lines;
  }
}
