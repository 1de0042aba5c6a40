package dev.indexlab.gate;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The gate against a stored baseline: measures the current state, compares it with the baseline,
 * and measures again the routes that were slower on time alone before failing them.
 *
 * <pre>{@code
 * GateOutcome o = new BaselineGate(settings, thresholds, err).run(side, baseline, routes, notes);
 * System.exit(o.exitCode());
 * }</pre>
 *
 * <ol>
 *   <li>{@link GateRecorder} explains and times every route on {@code side};
 *   <li>{@link RegressionGate} compares: a plan or buffers regression fails at once;
 *   <li>each route slower on time alone (plans and buffers unchanged) is measured a second time,
 *       alternating with the unchanged route nearest to it in speed ({@link
 *       GateOutcome#referenceFor}); the reference's ratio to its baseline is the machine factor of
 *       that moment. The route fails only when the second measurement calls it slower too.
 * </ol>
 */
public final class BaselineGate {
  private final GateSettings settings;
  private final GateThresholds thresholds;
  private final PrintWriter progress;

  public BaselineGate(GateSettings settings, GateThresholds thresholds, PrintWriter progress) {
    this.settings = settings;
    this.thresholds = thresholds;
    this.progress = progress;
  }

  /**
   * Gates {@code routes} (every route when empty) of {@code side} against {@code baseline}.
   *
   * @param notes run-level remarks to carry into the outcome
   */
  public GateOutcome run(
      GateSide side, Baseline baseline, List<String> routes, List<String> notes) {
    GateRecorder recorder = new GateRecorder(settings, progress);
    RegressionGate gate = new RegressionGate(thresholds);
    Baseline now = recorder.record(List.of(side), routes).get(0);
    long start = System.nanoTime();
    GateOutcome outcome = gate.compare(baseline, now, notes);
    say("gate: compared in %.1f s", start);
    List<String> suspects = outcome.timeOnlyRegressions();
    if (suspects.isEmpty()) {
      return outcome;
    }
    Map<String, String> references = new LinkedHashMap<>();
    for (String id : suspects) {
      references.put(id, outcome.referenceFor(id).orElse(null));
    }
    start = System.nanoTime();
    Remeasurement again = recorder.remeasure(side, references);
    say("gate: measured " + suspects.size() + " route(s) again in %.1f s", start);
    start = System.nanoTime();
    GateOutcome judged = gate.compare(baseline, now, notes, again);
    say("gate: compared again in %.1f s", start);
    return judged;
  }

  private void say(String format, long since) {
    progress.println(String.format(Locale.ROOT, format, (System.nanoTime() - since) / 1e9));
    progress.flush();
  }
}
