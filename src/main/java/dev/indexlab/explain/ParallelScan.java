package dev.indexlab.explain;

import dev.indexlab.explain.PlanWalk.Visit;
import java.util.Optional;

/**
 * A scan that several processes of a parallel plan ran together: the node is parallel aware, and
 * each process (the leader, when it takes part, and each worker its Gather launched) ran one loop.
 * PostgreSQL prints such a node's rows and time per loop, averaged over the processes and rounded:
 * its rows are counted as PostgreSQL counts them, per loop times loops, and only "about" so; its
 * time per loop is one process's, spent at the same time as the others', so it is never multiplied
 * by the processes (the statement's own Execution Time says how long the scan took).
 */
record ParallelScan(int processes, int workers) {

  /** The node of {@code v} as a parallel scan, when it was one and ran in more than one loop. */
  static Optional<ParallelScan> of(Visit v) {
    PlanNode n = v.node();
    Double loops = n.actualLoops();
    if (!n.parallelAware() || loops == null || loops < 2) {
      return Optional.empty();
    }
    int processes = (int) Math.round(loops);
    Long launched = null;
    for (PlanNode a : v.ancestors()) {
      if ("Gather".equals(a.nodeType()) || "Gather Merge".equals(a.nodeType())) {
        launched = a.workersLaunched();
        break;
      }
    }
    return Optional.of(
        new ParallelScan(processes, launched == null ? processes - 1 : launched.intValue()));
  }

  /** Whether the leader ran a loop of its own besides the workers. */
  boolean leaderTookPart() {
    return processes == workers + 1;
  }

  /** "run by 3 processes (the leader and 2 workers)", or "2 workers", or "in 6 loops". */
  String who() {
    String w = workers + (workers == 1 ? " worker" : " workers");
    if (leaderTookPart()) {
      return "run by " + processes + " processes (the leader and " + w + ")";
    }
    if (processes == workers) {
      return "run by " + w + " (the leader took no part)";
    }
    return "run in " + processes + " loops by the leader and its workers";
  }
}
