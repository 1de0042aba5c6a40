package dev.indexlab.scenario;

import dev.indexlab.explain.RouteCapture;
import dev.indexlab.results.RunResults;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which routes the end of a run times again, side by side, on the baseline and the optimized
 * scenario: a route the accepted set rewrites, a route that reads or writes a table it changes (an
 * index added or dropped, or the table rewritten, as CLUSTER does), a route whose optimized plans
 * differ from its baseline plans, and a route whose capture failed. Any other route runs the
 * baseline's plans on the same tables with the same indexes: timing it twice would only measure the
 * machine, so its start-of-run timing stands for both scenarios.
 */
final class RetimedRoutes {
  private RetimedRoutes() {}

  /**
   * The ids among {@code optimized} (route ids) to time again.
   *
   * @param changedTables {@code schema.table} names the accepted set changed
   * @param captures the optimized scenario's captures, by route id
   */
  static List<String> select(
      Evaluation run,
      List<String> optimized,
      Set<String> rewritten,
      Collection<String> changedTables,
      Map<String, RouteCapture.Result> captures) {
    List<String> touching =
        AffectedRoutes.touching(run.baseline(), run.routes(), run.written(), changedTables);
    Map<String, RunResults.RouteResult> before = run.baseline().byId();
    return optimized.stream()
        .filter(
            id ->
                rewritten.contains(id)
                    || touching.contains(id)
                    || captures.get(id) == null
                    || captures.get(id).error() != null
                    || before.get(id) == null
                    || before.get(id).timing() == null
                    || !samePlans(before.get(id).statements(), captures.get(id).statements()))
        .toList();
  }

  /** Same statements, and each with the same plan nodes and indexes, drill-downs included. */
  static boolean samePlans(
      List<RunResults.StatementCapture> a, List<RunResults.StatementCapture> b) {
    if (a == null || b == null || a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      RunResults.StatementCapture x = a.get(i);
      RunResults.StatementCapture y = b.get(i);
      if (!Objects.equals(x.nodeTypes(), y.nodeTypes())
          || !Objects.equals(x.indexesUsed(), y.indexesUsed())) {
        return false;
      }
    }
    return true;
  }
}
