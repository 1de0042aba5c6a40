package dev.indexlab.gate;

/**
 * One route's result in the gate's JUnit report (see {@link JUnitXmlWriter}).
 *
 * @param name the test case name, usually the route name
 * @param seconds time spent on the case, in seconds (≥ 0)
 * @param status the outcome
 * @param message one-line reason, shown by CI next to the case (may be null when passed)
 * @param details multi-line evidence, e.g. the before/after plan lines (may be null)
 * @param output the route's figures, written as the case's {@code <system-out>} (may be null)
 */
record GateCase(
    String name, double seconds, Status status, String message, String details, String output) {
  /** Outcome of one case. */
  public enum Status {
    /** Nothing regressed. */
    PASS,
    /** A regression: JUnit {@code <failure>}. */
    FAIL,
    /** The route could not be measured: JUnit {@code <error>}. */
    ERROR,
    /** Not compared, e.g. a route added since the baseline: JUnit {@code <skipped>}. */
    SKIPPED
  }

  public GateCase {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a gate case needs a name");
    }
    if (status == null) {
      throw new IllegalArgumentException("a gate case needs a status");
    }
    if (!(seconds >= 0) || Double.isInfinite(seconds)) {
      throw new IllegalArgumentException("seconds must be finite and >= 0, got " + seconds);
    }
  }

  /** This case with {@code text} as its {@code <system-out>}. */
  public GateCase withOutput(String text) {
    return new GateCase(name, seconds, status, message, details, text);
  }

  public static GateCase pass(String name, double seconds) {
    return new GateCase(name, seconds, Status.PASS, null, null, null);
  }

  public static GateCase fail(String name, double seconds, String message, String details) {
    return new GateCase(name, seconds, Status.FAIL, message, details, null);
  }

  public static GateCase error(String name, double seconds, String message, String details) {
    return new GateCase(name, seconds, Status.ERROR, message, details, null);
  }

  public static GateCase skipped(String name, String message) {
    return new GateCase(name, 0, Status.SKIPPED, message, null, null);
  }
}
