package dev.indexlab.capture;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which statements become routes: most total time first, those with fewer than {@code minCalls}
 * calls passed over, until {@code top} are taken or the taken ones add up to {@code share} of the
 * total time of all the statements offered.
 *
 * @param chosen the statements taken, most total time first
 * @param belowMinCalls how many were passed over for {@code --min-calls}
 * @param chosenShare the fraction of the total time the chosen statements account for
 * @param totalMs the total time of every statement offered
 */
record StatementSelection(
    List<Candidate> chosen, int belowMinCalls, double chosenShare, double totalMs) {

  /** A statement offered for selection, with what the capture already knows of it. */
  record Candidate(CapturedStatement statement, Object detail) {}

  StatementSelection {
    chosen = List.copyOf(chosen);
  }

  static StatementSelection select(List<Candidate> offered, int top, long minCalls, double share) {
    List<Candidate> sorted = new ArrayList<>(offered);
    sorted.sort(
        Comparator.comparingDouble((Candidate c) -> c.statement().totalMs())
            .reversed()
            .thenComparing(c -> c.statement().sql()));
    double total = sorted.stream().mapToDouble(c -> c.statement().totalMs()).sum();
    List<Candidate> chosen = new ArrayList<>();
    int below = 0;
    double taken = 0;
    for (Candidate c : sorted) {
      if (chosen.size() >= top || (total > 0 && taken >= share * total)) {
        break;
      }
      if (c.statement().calls() < minCalls) {
        below++;
        continue;
      }
      chosen.add(c);
      taken += c.statement().totalMs();
    }
    return new StatementSelection(chosen, below, total > 0 ? taken / total : 0, total);
  }
}
