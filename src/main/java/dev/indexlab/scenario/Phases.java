package dev.indexlab.scenario;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Wall time per phase of a run (baseline, advise, candidates, second looks, leave-one-out, the
 * optimized scenario), added up over every time the phase is entered: where a run's time goes, for
 * its last lines. One phase runs at a time; entering one ends the one before.
 */
final class Phases {
  private final Map<String, Double> seconds = new LinkedHashMap<>();
  private String current;
  private long startedNanos;

  /** Ends the current phase, if any, and starts {@code phase}. */
  void enter(String phase) {
    end();
    current = phase;
    startedNanos = System.nanoTime();
  }

  /** Ends the current phase, if any. */
  void end() {
    if (current != null) {
      seconds.merge(current, (System.nanoTime() - startedNanos) / 1e9, Double::sum);
      current = null;
    }
  }

  /** Seconds per phase, in the order the phases were first entered. */
  Map<String, Double> seconds() {
    return Map.copyOf(seconds);
  }

  /** "baseline 43 s, advise 14 s, candidates 106 s, …". */
  String describe() {
    return seconds.entrySet().stream()
        .map(e -> String.format(Locale.ROOT, "%s %.0f s", e.getKey(), e.getValue()))
        .collect(Collectors.joining(", "));
  }
}
